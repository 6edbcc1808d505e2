import { z } from 'zod';
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
  name: z.string().nullable(),
  handle: z.string().nullable(),
  status: ChannelStatusSchema,
  active: z.boolean().nullable(),
});
export type Channel = z.infer<typeof ChannelSchema>;
export const ChannelListSchema = z.array(ChannelSchema);

export const ContactSchema = z.looseObject({
  id: z.string(),
  full_name: z.string().nullable(),
  display_name: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  sms: z.string().nullable().optional(),
  whatsapp: z.string().nullable().optional(),
  facebook: z.string().nullable().optional(),
  instagram: z.string().nullable().optional(),
  google_business_messaging: z.string().nullable().optional(),
  postal: z.string().nullable().optional(),
  city: z.string().nullable().optional(),
  country: z.string().nullable().optional(),
});
export type Contact = z.infer<typeof ContactSchema>;
export const ContactListSchema = z.array(ContactSchema);

export const MessageRowSchema = z.looseObject({
  id: z.string(),
  conversation_id: z.string(),
  status: MessageStatusSchema,
  send_after: z.string().nullable().optional(),
  sent_at: z.string().nullable().optional(),
  created_at: z.string().optional(),
});
export type MessageRow = z.infer<typeof MessageRowSchema>;
export const MessageRowListSchema = z.array(MessageRowSchema);

export const ConversationRowSchema = z.looseObject({
  id: z.string(),
  subject: z.string().nullable().optional(),
  status: z.enum(['open', 'closed', 'archived']),
  channel_id: z.string().optional(),
  channel_type: z.string().optional(),
  contact_id: z.string().nullable().optional(),
  latest_inbound_message_created_at: z.string().nullable().optional(),
});
export type ConversationRow = z.infer<typeof ConversationRowSchema>;
export const ConversationRowListSchema = z.array(ConversationRowSchema);

/** Templates as the sandbox lists them; live Mateo documents no template list. */
export const TemplateSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  channel_type: ChannelTypeSchema.nullable(),
  language: z.string().nullable(),
  body: z.string(),
});
export type Template = z.infer<typeof TemplateSchema>;
export const TemplateListSchema = z.array(TemplateSchema);
