import { z } from './zod';
import { CHANNEL_STATUSES, CHANNEL_TYPES } from './constants';
import { MessageStatusSchema } from './send-message';

export { CHANNEL_STATUSES, CHANNEL_TYPES };

/** Rows of the list endpoints the composer reads (`GET /channel`, `/contact`, ...). */

export const ChannelTypeSchema = z.enum(CHANNEL_TYPES);
export type ChannelType = z.infer<typeof ChannelTypeSchema>;

export const ChannelStatusSchema = z.enum(CHANNEL_STATUSES);
export type ChannelStatus = z.infer<typeof ChannelStatusSchema>;

export const ChannelSchema = z.looseObject({
  id: z.string(),
  type: ChannelTypeSchema,
  name: z.nullable(z.string()),
  handle: z.nullable(z.string()),
  status: ChannelStatusSchema,
  active: z.nullable(z.boolean()),
});
export type Channel = z.infer<typeof ChannelSchema>;
export const ChannelListSchema = z.array(ChannelSchema);

export const ContactSchema = z.looseObject({
  id: z.string(),
  full_name: z.nullable(z.string()),
  display_name: z.optional(z.nullable(z.string())),
  email: z.optional(z.nullable(z.string())),
  sms: z.optional(z.nullable(z.string())),
  whatsapp: z.optional(z.nullable(z.string())),
  facebook: z.optional(z.nullable(z.string())),
  instagram: z.optional(z.nullable(z.string())),
  google_business_messaging: z.optional(z.nullable(z.string())),
  postal: z.optional(z.nullable(z.string())),
  city: z.optional(z.nullable(z.string())),
  country: z.optional(z.nullable(z.string())),
});
export type Contact = z.infer<typeof ContactSchema>;
export const ContactListSchema = z.array(ContactSchema);

export const MessageRowSchema = z.looseObject({
  id: z.string(),
  conversation_id: z.string(),
  status: MessageStatusSchema,
  send_after: z.optional(z.nullable(z.string())),
  sent_at: z.optional(z.nullable(z.string())),
  created_at: z.optional(z.string()),
});
export type MessageRow = z.infer<typeof MessageRowSchema>;
export const MessageRowListSchema = z.array(MessageRowSchema);

export const ConversationRowSchema = z.looseObject({
  id: z.string(),
  subject: z.optional(z.nullable(z.string())),
  status: z.enum(['open', 'closed', 'archived']),
  channel_id: z.optional(z.string()),
  channel_type: z.optional(z.string()),
  contact_id: z.optional(z.nullable(z.string())),
  latest_inbound_message_created_at: z.optional(z.nullable(z.string())),
});
export type ConversationRow = z.infer<typeof ConversationRowSchema>;
export const ConversationRowListSchema = z.array(ConversationRowSchema);

/** Templates as the sandbox lists them; live Mateo documents no template list. */
export const TemplateSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  channel_type: z.nullable(ChannelTypeSchema),
  language: z.nullable(z.string()),
  body: z.string(),
});
export type Template = z.infer<typeof TemplateSchema>;
export const TemplateListSchema = z.array(TemplateSchema);
