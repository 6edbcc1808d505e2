import type { ChannelType } from './rows';
import type { SendMessageRequest } from './send-message';

/**
 * The one table of channel rules. It lives in the shared contract because the server (the
 * sandbox's checks) and the browser (form fields, counters, previews) must apply the same rules;
 * `src/features/compose/channel-rules.ts` reads it for the form. Sources:
 * ../shared/reference/channel-limits.md and the send_message spec's notes.
 */
export type RecipientKind = 'email' | 'phone' | 'handle' | 'contact';

export interface ActionRules {
  maxQuickReplies: number;
  quickReplyTitleMax: number;
  callToAction: boolean;
  list: { maxRows: number; rowTitleMax: number } | null;
}

export interface ChannelRule {
  label: string;
  recipient: RecipientKind;
  ccBcc: boolean;
  subject: boolean;
  body: 'html' | 'text';
  /** Characters of the text body, or null when the channel sets no limit we know. */
  maxText: number | null;
  /** A lower limit that applies once buttons are attached (WhatsApp interactive messages). */
  maxTextWithActions: number | null;
  actions: ActionRules | null;
  footerMax: number | null;
  attachments: { maxBytes: number; types: readonly string[] } | null;
  /** Set when the platform behind the channel no longer delivers messages. */
  retired: string | null;
}

const MiB = 1024 * 1024;

export const CHANNEL_RULES: Record<ChannelType, ChannelRule> = {
  email: {
    label: 'Email',
    recipient: 'email',
    ccBcc: true,
    subject: true,
    body: 'html',
    maxText: null,
    maxTextWithActions: null,
    actions: null,
    footerMax: null,
    attachments: { maxBytes: 25 * MiB, types: ['*/*'] },
    retired: null,
  },
  sms: {
    label: 'SMS',
    recipient: 'phone',
    ccBcc: false,
    subject: false,
    body: 'text',
    // Twilio's Body cap; carriers concatenate at most about 10 segments.
    maxText: 1600,
    maxTextWithActions: null,
    actions: null,
    footerMax: null,
    attachments: null,
    retired: null,
  },
  whatsapp: {
    label: 'WhatsApp',
    recipient: 'phone',
    ccBcc: false,
    subject: false,
    body: 'text',
    maxText: 4096,
    maxTextWithActions: 1024,
    actions: {
      maxQuickReplies: 3,
      quickReplyTitleMax: 20,
      callToAction: true,
      list: { maxRows: 10, rowTitleMax: 24 },
    },
    footerMax: 60,
    attachments: {
      maxBytes: 16 * MiB,
      types: ['image/jpeg', 'image/png', 'video/mp4', 'audio/*', 'application/pdf'],
    },
    retired: null,
  },
  facebook: {
    label: 'Facebook Messenger',
    recipient: 'handle',
    ccBcc: false,
    subject: false,
    body: 'text',
    maxText: 2000,
    maxTextWithActions: null,
    actions: { maxQuickReplies: 13, quickReplyTitleMax: 20, callToAction: false, list: null },
    footerMax: null,
    attachments: { maxBytes: 25 * MiB, types: ['image/*', 'video/*', 'audio/*'] },
    retired: null,
  },
  instagram: {
    label: 'Instagram',
    recipient: 'handle',
    ccBcc: false,
    subject: false,
    body: 'text',
    maxText: 1000,
    maxTextWithActions: null,
    actions: { maxQuickReplies: 13, quickReplyTitleMax: 20, callToAction: false, list: null },
    footerMax: null,
    attachments: { maxBytes: 8 * MiB, types: ['image/*', 'video/*', 'audio/*'] },
    retired: null,
  },
  google_business_messaging: {
    label: 'Google Business Messages',
    recipient: 'handle',
    ccBcc: false,
    subject: false,
    body: 'text',
    maxText: null,
    maxTextWithActions: null,
    actions: null,
    footerMax: null,
    attachments: null,
    retired: 'Google shut down Business Messages on 31 July 2024; messages may not be delivered.',
  },
  postal: {
    label: 'Postal letter',
    recipient: 'contact',
    ccBcc: false,
    subject: false,
    body: 'html',
    maxText: null,
    maxTextWithActions: null,
    actions: null,
    footerMax: null,
    attachments: null,
    retired: null,
  },
};

export interface RuleIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Checks of a send request that depend on the sending channel's type, which the request body
 * does not carry. The form and the sandbox both apply them.
 */
export function checkChannelRules(request: SendMessageRequest, type: ChannelType): RuleIssue[] {
  const rule = CHANNEL_RULES[type];
  const issues: RuleIssue[] = [];

  if (type === 'postal') {
    (request.to ?? []).forEach((recipient, index) => {
      if (!recipient.contact_id) {
        issues.push({
          path: ['to', index, 'contact_id'],
          message: 'A postal recipient must be an existing contact (contact_id)',
        });
      }
      if (recipient.handle != null) {
        issues.push({
          path: ['to', index, 'handle'],
          message: 'A postal recipient must not carry a handle; the contact’s address is used',
        });
      }
    });
  }
  if (!rule.ccBcc) {
    for (const field of ['cc', 'bcc'] as const) {
      if (request[field]?.length) {
        issues.push({ path: [field], message: `${rule.label} messages have no ${field}` });
      }
    }
  }
  if (!rule.subject && request.subject) {
    issues.push({ path: ['subject'], message: `${rule.label} messages have no subject` });
  }
  if (!rule.actions && request.actions?.length) {
    issues.push({ path: ['actions'], message: `${rule.label} messages cannot carry buttons` });
  }
  if (rule.footerMax === null && request.footer) {
    issues.push({ path: ['footer'], message: `${rule.label} messages have no footer` });
  }
  return issues;
}
