import { use, useCallback, useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { deleteDraft, listDrafts, saveDraft, type StoredDraft } from './draft-store';
import type { ComposeValues } from './form-model';
import { onValuesChange } from './form-changes';
import { asChips } from './recipients';

const SAVE_AFTER_MS = 500;

/** Why drafts are not kept: saving or reading failed, with the browser's own reason. */
export interface DraftStorageError {
  action: 'save' | 'read';
  detail: string;
}

let earlyRead: Promise<StoredDraft[]> | undefined;
let earlyPrepared: Promise<unknown> | undefined;

/** How long the composer's first render waits for the drafts before it draws an empty form. */
const FIRST_READ_WAIT_MS = 2000;
/** How much longer it waits, once the drafts are read, for what the latest one needs. */
const PREPARE_WAIT_MS = 2000;

/**
 * Starts reading the drafts before the composer is drawn (the app calls this first thing), so
 * that a large draft is back sooner; the composer takes this read when it opens. `prepare` is
 * given the drafts read, and the first render waits for what it returns too, two seconds at
 * most (the page asks for the latest draft's channel list there, so that the first render can
 * draw its channel and recipients). That wait starts when the drafts are read: a slow answer
 * never turns drafts read in time into late ones.
 */
export function readDraftsEarly(
  prepare?: (drafts: StoredDraft[]) => Promise<unknown> | undefined,
): void {
  if (earlyRead) return;
  const read = readDrafts();
  earlyRead = read;
  // Reported by the composer when it takes the read.
  read.catch(() => undefined);
  earlyPrepared = read.then(
    (drafts) => {
      const preparing = prepare?.(drafts)?.catch(() => undefined);
      return (
        preparing &&
        Promise.race([preparing, new Promise((done) => setTimeout(done, PREPARE_WAIT_MS))])
      );
    },
    () => undefined,
  );
}

function takeDrafts(): { read: Promise<StoredDraft[]>; prepared?: Promise<unknown> } {
  const taken = {
    read: earlyRead ?? readDrafts(),
    prepared: earlyPrepared,
  };
  earlyRead = undefined;
  earlyPrepared = undefined;
  return taken;
}

/** The drafts as the composer opens: `list` is null when the read took too long (see below). */
export interface FirstDraftsRead {
  list: StoredDraft[] | null;
  error?: string;
  /** The read itself, when `list` is null: the drafts are restored once it ends. */
  late?: Promise<StoredDraft[]>;
}

let firstRead: Promise<FirstDraftsRead> | undefined;

/**
 * The read the composer's first render waits for (with React's `use`), so that it renders the
 * latest draft at once: no empty form drawn first and then replaced (which, with 10,000
 * recipients, is a second full render and a second copy of the values), and nothing typed into
 * an empty form is lost to a late restore. Storage that does not answer within two seconds
 * does not hold the composer back: it opens empty and the draft comes when the read ends.
 * Drafts read in time also wait for what `readDraftsEarly` prepares for them.
 */
function firstDraftsRead(): Promise<FirstDraftsRead> {
  if (!firstRead) {
    const { read, prepared } = takeDrafts();
    firstRead = Promise.race([
      read.then(
        (list): FirstDraftsRead => ({ list }),
        (error: Error): FirstDraftsRead => ({ list: [], error: error.message }),
      ),
      new Promise<FirstDraftsRead>((resolve) =>
        setTimeout(() => resolve({ list: null, late: read }), FIRST_READ_WAIT_MS),
      ),
    ]).then(async (first) => {
      if (first.list?.length) await prepared;
      return first;
    });
  }
  return firstRead;
}

/**
 * The composer's first read of the drafts: its first render waits for it (`firstDraftsRead`),
 * and the composer keeps it for as long as it is open. Once the composer is on screen the read
 * is let go of, so that a composer opened later reads afresh; the renders after that must not
 * ask again, or each would start a read of every draft (with 10,000 recipients, 50 to 100 ms of
 * decoding on a slow phone) and wait for it.
 */
export function useFirstDraftsRead(): FirstDraftsRead {
  const [read] = useState(firstDraftsRead);
  useEffect(() => {
    firstRead = undefined;
  }, []);
  return use(read);
}

/** The composer's first values: the latest draft over a fresh form, or the fresh form. */
export function firstValues(read: FirstDraftsRead, fresh: ComposeValues): ComposeValues {
  const latest = read.list?.[0];
  return latest ? restored(fresh, latest.values) : fresh;
}

/** A stored draft's values over a fresh form, its recipients as chips again (see `asChip`). */
function restored(fresh: ComposeValues, values: ComposeValues): ComposeValues {
  const merged = { ...fresh, ...values };
  return { ...merged, to: asChips(merged.to), cc: asChips(merged.cc), bcc: asChips(merged.bcc) };
}

function upsert(list: StoredDraft[], draft: StoredDraft): StoredDraft[] {
  return [draft, ...list.filter((d) => d.id !== draft.id)];
}

/**
 * An IndexedDB write begun while the page goes away often never commits: closing the tab tears
 * the page down first. So whatever is unsaved then also goes to localStorage, which writes at
 * once, and moves into IndexedDB when the app opens next.
 */
const STASH_PREFIX = 'mateo-composer.unsaved-draft.';

function stash(values: ComposeValues) {
  const draft: StoredDraft = { id: values.id, updatedAt: new Date().toISOString(), values };
  try {
    localStorage.setItem(`${STASH_PREFIX}${values.id}`, JSON.stringify(draft));
  } catch {
    // Full or refused: the IndexedDB write begun alongside may still land.
  }
}

function dropStash(id: string) {
  try {
    localStorage.removeItem(`${STASH_PREFIX}${id}`);
  } catch {
    // Refused: then nothing was stashed either.
  }
}

function readStashes(): StoredDraft[] {
  try {
    return Object.keys(localStorage)
      .filter((key) => key.startsWith(STASH_PREFIX))
      .flatMap((key) => {
        try {
          const draft = JSON.parse(localStorage.getItem(key) ?? '') as Partial<StoredDraft> | null;
          if (typeof draft?.id === 'string' && typeof draft.updatedAt === 'string' && draft.values)
            return [draft as StoredDraft];
        } catch {
          // Not one of ours after all: left alone.
        }
        return [];
      });
  } catch {
    return [];
  }
}

let stashesMoved = false;

/**
 * The drafts, newest first. The first read in a page also moves the stashed drafts into
 * IndexedDB, where newer than what it holds (oldest first), and answers with the list that
 * makes: one read of the store, whose every draft is decoded with all its recipients.
 */
function readDrafts(): Promise<StoredDraft[]> {
  if (stashesMoved) return listDrafts();
  stashesMoved = true;
  return listDrafts().then(moveStashes);
}

async function moveStashes(stored: StoredDraft[]): Promise<StoredDraft[]> {
  let list = stored;
  try {
    const stashes = readStashes().sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
    for (const draft of stashes) {
      const known = list.find((d) => d.id === draft.id);
      if (!known || known.updatedAt <= draft.updatedAt)
        list = upsert(list, await saveDraft(draft.values));
      dropStash(draft.id);
    }
  } catch {
    // Storage refused a write: the stashes left stay for a later visit.
  }
  return list;
}

/**
 * Keeps the form in IndexedDB as the user types (debounced, and at once when the page is
 * hidden), restores the latest draft when the app opens, and lets the user switch, create and
 * delete drafts. When storage fails, the form keeps everything in memory and says so.
 */
export function useDrafts<C>(
  form: UseFormReturn<ComposeValues, C>,
  fresh: () => ComposeValues,
  first: FirstDraftsRead,
) {
  const [drafts, setDrafts] = useState<StoredDraft[]>(first.list ?? []);
  const [ready, setReady] = useState(first.list !== null);
  const [storageError, setStorageError] = useState<DraftStorageError | null>(
    first.error === undefined ? null : { action: 'read', detail: first.error },
  );
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const pending = useRef<ComposeValues | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Changes seen and changes known to be in IndexedDB: what differs is unsaved.
  const changes = useRef(0);
  const savedChanges = useRef(0);
  const { reset, control, getValues } = form;

  /** Writes `values`, which hold the form's changes up to number `upTo`. */
  const persist = useCallback(async (values: ComposeValues, upTo: number) => {
    try {
      const saved = await saveDraft(values);
      savedChanges.current = Math.max(savedChanges.current, upTo);
      dropStash(values.id);
      setDrafts((list) => upsert(list, saved));
      setSavedAt(saved.updatedAt);
      setStorageError(null);
    } catch (error) {
      // Kept in the list in memory, so that a new draft or a switch does not drop this one.
      const kept: StoredDraft = { id: values.id, updatedAt: new Date().toISOString(), values };
      setDrafts((list) => upsert(list, kept));
      setStorageError({ action: 'save', detail: (error as Error).message });
    }
  }, []);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const values = pending.current;
    if (!values) return;
    pending.current = null;
    await persist(values, changes.current);
  }, [persist]);

  useEffect(() => {
    if (!first.late) return;
    let cancelled = false;
    first.late
      .then((list) => {
        if (cancelled) return;
        setDrafts(list);
        const latest = list[0];
        if (latest) reset(restored(fresh(), latest.values));
      })
      .catch((error: Error) => setStorageError({ action: 'read', detail: error.message }))
      .finally(() => !cancelled && setReady(true));
    return () => {
      cancelled = true;
    };
    // Restores once, when the composer opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!ready) return;
    return onValuesChange(control, () => {
      changes.current++;
      pending.current = getValues();
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS);
    });
  }, [ready, control, getValues, flush]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => {
      // Hiding the page (which comes first) may have begun the IndexedDB write already.
      if (changes.current !== savedChanges.current) stash(getValues());
      void flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, [flush, getValues]);

  const saveNow = useCallback(async () => {
    pending.current = getValues();
    await flush();
  }, [flush, getValues]);

  const switchTo = useCallback(
    async (id: string) => {
      await saveNow();
      const draft = (await listDrafts().catch(() => drafts)).find((d) => d.id === id);
      if (draft) reset(restored(fresh(), draft.values));
    },
    [drafts, fresh, reset, saveNow],
  );

  const newDraft = useCallback(async () => {
    clearTimeout(timer.current);
    pending.current = null;
    const current = getValues();
    const upTo = changes.current;
    // The new draft is there at once, so keys typed right after the click land in it; the
    // draft left is written meanwhile (storage can take its time on a busy device).
    reset({ ...fresh(), channelId: current.channelId, defaultCountry: current.defaultCountry });
    await persist(current, upTo);
  }, [fresh, getValues, persist, reset]);

  const remove = useCallback(
    async (id: string) => {
      clearTimeout(timer.current);
      pending.current = null;
      // Sent or deleted: its unsaved changes are dropped on purpose.
      savedChanges.current = changes.current;
      dropStash(id);
      await deleteDraft(id).catch(() => undefined);
      const rest = drafts.filter((d) => d.id !== id);
      setDrafts(rest);
      return rest;
    },
    [drafts],
  );

  const deleteCurrent = useCallback(async () => {
    const rest = await remove(getValues('id'));
    const next = rest[0];
    const current = getValues();
    reset(
      next
        ? restored(fresh(), next.values)
        : { ...fresh(), channelId: current.channelId, defaultCountry: current.defaultCountry },
    );
  }, [fresh, getValues, remove, reset]);

  return {
    drafts,
    ready,
    storageError,
    savedAt,
    switchTo,
    newDraft,
    deleteCurrent,
    remove,
    saveNow,
  };
}
