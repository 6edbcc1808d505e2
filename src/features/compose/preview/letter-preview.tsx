import { useMemo } from 'react';
import type { Channel } from '../../../../schemas/rows';
import type { SendMessageRequest } from '../../../../schemas/send-message';
import { EmailFrame } from './email-frame';
import { firstLabels, letterRecipientLabel, outgoingText, plural } from './preview-model';

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
  const recipients = useMemo(() => firstLabels(request.to, 10, letterRecipientLabel), [request.to]);
  const count = request.to?.length ?? 0;
  const { text, fromTemplate } = outgoingText(request, templateText);

  return (
    <div role="group" aria-label="Postal letter preview" className="space-y-2">
      {count > 1 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          One letter to each of {plural(count, 'recipient', 'recipients')}.
        </p>
      ) : null}
      <div className="mx-auto flex aspect-[210/297] w-full max-w-md flex-col gap-4 rounded-sm border border-slate-300 bg-white p-6 text-slate-900 shadow-md">
        <div className="text-xs text-slate-600">{channel.name ?? 'Sender'}</div>
        <div className="min-h-16 w-3/5 border-t border-slate-200 pt-2 text-sm">
          {recipients.labels.length ? (
            <ul aria-label="Letter recipients">
              {recipients.labels.map((label, index) => (
                <li key={index}>{label}</li>
              ))}
              {recipients.more > 0 ? (
                <li className="text-slate-600">and {recipients.more} more</li>
              ) : null}
            </ul>
          ) : (
            <p className="text-slate-600 italic">No recipient yet</p>
          )}
        </div>
        <div className="flex min-h-0 flex-1 flex-col">
          {request.html && !fromTemplate ? (
            <EmailFrame html={request.html} title="Letter preview" className="min-h-0 flex-1" />
          ) : text ? (
            <p className="h-full overflow-hidden text-sm whitespace-pre-wrap">{text}</p>
          ) : (
            <p className="text-sm text-slate-600 italic">No text yet</p>
          )}
        </div>
      </div>
    </div>
  );
}
