import { z } from '../../schemas/zod';
import { ApiErrorSchema } from '../../schemas/api-error';
import {
  ConversationRowListSchema,
  ChannelListSchema,
  ContactListSchema,
  MessageRowSchema,
  TemplateListSchema,
} from '../../schemas/rows';
import {
  ConversationSchema,
  MessageSchema,
  SendMessageResponseSchema,
} from '../../schemas/send-message';

/**
 * Every schema an answer of the API is checked with. This module brings zod, so it is not part
 * of the page's first load: `loadAnswers` fetches it beside the first request.
 */

export { ApiErrorSchema, ChannelListSchema, ContactListSchema, ConversationRowListSchema };
export { TemplateListSchema, SendMessageResponseSchema };

export const MessageListSchema = z.array(MessageSchema);
export const ConversationListSchema = z.array(ConversationSchema);

// Shapes spread into new objects rather than zod's extend and pick: the small build has them
// as functions, the full one (the server's, see schemas/zod.ts) as methods.
export const MessageWithTextListSchema = z.array(
  z.looseObject({
    ...MessageRowSchema.shape,
    raw_content: z.optional(z.nullable(z.string())),
    subject: z.optional(z.nullable(z.string())),
    is_inbound: z.optional(z.boolean()),
  }),
);

const { id, status, send_after, sent_at } = MessageRowSchema.shape;
export const MessageStatusRowSchema = z.looseObject({ id, status, send_after, sent_at });
export type MessageStatusRow = z.infer<typeof MessageStatusRowSchema>;
export const MessageStatusRowListSchema = z.array(MessageStatusRowSchema);

const DeletedMessageSchema = z.looseObject({ id: z.string() });
/**
 * Mateo documents the deleted object, PostgREST answers an array (or nothing, without
 * `return=representation`): any of them.
 */
export const DeletedMessagesSchema = z.union([
  z.array(DeletedMessageSchema),
  z.pipe(
    DeletedMessageSchema,
    z.transform((row) => [row]),
  ),
  z.pipe(
    z.undefined(),
    z.transform(() => []),
  ),
]);

export const SignedUrlSchema = z.string().check(z.trim(), z.url());
