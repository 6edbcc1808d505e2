import { useTranslation, channelTypeText, formatDateTime } from '../../i18n';
import { TaggedText } from '../../components/tagged-text';
import { Button } from '../../components/button';
import {
  blurbOf,
  displayStatus,
  isCancellable,
  recipientLabels,
  summarizeRecipients,
  type HistoryEntry,
} from './history-entry';
import { StatusBadge } from './sent-result';
import { formatTimeLeft } from './time-left';

/** Ids of a row's buttons, so focus can return to them after the detail or dialog closes. */
export function rowButtonIds(prefix: string, entry: HistoryEntry) {
  return { open: `${prefix}-open-${entry.id}`, cancel: `${prefix}-cancel-${entry.id}` };
}

function WhenText({ entry, now }: { entry: HistoryEntry; now: number }) {
  const { t } = useTranslation();
  if (isCancellable(entry) && entry.sendAfter) {
    return (
      <time dateTime={entry.sendAfter} title={formatDateTime(entry.sendAfter)}>
        {formatTimeLeft(entry.sendAfter, now)}
      </time>
    );
  }
  if (entry.cancelled && entry.sendAfter) {
    const due = entry.sendAfter;
    return (
      <span>
        <TaggedText
          text={t('sent.row.wasDue', { time: formatDateTime(due) })}
          tags={{ time: (time) => <time dateTime={due}>{time}</time> }}
        />
      </span>
    );
  }
  const at = entry.upstreamSentAt ?? entry.sentAt;
  return (
    <span>
      <TaggedText
        text={t('sent.row.sentAt', { time: formatDateTime(at) })}
        tags={{ time: (time) => <time dateTime={at}>{time}</time> }}
      />
    </span>
  );
}

/** One message of the history: channel, recipients, text, status, time and what can be done. */
export function HistoryRow({
  entry,
  now,
  idPrefix,
  onOpen,
  onCancel,
}: {
  entry: HistoryEntry;
  now: number;
  idPrefix: string;
  onOpen: (entry: HistoryEntry) => void;
  onCancel: (entry: HistoryEntry) => void;
}) {
  const { t } = useTranslation();
  const labels = recipientLabels(entry.request, entry.response);
  const first = labels[0] ?? t('sent.row.noRecipient');
  const blurb = blurbOf(entry);
  const ids = rowButtonIds(idPrefix, entry);
  return (
    <li className="space-y-1 border-t border-slate-100 py-2 first:border-t-0 dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <span className="font-medium">{entry.channel.name ?? entry.channel.type}</span>
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {channelTypeText(entry.channel.type)}
        </span>
        <StatusBadge status={displayStatus(entry)} />
        <span className="ml-auto text-xs text-slate-600 dark:text-slate-400">
          <WhenText entry={entry} now={now} />
        </span>
      </div>
      <p className="text-sm">
        <span className="text-slate-600 dark:text-slate-400">{t('sent.row.to')}</span>
        {summarizeRecipients(labels)}
      </p>
      <p className="truncate text-sm text-slate-700 dark:text-slate-300" title={blurb}>
        {blurb || <span className="italic">{t('sent.row.noText')}</span>}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button
          id={ids.open}
          variant="ghost"
          aria-label={t('sent.row.openMessage', { to: first })}
          onClick={() => onOpen(entry)}
        >
          {t('sent.row.open')}
        </Button>
        {isCancellable(entry) ? (
          <Button
            id={ids.cancel}
            variant="ghost"
            aria-label={t('sent.row.cancelMessage', { to: first })}
            onClick={() => onCancel(entry)}
          >
            {t('sent.row.cancel')}
          </Button>
        ) : null}
      </div>
    </li>
  );
}
