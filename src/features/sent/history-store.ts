import { openDB, type IDBPDatabase } from 'idb';
import {
  entryFromSent,
  sortNewestFirst,
  type HistoryEntry,
  type SentRecord,
} from './history-entry';
import { parseStoredEntry } from './stored-entry';
import { i18n } from '../../i18n';

/**
 * The history of messages sent from this browser, in IndexedDB (database `mateo-composer`,
 * store `history`, keyed by message id). When the browser refuses storage (private modes,
 * quota, a blocked upgrade), the history lives on in memory for as long as the page does and
 * the panel says so.
 */
export const HISTORY_DB_NAME = 'mateo-composer';
export const HISTORY_STORE = 'history';
const OPEN_TIMEOUT_MS = 5_000;
const BROADCAST_NAME = 'mateo-composer-history';

export interface HistorySnapshot {
  /** Newest first. */
  entries: HistoryEntry[];
  storage: 'indexeddb' | 'memory';
  /** Why storage is not used, in plain words (the language of the moment it failed). */
  storageProblem?: string;
}

let dbPromise: Promise<IDBPDatabase | null> | null = null;
/** Set once storage failed; from then on the history lives here. */
let memory: Map<string, HistoryEntry> | null = null;
let storageProblem: string | undefined;
/** The last entries read, to carry over into memory when storage fails midway. */
let lastKnown: HistoryEntry[] = [];

const listeners = new Set<() => void>();
let broadcast: BroadcastChannel | null | undefined;

function channel(): BroadcastChannel | null {
  if (broadcast !== undefined) return broadcast;
  // Other tabs of the app hear about new entries and statuses through this.
  broadcast =
    typeof window !== 'undefined' && typeof BroadcastChannel !== 'undefined'
      ? new BroadcastChannel(BROADCAST_NAME)
      : null;
  if (broadcast) broadcast.onmessage = () => notifyHere();
  return broadcast;
}

function notifyHere() {
  for (const listener of listeners) listener();
}

function notifyChanged() {
  notifyHere();
  try {
    channel()?.postMessage('changed');
  } catch {
    // A closed channel only means other tabs learn of it on their next read.
  }
}

/** Calls `listener` whenever the history changes, here or in another tab. */
export function subscribeToHistory(listener: () => void): () => void {
  channel();
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function withTimeout<T>(promise: Promise<T>, onLate: (value: T) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(i18n.t('sent.history.openTimeout')));
      void promise.then(onLate, () => undefined);
    }, OPEN_TIMEOUT_MS);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Opens the database at whatever version it has and adds the store when it is missing, so this
 * store can share the database with others that do the same, whatever order they open in.
 */
async function openHistoryDb(): Promise<IDBPDatabase> {
  if (typeof indexedDB === 'undefined') throw new Error(i18n.t('sent.history.noIndexedDb'));
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    let db: IDBPDatabase | undefined;
    const callbacks = {
      // Another tab or module wants a newer version: step aside and reopen on the next use.
      blocking: () => {
        db?.close();
        dbPromise = null;
      },
      terminated: () => {
        dbPromise = null;
      },
    };
    try {
      db = await withTimeout(openDB(HISTORY_DB_NAME, undefined, callbacks), (late) => late.close());
      if (db.objectStoreNames.contains(HISTORY_STORE)) return db;
      const version = db.version + 1;
      db.close();
      db = await withTimeout(
        openDB(HISTORY_DB_NAME, version, {
          ...callbacks,
          upgrade(upgrading) {
            if (!upgrading.objectStoreNames.contains(HISTORY_STORE)) {
              upgrading.createObjectStore(HISTORY_STORE, { keyPath: 'id' });
            }
          },
        }),
        (late) => late.close(),
      );
      if (db.objectStoreNames.contains(HISTORY_STORE)) return db;
      db.close();
    } catch (error) {
      lastError = error;
      // A VersionError means someone upgraded between our two opens: try again from the top.
      if (!(error instanceof DOMException && error.name === 'VersionError')) break;
    }
  }
  throw lastError instanceof Error ? lastError : new Error(i18n.t('sent.history.storeNotCreated'));
}

function fallBackToMemory(error: unknown) {
  if (memory) return;
  memory = new Map(lastKnown.map((entry) => [entry.id, entry]));
  storageProblem = i18n.t('sent.history.storageUnavailableBecause', {
    detail: error instanceof Error ? error.message : String(error),
  });
  dbPromise = Promise.resolve(null);
  notifyHere();
}

async function database(): Promise<IDBPDatabase | null> {
  if (memory) return null;
  dbPromise ??= openHistoryDb().catch((error: unknown) => {
    fallBackToMemory(error);
    return null;
  });
  return dbPromise;
}

/**
 * Runs `work` on the database. A connection closed under us (another tab upgraded) is reopened
 * once; any other failure moves the history to memory. `undefined` means: use memory.
 */
async function withDatabase<T>(
  work: (db: IDBPDatabase) => Promise<T>,
): Promise<{ value: T } | undefined> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const db = await database();
    if (!db) return undefined;
    try {
      return { value: await work(db) };
    } catch (error) {
      if (attempt === 0 && error instanceof DOMException && error.name === 'InvalidStateError') {
        dbPromise = null;
        continue;
      }
      fallBackToMemory(error);
      return undefined;
    }
  }
  return undefined;
}

function parseEntries(values: readonly unknown[]): HistoryEntry[] {
  // Records from an older build or edited by hand are skipped, not fatal.
  return values.flatMap((value) => parseStoredEntry(value) ?? []);
}

/** Every entry, newest first, and where they are kept. */
export async function readHistory(): Promise<HistorySnapshot> {
  const stored = await withDatabase(async (db) =>
    sortNewestFirst(parseEntries(await db.getAll(HISTORY_STORE))),
  );
  if (stored) {
    lastKnown = stored.value;
    return { entries: stored.value, storage: 'indexeddb' };
  }
  return {
    entries: sortNewestFirst([...(memory?.values() ?? [])]),
    storage: 'memory',
    storageProblem,
  };
}

/** One entry by id, or undefined. */
export async function getHistoryEntry(id: string): Promise<HistoryEntry | undefined> {
  const stored = await withDatabase(async (db) =>
    parseStoredEntry(await db.get(HISTORY_STORE, id)),
  );
  return stored ? stored.value : memory?.get(id);
}

/**
 * Keeps a message sent from this browser. Call it after every successful send; lists shown
 * through `useHistory` update by themselves.
 */
export async function recordSent(sent: SentRecord): Promise<void> {
  const entry = entryFromSent(sent, new Date());
  const stored = await withDatabase((db) => db.put(HISTORY_STORE, entry));
  if (!stored) memory?.set(entry.id, entry);
  notifyChanged();
}

/**
 * Rewrites the entries with these ids through `update`, each read and written in one
 * transaction so a status poll and a cancel cannot overwrite each other. Returns the entries
 * that changed (`update` returns its argument unchanged to skip one).
 */
export async function updateHistoryEntries(
  ids: readonly string[],
  update: (entry: HistoryEntry) => HistoryEntry,
): Promise<HistoryEntry[]> {
  const unique = [...new Set(ids)];
  const stored = await withDatabase(async (db) => {
    const changed: HistoryEntry[] = [];
    const tx = db.transaction(HISTORY_STORE, 'readwrite');
    for (const id of unique) {
      const current = parseStoredEntry(await tx.store.get(id));
      if (!current) continue;
      const next = update(current);
      if (next !== current) {
        await tx.store.put(next);
        changed.push(next);
      }
    }
    await tx.done;
    return changed;
  });
  let changed: HistoryEntry[] = [];
  if (stored) changed = stored.value;
  else if (memory) {
    for (const id of unique) {
      const current = memory.get(id);
      if (!current) continue;
      const next = update(current);
      if (next !== current) {
        memory.set(id, next);
        changed.push(next);
      }
    }
  }
  if (changed.length) notifyChanged();
  return changed;
}
