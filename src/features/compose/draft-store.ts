import { openDB } from 'idb';
import { i18n } from '../../i18n';
import { lazyModule } from '../../lib/lazy-module';
import type { ComposeValues } from './form-model';

/** A draft is the whole form, kept in IndexedDB under its message id. */
export interface StoredDraft {
  id: string;
  updatedAt: string;
  values: ComposeValues;
}

const DB_NAME = 'mateo-composer-drafts';
const STORE = 'drafts';

/**
 * The drafts database, opened on first use; a failed open is tried again by the next call. The
 * IndexedDB wrapper (2 KiB) comes with the page: the drafts are read before its first draw, and
 * a chunk of its own would be one more round trip before it.
 */
const db = lazyModule(() =>
  openDB(DB_NAME, 1, {
    upgrade(upgrade) {
      upgrade.createObjectStore(STORE, { keyPath: 'id' });
    },
  }),
);

export async function listDrafts(): Promise<StoredDraft[]> {
  const all = (await (await db()).getAll(STORE)) as StoredDraft[];
  return all.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export async function saveDraft(values: ComposeValues): Promise<StoredDraft> {
  const draft: StoredDraft = { id: values.id, updatedAt: new Date().toISOString(), values };
  await (await db()).put(STORE, draft);
  return draft;
}

export async function deleteDraft(id: string): Promise<void> {
  await (await db()).delete(STORE, id);
}

/** A short name for the draft switcher, in the reader's language. */
export function draftTitle(values: ComposeValues): string {
  const first = values.to[0];
  const who = first
    ? (first.name ?? first.handle ?? first.input)
    : i18n.t('compose.drafts.noRecipient');
  const what =
    values.subject || values.text.split('\n')[0] || values.html.replace(/<[^>]*>/g, ' ').trim();
  return `${who}${values.to.length > 1 ? ` +${values.to.length - 1}` : ''} · ${what.slice(0, 40) || i18n.t('compose.drafts.empty')}`;
}
