import { useQuery } from '@tanstack/react-query';
import { CONVERSATION_STATUSES } from '../../../schemas/send-message';
import { inputClass, FieldError } from '../../components/field';
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
  const id = replyTo.trim();
  const message = useQuery(replyMessageQueryOptions(id));
  const conversation = useQuery(conversationQueryOptions(message.data?.conversation_id));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Reply and conversation</legend>
      <div>
        <label htmlFor="reply-to" className="text-xs">
          Reply to message id
        </label>
        <input
          id="reply-to"
          ref={inputRef}
          className={`${inputClass} font-mono`}
          value={replyTo}
          placeholder="optional"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'reply-to-error' : 'reply-to-context'}
          onChange={(event) => onReplyTo(event.target.value)}
        />
      </div>
      <div id="reply-to-context" aria-live="polite" className="text-sm">
        {message.isFetching ? <p>Reading the message…</p> : null}
        {message.data === null ? (
          <p className="text-red-700 dark:text-red-400">No message with this id.</p>
        ) : null}
        {message.data ? (
          <div
            className="rounded-md bg-slate-100 p-2 dark:bg-slate-800"
            data-testid="reply-context"
          >
            <p>
              Replying to “{(message.data.raw_content ?? message.data.subject ?? '').slice(0, 140)}”
            </p>
            {conversation.data ? (
              <p className="text-slate-600 dark:text-slate-400">
                Conversation {conversation.data.subject ? `“${conversation.data.subject}” ` : ''}·{' '}
                {conversation.data.channel_type} · status {conversation.data.status}
                {conversation.data.latest_inbound_message_created_at
                  ? ` · last message from the customer ${new Date(conversation.data.latest_inbound_message_created_at).toLocaleString()}`
                  : ''}
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      <FieldError id="reply-to-error" message={error} />
      <div>
        <label htmlFor="conversation-status" className="text-xs">
          Conversation status after sending
        </label>
        <select
          id="conversation-status"
          className={inputClass}
          value={status}
          onChange={(event) => onStatus(event.target.value as ComposeValues['conversationStatus'])}
        >
          <option value="">Leave as it is</option>
          {CONVERSATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
