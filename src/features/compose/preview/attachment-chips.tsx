import { useTranslation } from '../../../i18n';
import { PaperclipIcon } from './icons';
import { attachmentName } from './preview-model';

/** The request's attachments as chips with their file names; the full address as a tooltip. */
export function AttachmentChips({
  attachments,
}: {
  attachments: readonly string[] | null | undefined;
}) {
  const { t } = useTranslation();
  if (!attachments?.length) return null;
  return (
    <ul aria-label={t('preview.attachedFiles')} className="flex flex-wrap gap-1.5">
      {attachments.map((url, index) => (
        <li
          key={`${index}-${url}`}
          title={url}
          className="inline-flex max-w-full items-center gap-1 rounded-full border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
        >
          <PaperclipIcon />
          <span className="truncate">{attachmentName(url)}</span>
        </li>
      ))}
    </ul>
  );
}
