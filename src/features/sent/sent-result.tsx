import { forwardRef, useId } from 'react';
import {
  useTranslation,
  actionTypeText,
  channelTypeText,
  conversationStatusText,
  DIGITS_DATE_TIME,
  formatDateTime,
  messageStatusText,
  recipientRoleText,
} from '../../i18n';
import type { SendMessageResponse } from '../../../schemas/send-message';
import { NOT_FOUND } from './history-entry';

const STATUS_STYLE: Record<string, string> = {
  sent: 'bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200',
  read: 'bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200',
  scheduled: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200',
  sending: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  submitted: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  // Statuses of the history that Mateo does not have: cancelled here, or gone upstream.
  cancelled: 'bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-200',
  'unknown (not found)': 'bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-200',
};

/** A status of Mateo's or of the history's own, in the reader's language. */
export function statusText(status: string): string {
  return status === NOT_FOUND ? messageStatusText('notFound') : messageStatusText(status);
}

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[status] ?? 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200'}`}
    >
      {statusText(status)}
    </span>
  );
}

function formatTime(value: string | null): string {
  if (!value) return '—';
  return formatDateTime(value, DIGITS_DATE_TIME);
}

/** What Mateo answered to a send: conversation, message, recipients and actions. */
export const SentResult = forwardRef<
  HTMLElement,
  {
    response: SendMessageResponse;
    channelName: string;
    /**
     * The type of the channel it was sent from. The answer's `conversation.channel_type` has no
     * `postal` (the spec's enum lacks it), so a letter would read as email without this.
     */
    channelType?: string | null;
    /** 2 where it stands alone; deeper where it sits inside another section (the history). */
    headingLevel?: 2 | 3 | 4;
  }
>(function SentResult({ response, channelName, channelType, headingLevel = 2 }, ref) {
  const { t } = useTranslation();
  const { conversation, message, recipients, actions } = response;
  // Unique, since the page can show the latest result and one from the history at once.
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  const Subheading = `h${Math.min(headingLevel + 1, 6) as 3 | 4 | 5}` as const;
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 outline-none focus-visible:ring-2 focus-visible:ring-teal-600 dark:border-slate-700 dark:bg-slate-900"
    >
      <Heading id={headingId} className="flex items-center gap-2 text-base font-semibold">
        {message.status === 'scheduled' ? t('sent.result.scheduled') : t('sent.result.sent')}{' '}
        <StatusBadge status={message.status} />
      </Heading>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600 dark:text-slate-400">{t('sent.result.from')}</dt>
        <dd>{channelName}</dd>
        <dt className="text-slate-600 dark:text-slate-400">{t('sent.result.channelType')}</dt>
        <dd data-testid="channel-type">
          {channelTypeText(channelType ?? conversation.channel_type)}
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">{t('sent.result.conversation')}</dt>
        <dd>
          <span className="font-mono text-xs">{conversation.id}</span> ·{' '}
          <span data-testid="conversation-status">
            {t('sent.result.conversationStatus', {
              status: conversationStatusText(conversation.status),
            })}
          </span>
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">{t('sent.result.message')}</dt>
        <dd className="font-mono text-xs">{message.id}</dd>
        <dt className="text-slate-600 dark:text-slate-400">{t('sent.result.messageStatus')}</dt>
        <dd data-testid="message-status">{statusText(message.status)}</dd>
        <dt className="text-slate-600 dark:text-slate-400">
          {message.status === 'scheduled' ? t('sent.result.sendsAfter') : t('sent.result.sentAt')}
        </dt>
        <dd>
          {formatTime(
            message.status === 'scheduled'
              ? message.send_after
              : (message.sent_at ?? message.created_at),
          )}
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">{t('sent.result.preview')}</dt>
        <dd data-testid="message-blurb">{message.blurb ?? '—'}</dd>
        <dt className="text-slate-600 dark:text-slate-400">{t('sent.result.attachments')}</dt>
        <dd data-testid="attachment-count">{message.attachment_count ?? 0}</dd>
      </dl>
      <table className="w-full text-left text-sm">
        <caption className="text-left text-sm font-medium">
          {t('sent.result.recipients', { count: recipients.length })}
        </caption>
        <thead>
          <tr className="text-slate-600 dark:text-slate-400">
            <th scope="col" className="py-1 font-normal">
              {t('sent.result.role')}
            </th>
            <th scope="col" className="py-1 font-normal">
              {t('sent.result.recipient')}
            </th>
            <th scope="col" className="py-1 font-normal">
              {t('sent.result.status')}
            </th>
          </tr>
        </thead>
        <tbody>
          {recipients.slice(0, 200).map((recipient) => (
            <tr key={recipient.id} className="border-t border-slate-100 dark:border-slate-800">
              <td className="py-1">{recipientRoleText(recipient.role)}</td>
              <td className="py-1">
                {recipient.full_name ? `${recipient.full_name} ` : ''}
                <span className="text-slate-600 dark:text-slate-400">{recipient.handle}</span>
              </td>
              <td className="py-1">
                <StatusBadge status={recipient.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {recipients.length > 200 ? (
        <p className="text-xs">
          {t('sent.result.moreRecipients', { count: recipients.length - 200 })}
        </p>
      ) : null}
      {actions.length ? (
        <div>
          <Subheading className="text-sm font-medium">{t('sent.result.buttons')}</Subheading>
          <ul className="flex flex-wrap gap-1">
            {actions.map((action) => (
              <li
                key={action.id}
                className="rounded border border-slate-300 px-2 py-0.5 text-xs dark:border-slate-600"
              >
                {action.text}{' '}
                <span className="text-slate-600 dark:text-slate-400">
                  ({actionTypeText(action.type === 'call_to_action' ? action.subtype : action.type)}
                  )
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
});
