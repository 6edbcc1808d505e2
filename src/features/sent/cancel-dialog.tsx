import { useId, useRef } from 'react';
import { useTranslation, channelTypeText, formatDateTime } from '../../i18n';
import { Button } from '../../components/button';
import { useModalDialog } from '../../components/modal-dialog';
import { recipientLabels, summarizeRecipients, type HistoryEntry } from './history-entry';

/**
 * Asks before a scheduled message is deleted. A native modal `<dialog>`: the page behind is
 * inert, Escape closes it, and focus starts on "Keep it", the choice that loses nothing.
 */
export function CancelDialog({
  entry,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  entry: HistoryEntry;
  pending: boolean;
  /** Why the last attempt failed, in plain words. */
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useModalDialog(ref);

  const to = summarizeRecipients(recipientLabels(entry.request, entry.response));
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      // Escape (the dialog's cancel) and any other close end up here.
      onClose={onClose}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h3 id={titleId} className="text-base font-semibold">
        {t('sent.cancel.title')}
      </h3>
      <p id={descriptionId} className="text-sm">
        {entry.sendAfter
          ? t('sent.cancel.bodyDue', {
              type: channelTypeText(entry.channel.type),
              to,
              time: formatDateTime(entry.sendAfter),
            })
          : t('sent.cancel.body', { type: channelTypeText(entry.channel.type), to })}
      </p>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      {pending ? (
        <p role="status" className="text-sm">
          {t('sent.cancel.cancelling')}
        </p>
      ) : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="danger" onClick={onConfirm} disabled={pending}>
          {t('sent.cancel.confirm')}
        </Button>
        <Button variant="secondary" onClick={onClose} data-initial-focus="">
          {t('sent.cancel.keep')}
        </Button>
      </div>
    </dialog>
  );
}
