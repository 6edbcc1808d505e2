import { ApiError } from '../../api/client';
import { cancelScheduledMessage, getMessageStatuses } from '../../api/messages';
import { i18n } from '../../i18n';
import { applyStatusRow } from './history-entry';
import { getHistoryEntry, updateHistoryEntries } from './history-store';

/** Reads the status of these messages (50 ids per request) and writes it into the history. */
export async function refreshStatuses(ids: readonly string[], signal?: AbortSignal) {
  if (!ids.length) return [];
  const rows = await getMessageStatuses(ids, signal);
  // A read cut short must not mark the unread messages as gone.
  signal?.throwIfAborted();
  const byId = new Map(rows.map((row) => [row.id, row]));
  await updateHistoryEntries(ids, (entry) => applyStatusRow(entry, byId.get(entry.id)));
  return rows;
}

export type CancelOutcome =
  { outcome: 'cancelled' } | { outcome: 'already_sent'; detail: string } | { outcome: 'not_found' };

/**
 * Cancels a scheduled message: marks that we asked (so a message gone afterwards counts as
 * cancelled even if the answer is lost), deletes it through the proxy, then reads its status
 * again. A 409 means it went out already; a 404 that it was gone before we asked.
 */
export async function cancelScheduled(id: string): Promise<CancelOutcome> {
  const askedBefore = Boolean((await getHistoryEntry(id))?.cancelRequested);
  await updateHistoryEntries([id], (entry) =>
    entry.cancelRequested ? entry : { ...entry, cancelRequested: true },
  );
  try {
    const deleted = await cancelScheduledMessage(id);
    if (deleted.some((row) => row.id === id)) {
      await updateHistoryEntries([id], (entry) => ({ ...entry, cancelled: true }));
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      await updateHistoryEntries([id], (entry) => ({ ...entry, cancelRequested: false }));
      await refreshQuietly(id);
      return { outcome: 'already_sent', detail: error.body.message };
    }
    if (error instanceof ApiError && error.status === 404) {
      // Gone before we asked (then not ours to call cancelled), or gone because an earlier
      // attempt of ours went through although its answer never arrived.
      await updateHistoryEntries([id], (entry) =>
        askedBefore
          ? { ...entry, cancelled: true }
          : { ...entry, cancelRequested: false, notFound: true },
      );
      return askedBefore ? { outcome: 'cancelled' } : { outcome: 'not_found' };
    }
    throw error;
  }
  await refreshQuietly(id);
  const entry = await getHistoryEntry(id);
  if (entry?.cancelled) return { outcome: 'cancelled' };
  if (entry?.notFound) return { outcome: 'not_found' };
  throw new Error(i18n.t('sent.history.cancelNotConfirmed'));
}

/** The read after a cancel; its failure must not turn a done cancel into an error. */
async function refreshQuietly(id: string) {
  try {
    await refreshStatuses([id]);
  } catch {
    // The next poll reads it again.
  }
}
