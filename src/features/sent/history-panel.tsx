import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation, channelTypeText, type TFunction } from '../../i18n';
import { inputClass } from '../../components/field';
import { CancelDialog } from './cancel-dialog';
import { describeError } from './describe-error';
import {
  channelTypeOptions,
  filterEntries,
  firstRecipient,
  isCancellable,
  statusOptions,
  type HistoryEntry,
  type HistoryFilter,
} from './history-entry';
import { HistoryDetail } from './history-detail';
import { HistoryRow, rowButtonIds } from './history-row';
import { statusText } from './sent-result';
import type { CancelOutcome } from './status-sync';
import { useCancelScheduled } from './use-cancel-scheduled';
import { useHistory } from './use-history';
import { useNow } from './use-now';
import { useStatusRefresh } from './use-status-refresh';

const NO_ENTRIES: HistoryEntry[] = [];
/** How often "sends in 5 min" is recomputed. */
const CLOCK_MS = 15_000;

/** What became of a cancel, kept as facts and worded when shown. */
type Notice = { to: string; outcome: CancelOutcome } | { to: string; error: unknown } | null;

function noticeText(notice: Notice, t: TFunction): string {
  if (!notice) return '';
  if ('error' in notice)
    return t('sent.history.cancelFailed', { to: notice.to, error: describeError(notice.error) });
  const { to, outcome } = notice;
  switch (outcome.outcome) {
    case 'cancelled':
      return t('sent.history.cancelled', { to });
    case 'already_sent':
      return t('sent.history.alreadySent', { to, detail: outcome.detail });
    case 'not_found':
      return t('sent.history.notFound', { to });
  }
}

function focusLater(...ids: string[]) {
  requestAnimationFrame(() => {
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element) {
        element.focus();
        return;
      }
    }
  });
}

/**
 * The messages sent from this browser, newest first: filter by status and channel type, open
 * one to see Mateo's answer and the request, cancel a scheduled one. Statuses that may still
 * change are read again every 5 s.
 */
export function HistoryPanel({ onOpen }: { onOpen?: (entry: HistoryEntry) => void } = {}) {
  const { t } = useTranslation();
  const history = useHistory();
  const entries = history.data?.entries ?? NO_ENTRIES;
  const refresh = useStatusRefresh(entries);
  const hasScheduled = entries.some(isCancellable);
  const tick = useNow(CLOCK_MS, hasScheduled, history.dataUpdatedAt);
  // An entry recorded since the last tick is younger than the clock: never show time before it.
  const newest = Date.parse(entries[0]?.sentAt ?? '');
  const now = Number.isNaN(newest) ? tick : Math.max(tick, newest);

  const [filter, setFilter] = useState<HistoryFilter>({ status: '', channelType: '' });
  const [openId, setOpenId] = useState<string | null>(null);
  const [cancelId, setCancelId] = useState<string | null>(null);
  // What the dialog shows right now, for answers that arrive after it was closed.
  const dialogFor = useRef<string | null>(null);
  const [cancelError, setCancelError] = useState<unknown>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const cancel = useCancelScheduled();

  const prefix = useId();
  const headingId = `${prefix}-heading`;
  const statusFilterId = `${prefix}-status-filter`;
  const channelFilterId = `${prefix}-channel-filter`;

  const shown = useMemo(() => filterEntries(entries, filter), [entries, filter]);
  const statuses = statusOptions(entries, filter.status);
  const channelTypes = channelTypeOptions(entries, filter.channelType);
  const opened = openId ? entries.find((entry) => entry.id === openId) : undefined;
  const cancelling = cancelId ? entries.find((entry) => entry.id === cancelId) : undefined;

  const open = (entry: HistoryEntry) => {
    setOpenId(entry.id);
    onOpen?.(entry);
  };
  const closeDetail = () => {
    const entry = opened;
    setOpenId(null);
    if (entry) focusLater(rowButtonIds(prefix, entry).open);
  };
  const askCancel = (entry: HistoryEntry) => {
    setCancelError(null);
    setCancelId(entry.id);
    dialogFor.current = entry.id;
  };
  const closeCancel = () => {
    const entry = cancelling;
    setCancelId(null);
    setCancelError(null);
    dialogFor.current = null;
    if (entry) {
      const ids = rowButtonIds(prefix, entry);
      focusLater(ids.cancel, ids.open);
    }
  };
  const confirmCancel = () => {
    const entry = cancelling;
    if (!entry) return;
    const to = firstRecipient(entry);
    setCancelError(null);
    cancel.mutate(entry.id, {
      onSuccess: (outcome) => {
        setNotice({ to, outcome });
        if (dialogFor.current === entry.id) {
          dialogFor.current = null;
          setCancelId(null);
          const ids = rowButtonIds(prefix, entry);
          focusLater(ids.cancel, ids.open);
        }
      },
      onError: (error) => {
        if (dialogFor.current === entry.id) setCancelError(error);
        // Closed meanwhile (Escape): say it in the panel instead.
        else setNotice({ to, error });
      },
    });
  };

  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id={headingId} className="text-base font-semibold">
        {t('sent.history.heading')}
      </h2>
      {history.data?.storage === 'memory' ? (
        <p className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          {t('sent.history.notSaved', {
            problem: history.data.storageProblem ?? t('sent.history.storageUnavailable'),
          })}
        </p>
      ) : null}
      {entries.length ? (
        <div className="flex flex-wrap gap-3">
          <div>
            <label htmlFor={statusFilterId} className="block text-xs font-medium">
              {t('sent.history.statusFilter')}
            </label>
            <select
              id={statusFilterId}
              className={inputClass}
              value={filter.status}
              onChange={(event) => setFilter({ ...filter, status: event.target.value })}
            >
              <option value="">{t('sent.history.allStatuses')}</option>
              {statuses.map((status) => (
                <option key={status} value={status}>
                  {statusText(status)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={channelFilterId} className="block text-xs font-medium">
              {t('sent.history.channelFilter')}
            </label>
            <select
              id={channelFilterId}
              className={inputClass}
              value={filter.channelType}
              onChange={(event) => setFilter({ ...filter, channelType: event.target.value })}
            >
              <option value="">{t('sent.history.allChannels')}</option>
              {channelTypes.map((type) => (
                <option key={type} value={type}>
                  {channelTypeText(type)}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      <p role="status" className="text-sm empty:hidden">
        {noticeText(notice, t)}
      </p>
      {refresh.error ? (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          {t('sent.history.refreshFailed', { error: describeError(refresh.error) })}
        </p>
      ) : null}
      {history.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('sent.history.loading')}</p>
      ) : !entries.length ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('sent.history.empty')}</p>
      ) : (
        <>
          {shown.length < entries.length ? (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {t('sent.history.showing', { shown: shown.length, total: entries.length })}
            </p>
          ) : null}
          <ul aria-label={t('sent.history.list')} className="text-sm">
            {shown.map((entry) => (
              <HistoryRow
                key={entry.id}
                entry={entry}
                now={now}
                idPrefix={prefix}
                onOpen={open}
                onCancel={askCancel}
              />
            ))}
          </ul>
          {!shown.length ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {t('sent.history.noMatch')}
            </p>
          ) : null}
        </>
      )}
      {opened ? <HistoryDetail entry={opened} onClose={closeDetail} /> : null}
      {cancelling ? (
        <CancelDialog
          entry={cancelling}
          pending={cancel.isPending && cancel.variables === cancelling.id}
          error={cancelError === null ? null : describeError(cancelError)}
          onConfirm={confirmCancel}
          onClose={closeCancel}
        />
      ) : null}
    </section>
  );
}
