/**
 * The enumerations of the contract as plain values, without zod: what the page shows (filters,
 * pickers) needs them before the schemas are loaded. The schemas build their enums from these.
 */

export const MESSAGE_STATUSES = [
  'sent',
  'sending_error',
  'bounce_error',
  'submission_error',
  'submitted',
  'sending',
  'read',
  'draft',
  'scheduled',
  'interacted',
] as const;

export const CONVERSATION_STATUSES = ['open', 'closed', 'archived'] as const;

export const ACTION_TYPES = ['quick_reply', 'call_to_action', 'list'] as const;

export const ACTION_SUBTYPES = ['url', 'phone_number'] as const;

/** Conversation channel types; note the spec has no `postal` here, unlike `channel.type`. */
export const CONVERSATION_CHANNEL_TYPES = [
  'email',
  'sms',
  'whatsapp',
  'facebook',
  'instagram',
  'google_business_messaging',
] as const;

export const RECIPIENT_ROLES = ['from', 'to', 'cc', 'bcc', 'reply_to'] as const;

/** Channel types: those of conversations, and letters. */
export const CHANNEL_TYPES = [...CONVERSATION_CHANNEL_TYPES, 'postal'] as const;

// Note the hyphen in `in-review`: that is how Mateo spells it for channels.
export const CHANNEL_STATUSES = ['draft', 'in-review', 'rejected', 'active', 'inactive'] as const;
