import { UUID_PATTERN } from '../../schemas/patterns';
import type { MessageStatusRow } from './answers';
import { apiRequest } from './client';

export type { MessageStatusRow };

/** One message by id, with what the reply context shows; null when there is none. */
export async function getMessage(id: string, signal?: AbortSignal) {
  const { data } = await apiRequest({
    path: `/message?id=eq.${id}&select=id,conversation_id,status,subject,raw_content,is_inbound,created_at,send_after,sent_at`,
    schema: (answers) => answers.MessageWithTextListSchema,
    signal,
  });
  return data[0] ?? null;
}

export async function getConversation(id: string, signal?: AbortSignal) {
  const { data } = await apiRequest({
    path: `/conversation?id=eq.${id}&select=id,subject,status,channel_id,channel_type,contact_id,latest_inbound_message_created_at`,
    schema: (answers) => answers.ConversationRowListSchema,
    signal,
  });
  return data[0] ?? null;
}

/** The proxy (and PostgREST's URL length) allow at most this many ids in one `in.(…)` filter. */
export const MESSAGE_IDS_PER_REQUEST = 50;

/** Splits ids into groups of at most `size`, without duplicates, keeping their order. */
export function batchIds(ids: readonly string[], size = MESSAGE_IDS_PER_REQUEST): string[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('size must be a positive integer');
  const unique = [...new Set(ids)];
  const batches: string[][] = [];
  for (let start = 0; start < unique.length; start += size) {
    batches.push(unique.slice(start, start + size));
  }
  return batches;
}

/**
 * The current status of many messages, one request per 50 ids. Ids that are not UUIDs cannot
 * exist upstream and would make the proxy refuse the whole batch, so they are left out (and so
 * come back as not found).
 */
export async function getMessageStatuses(
  ids: readonly string[],
  signal?: AbortSignal,
): Promise<MessageStatusRow[]> {
  const rows: MessageStatusRow[] = [];
  for (const batch of batchIds(ids.filter((id) => UUID_PATTERN.test(id)))) {
    const { data } = await apiRequest({
      path: `/message?id=in.(${batch.join(',')})&select=id,status,sent_at,send_after`,
      schema: (answers) => answers.MessageStatusRowListSchema,
      signal,
    });
    rows.push(...data);
  }
  return rows;
}

/**
 * Cancels a scheduled send: the proxy reads the message first and deletes it only while it is
 * `scheduled`. Answers the deleted rows; fails with 409 `not_scheduled` when it went out
 * already, 404 when there is no such message.
 */
export async function cancelScheduledMessage(id: string, signal?: AbortSignal) {
  const { data } = await apiRequest({
    method: 'DELETE',
    path: `/message?id=eq.${encodeURIComponent(id)}`,
    schema: (answers) => answers.DeletedMessagesSchema,
    signal,
  });
  return data;
}
