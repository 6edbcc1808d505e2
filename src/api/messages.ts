import { z } from 'zod';
import { ConversationRowListSchema, MessageRowSchema } from '../../schemas/rows';
import { apiRequest } from './client';

const MessageWithTextSchema = MessageRowSchema.extend({
  raw_content: z.string().nullable().optional(),
  subject: z.string().nullable().optional(),
  is_inbound: z.boolean().optional(),
});

/** One message by id, with what the reply context shows; null when there is none. */
export async function getMessage(id: string, signal?: AbortSignal) {
  const { data } = await apiRequest({
    path: `/message?id=eq.${id}&select=id,conversation_id,status,subject,raw_content,is_inbound,created_at,send_after,sent_at`,
    schema: z.array(MessageWithTextSchema),
    signal,
  });
  return data[0] ?? null;
}

export async function getConversation(id: string, signal?: AbortSignal) {
  const { data } = await apiRequest({
    path: `/conversation?id=eq.${id}&select=id,subject,status,channel_id,channel_type,contact_id,latest_inbound_message_created_at`,
    schema: ConversationRowListSchema,
    signal,
  });
  return data[0] ?? null;
}
