import { z } from './zod';
import {
  MESSAGE_STATUSES,
  CONVERSATION_STATUSES,
  ACTION_TYPES,
  ACTION_SUBTYPES,
  CONVERSATION_CHANNEL_TYPES,
  RECIPIENT_ROLES,
} from './constants';
import { DATE_TIME_PATTERN, UUID_PATTERN } from './patterns';

/**
 * The request and 200 answer of Mateo's `POST /send_message`, exactly as published
 * (spec/mateo-send-message.openapi.yaml): no stricter, no looser. Objects allow unknown keys
 * because the spec sets no `additionalProperties: false`. Stricter, friendlier rules belong to
 * the composer's form schema, not here.
 */

export const UuidSchema = z.string().check(z.regex(UUID_PATTERN, 'Must be a UUID'));
export const DateTimeSchema = z
  .string()
  .check(z.regex(DATE_TIME_PATTERN, 'Must be a date-time like 2026-03-01T09:00+01:00'));

const nullish = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));
const JsonObjectSchema = z.record(z.string(), z.unknown());

export const MessageStatusSchema = z.enum(MESSAGE_STATUSES);
export type MessageStatus = z.infer<typeof MessageStatusSchema>;

export const ConversationStatusSchema = z.enum(CONVERSATION_STATUSES);
export type ConversationStatus = z.infer<typeof ConversationStatusSchema>;

export const ActionTypeSchema = z.enum(ACTION_TYPES);
export const ActionSubtypeSchema = z.enum(ACTION_SUBTYPES);

export const RecipientSchema = z.looseObject({
  handle: nullish(z.union([z.string(), z.array(z.string())])),
  country_codes: z.optional(z.array(z.string())),
  full_name: nullish(z.string()),
  contact_id: nullish(UuidSchema),
  external_contact_id: nullish(z.string()),
  secondary_external_contact_id: nullish(z.string()),
});
export type Recipient = z.infer<typeof RecipientSchema>;
export const RecipientListSchema = z.array(RecipientSchema);

export const ActionSchema = z.looseObject({
  data: nullish(z.string()),
  text: z.string(),
  type: ActionTypeSchema,
  subtype: nullish(ActionSubtypeSchema),
});
export type Action = z.infer<typeof ActionSchema>;

export const SendMessageRequestSchema = z.looseObject({
  from: UuidSchema,
  id: nullish(UuidSchema),
  conversation_id: nullish(UuidSchema),
  conversation_status: nullish(ConversationStatusSchema),
  to: nullish(RecipientListSchema),
  cc: nullish(RecipientListSchema),
  bcc: nullish(RecipientListSchema),
  subject: nullish(z.string()),
  html: nullish(z.string()),
  text: nullish(z.string()),
  content: nullish(JsonObjectSchema),
  send_after: nullish(DateTimeSchema),
  placeholder_values: nullish(z.array(z.string())),
  reply_to_message_id: nullish(UuidSchema),
  attachments: nullish(z.array(z.string())),
  template_id: nullish(UuidSchema),
  review_channel_id: nullish(UuidSchema),
  marketing_channel_id: nullish(UuidSchema),
  actions: nullish(z.array(ActionSchema)),
  footer: nullish(z.string()),
});
export type SendMessageRequest = z.infer<typeof SendMessageRequestSchema>;

const nullable = <T extends z.ZodMiniType>(schema: T) => z.nullable(schema);

export const ConversationSchema = z.looseObject({
  id: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  organisation_id: z.string(),
  subject: nullable(z.string()),
  assignee_id: nullable(z.string()),
  unread: nullable(z.boolean()),
  channel_id: z.string(),
  contact_id: nullable(z.string()),
  external_id: nullable(z.string()),
  is_spam: z.boolean(),
  inbox_id: z.string(),
  latest_message_id: nullable(z.string()),
  latest_inbound_message_id: nullable(z.string()),
  latest_message_created_at: nullable(z.string()),
  latest_inbound_message_created_at: nullable(z.string()),
  tags: nullable(z.array(z.string())),
  files: nullable(z.array(JsonObjectSchema)),
  channel_type: z.enum(CONVERSATION_CHANNEL_TYPES),
  status: ConversationStatusSchema,
});
export type Conversation = z.infer<typeof ConversationSchema>;

export const MessageSchema = z.looseObject({
  id: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  organisation_id: z.string(),
  conversation_id: z.string(),
  is_inbound: z.boolean(),
  subject: nullable(z.string()),
  blurb: nullable(z.string()),
  author_id: nullable(z.string()),
  content: nullable(JsonObjectSchema),
  raw_content: nullable(z.string()),
  status: MessageStatusSchema,
  attachment_count: nullable(z.number()),
  reply_to_message_id: nullable(z.string()),
  external_files: nullable(JsonObjectSchema),
  external_id: nullable(z.string()),
  template_id: nullable(z.string()),
  review_channel_id: nullable(z.string()),
  author_type: nullable(z.enum(['employee', 'bot', 'external'])),
  forwarded: nullable(z.boolean()),
  forwarded_message_text: nullable(z.string()),
  send_after: nullable(z.string()),
  footer: nullable(z.string()),
  sendout_id: nullable(z.string()),
  campaign_id: nullable(z.string()),
  sent_at: nullable(z.string()),
  timestamp: nullable(z.string()),
  location: nullable(JsonObjectSchema),
  location_metadata: nullable(JsonObjectSchema),
  contacts: nullable(JsonObjectSchema),
  files: nullable(JsonObjectSchema),
  header_media_filename: nullable(z.string()),
});
export type Message = z.infer<typeof MessageSchema>;

export const MessageRecipientSchema = z.looseObject({
  id: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  organisation_id: z.string(),
  conversation_id: z.string(),
  message_id: z.string(),
  contact_id: nullable(z.string()),
  handle: z.string(),
  full_name: nullable(z.string()),
  is_organisation: nullable(z.boolean()),
  role: z.enum(RECIPIENT_ROLES),
  status: MessageStatusSchema,
});
export type MessageRecipient = z.infer<typeof MessageRecipientSchema>;

export const MessageActionSchema = z.looseObject({
  id: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  organisation_id: z.string(),
  conversation_id: z.string(),
  message_id: z.string(),
  text: z.string(),
  data: nullable(z.string()),
  clicked: z.boolean(),
  type: ActionTypeSchema,
  // The spec makes subtype required and non-null here, even for quick replies.
  subtype: ActionSubtypeSchema,
});
export type MessageAction = z.infer<typeof MessageActionSchema>;

export const SendMessageResponseSchema = z.looseObject({
  conversation: ConversationSchema,
  message: MessageSchema,
  recipients: z.array(MessageRecipientSchema),
  actions: z.array(MessageActionSchema),
});
export type SendMessageResponse = z.infer<typeof SendMessageResponseSchema>;
