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
import { formatDateTime, formatTimeLeft } from './time-left';

/** Ids of a row's buttons, so focus can return to them after the detail or dialog closes. */
export function rowButtonIds(prefix: string, entry: HistoryEntry) {
  return { open: `${prefix}-open-${entry.id}`, cancel: `${prefix}-cancel-${entry.id}` };
}

function WhenText({ entry, now }: { entry: HistoryEntry; now: number }) {
  if (isCancellable(entry) && entry.sendAfter) {
    return (
      <time dateTime={entry.sendAfter} title={formatDateTime(entry.sendAfter)}>
        {formatTimeLeft(entry.sendAfter, now)}
      </time>
    );
  }
  if (entry.cancelled && entry.sendAfter) {
    return (
      <span>
        {'was due '}
        <time dateTime={entry.sendAfter}>{formatDateTime(entry.sendAfter)}</time>
      </span>
    );
  }
  const at = entry.upstreamSentAt ?? entry.sentAt;
  return (
    <span>
      {'sent '}
      <time dateTime={at}>{formatDateTime(at)}</time>
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
  const labels = recipientLabels(entry.request, entry.response);
  const first = labels[0] ?? 'no recipient';
  const blurb = blurbOf(entry);
  const ids = rowButtonIds(idPrefix, entry);
  return (
    <li className="space-y-1 border-t border-slate-100 py-2 first:border-t-0 dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <span className="font-medium">{entry.channel.name ?? entry.channel.type}</span>
        <span className="text-xs text-slate-600 dark:text-slate-400">{entry.channel.type}</span>
        <StatusBadge status={displayStatus(entry)} />
        <span className="ml-auto text-xs text-slate-600 dark:text-slate-400">
          <WhenText entry={entry} now={now} />
        </span>
      </div>
      <p className="text-sm">
        <span className="text-slate-600 dark:text-slate-400">To </span>
        {summarizeRecipients(labels)}
      </p>
      <p className="truncate text-sm text-slate-700 dark:text-slate-300" title={blurb}>
        {blurb || <span className="italic">no text</span>}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button id={ids.open} variant="ghost" onClick={() => onOpen(entry)}>
          Open<span className="sr-only"> message to {first}</span>
        </Button>
        {isCancellable(entry) ? (
          <Button id={ids.cancel} variant="ghost" onClick={() => onCancel(entry)}>
            Cancel<span className="sr-only"> scheduled message to {first}</span>
          </Button>
        ) : null}
      </div>
    </li>
  );
}
