import { useEffect, useId, useRef } from 'react';
import { useTranslation, formatDateTime } from '../../i18n';
import { Button } from '../../components/button';
import { displayStatus, firstRecipient, type HistoryEntry } from './history-entry';
import { SentResult, StatusBadge } from './sent-result';

/** One message of the history in full: its status now, Mateo's answer, and the request. */
export function HistoryDetail({ entry, onClose }: { entry: HistoryEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const headingId = useId();
  useEffect(() => {
    ref.current?.focus();
  }, [entry.id]);

  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby={headingId}
      className="space-y-3 rounded-md border border-slate-200 p-3 outline-none focus-visible:ring-2 focus-visible:ring-teal-600 dark:border-slate-700"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="text-sm font-semibold">
          {t('sent.detail.heading', { to: firstRecipient(entry) })}
        </h3>
        <Button
          variant="ghost"
          className="ml-auto"
          aria-label={t('sent.detail.closeDetails')}
          onClick={onClose}
        >
          {t('sent.detail.close')}
        </Button>
      </div>
      <p className="flex flex-wrap items-center gap-2 text-sm">
        {t('sent.detail.statusNow')} <StatusBadge status={displayStatus(entry)} />
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {t('sent.detail.sentFromBrowser', { time: formatDateTime(entry.sentAt) })}
        </span>
      </p>
      <p className="text-xs text-slate-600 dark:text-slate-400">{t('sent.detail.answer')}</p>
      <SentResult
        response={entry.response}
        channelName={entry.channel.name ?? entry.channel.type}
        channelType={entry.channel.type}
        headingLevel={4}
      />
      <div>
        <h4 className="text-sm font-medium">{t('sent.detail.request')}</h4>
        <pre className="mt-1 rounded bg-slate-100 p-2 text-xs break-all whitespace-pre-wrap dark:bg-slate-800">
          {JSON.stringify(entry.request, null, 2)}
        </pre>
      </div>
    </section>
  );
}
