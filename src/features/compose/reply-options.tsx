import { useQuery } from '@tanstack/react-query';
import {
  useTranslation,
  channelTypeText,
  conversationStatusText,
  DIGITS_DATE_TIME,
  formatDateTime,
} from '../../i18n';
import { CONVERSATION_STATUSES } from '../../../schemas/constants';
import { inputClass, lineInputClass, FieldError } from '../../components/field';
import { conversationQueryOptions, replyMessageQueryOptions } from './api/queries';
import type { ComposeValues } from './form-model';

/** Reply to a message (its conversation is read and shown) and the conversation's status after sending. */
export function ReplyOptions({
  replyTo,
  onReplyTo,
  status,
  onStatus,
  error,
  inputRef,
}: {
  inputRef?: (element: HTMLInputElement | null) => void;
  replyTo: string;
  onReplyTo: (id: string) => void;
  status: ComposeValues['conversationStatus'];
  onStatus: (status: ComposeValues['conversationStatus']) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = replyTo.trim();
  const message = useQuery(replyMessageQueryOptions(id));
  const conversation = useQuery(conversationQueryOptions(message.data?.conversation_id));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{t('builders.reply.legend')}</legend>
      <div>
        <label htmlFor="reply-to" className="text-xs">
          {t('builders.reply.replyTo')}
        </label>
        <input
          id="reply-to"
          ref={inputRef}
          className={`${lineInputClass} font-mono`}
          value={replyTo}
          placeholder={t('builders.reply.optional')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'reply-to-error' : 'reply-to-context'}
          onChange={(event) => onReplyTo(event.target.value)}
        />
      </div>
      <div id="reply-to-context" aria-live="polite" className="text-sm">
        {message.isFetching ? <p>{t('builders.reply.reading')}</p> : null}
        {message.data === null ? (
          <p className="text-red-700 dark:text-red-400">{t('builders.reply.noMessage')}</p>
        ) : null}
        {message.data ? (
          <div
            className="rounded-md bg-slate-100 p-2 dark:bg-slate-800"
            data-testid="reply-context"
          >
            <p>
              {t('builders.reply.replyingTo', {
                text: (message.data.raw_content ?? message.data.subject ?? '').slice(0, 140),
              })}
            </p>
            {conversation.data ? (
              <p className="text-slate-600 dark:text-slate-400">
                {conversation.data.subject
                  ? t('builders.reply.conversationWithSubject', {
                      subject: conversation.data.subject,
                      type: channelTypeText(conversation.data.channel_type),
                      status: conversationStatusText(conversation.data.status),
                    })
                  : t('builders.reply.conversation', {
                      type: channelTypeText(conversation.data.channel_type),
                      status: conversationStatusText(conversation.data.status),
                    })}
                {conversation.data.latest_inbound_message_created_at
                  ? t('builders.reply.lastInbound', {
                      time: formatDateTime(
                        conversation.data.latest_inbound_message_created_at,
                        DIGITS_DATE_TIME,
                      ),
                    })
                  : ''}
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      <FieldError id="reply-to-error" message={error} />
      <div>
        <label htmlFor="conversation-status" className="text-xs">
          {t('builders.reply.statusAfter')}
        </label>
        <select
          id="conversation-status"
          className={inputClass}
          value={status}
          onChange={(event) => onStatus(event.target.value as ComposeValues['conversationStatus'])}
        >
          <option value="">{t('builders.reply.leaveAsItIs')}</option>
          {CONVERSATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {conversationStatusText(s)}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
