import { useMemo } from 'react';
import { useTranslation } from '../../../i18n';
import type { Channel } from '../../../../schemas/rows';
import type { SendMessageRequest } from '../../../../schemas/send-message';
import { EmailFrame } from './email-frame';
import { firstLabels, letterRecipientLabel, outgoingText } from './preview-model';

/**
 * A letter on an A4-like sheet. Mateo prints the contact's postal address, which the request
 * does not carry, so the address field names the recipients.
 */
export function LetterPreview({
  request,
  channel,
  templateText,
}: {
  request: SendMessageRequest;
  channel: Channel;
  templateText?: string;
}) {
  const { t } = useTranslation();
  const recipients = useMemo(
    () => firstLabels(request.to, 10, (recipient) => letterRecipientLabel(recipient, t)),
    [request.to, t],
  );
  const count = request.to?.length ?? 0;
  const { text, fromTemplate } = outgoingText(request, templateText);

  return (
    <div role="group" aria-label={t('preview.letter.group')} className="space-y-2">
      {count > 1 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {t('preview.letter.oneEach', { count })}
        </p>
      ) : null}
      <div className="mx-auto flex aspect-[210/297] w-full max-w-md flex-col gap-4 rounded-sm border border-slate-300 bg-white p-6 text-slate-900 shadow-md">
        <div className="text-xs text-slate-600">{channel.name ?? t('preview.letter.sender')}</div>
        <div className="min-h-16 w-3/5 border-t border-slate-200 pt-2 text-sm">
          {recipients.labels.length ? (
            <ul aria-label={t('preview.letter.recipients')}>
              {recipients.labels.map((label, index) => (
                <li key={index}>{label}</li>
              ))}
              {recipients.more > 0 ? (
                <li className="text-slate-600">
                  {t('preview.andMore', { count: recipients.more })}
                </li>
              ) : null}
            </ul>
          ) : (
            <p className="text-slate-600 italic">{t('preview.letter.noRecipient')}</p>
          )}
        </div>
        <div className="flex min-h-0 flex-1 flex-col">
          <EmailFrame
            html={fromTemplate ? '' : (request.html ?? '')}
            title={t('preview.letter.frame')}
            className="min-h-0 flex-1"
            empty={
              text ? (
                <p className="h-full overflow-hidden text-sm whitespace-pre-wrap">{text}</p>
              ) : (
                <p className="text-sm text-slate-600 italic">{t('preview.noTextYet')}</p>
              )
            }
          />
        </div>
      </div>
    </div>
  );
}
