import { useMemo } from 'react';
import { useTranslation } from '../../../i18n';
import type { SendMessageRequest } from '../../../../schemas/send-message';
import { analyzeSms, splitSmsSegments } from '../../../lib/sms-segments';
import { outgoingText } from './preview-model';

/**
 * The SMS as carriers send it: one bubble per segment, cut where the carrier cuts
 * (GSM-7 160/153, UCS-2 70/67; reference/channel-limits.md §4).
 */
export function SmsPreview({
  request,
  templateText,
}: {
  request: SendMessageRequest;
  templateText?: string;
}) {
  const { t } = useTranslation();
  const { text, fromTemplate } = outgoingText(request, templateText);
  // Segmenting walks the whole text: only when the text changes.
  const { segments, encoding } = useMemo(
    () => ({ segments: splitSmsSegments(text), encoding: analyzeSms(text).encoding }),
    [text],
  );

  return (
    <div role="group" aria-label={t('preview.sms.group')} className="space-y-2">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {segments.length
          ? t('preview.sms.segments', { count: segments.length, encoding })
          : request.template_id
            ? t('preview.templateByMateo', { id: request.template_id })
            : t('preview.noTextYet')}
        {fromTemplate ? t('preview.sms.templateText') : ''}
      </p>
      {segments.length ? (
        <ol aria-label={t('preview.sms.list')} className="flex flex-col items-end gap-2">
          {segments.map((segment, index) => (
            <li key={index} className="w-full max-w-sm space-y-0.5">
              <span className="block text-right text-xs text-slate-600 dark:text-slate-400">
                {t('preview.sms.segment', { n: index + 1, total: segments.length })}
              </span>
              <p className="rounded-2xl rounded-tr-sm bg-teal-700 px-3 py-2 text-sm break-words whitespace-pre-wrap text-white">
                {segment}
              </p>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
