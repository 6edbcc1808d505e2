import { z } from 'zod';
import type { Channel } from '../../../schemas/rows';
import {
  SendMessageRequestSchema,
  type Recipient,
  type SendMessageRequest,
} from '../../../schemas/send-message';
import { analyzeSms } from '../../lib/sms-segments';
import { checkChannelRules, ruleFor } from './channel-rules';
import type { RecipientChip } from './recipients';

export interface Attachment {
  /** `https://…` or `media_library://…` */
  url: string;
  name: string;
  type?: string;
  size?: number;
}

/** The whole form: what a draft holds. */
export interface ComposeValues {
  /** The message id, chosen once per draft so that a retry can never send twice. */
  id: string;
  channelId: string;
  defaultCountry: string;
  to: RecipientChip[];
  cc: RecipientChip[];
  bcc: RecipientChip[];
  subject: string;
  html: string;
  /** Email: the plain-text alternative; other channels: the message itself. */
  text: string;
  /** The plain-text alternative was edited by hand and is no longer derived from the HTML. */
  textEdited: boolean;
  attachments: Attachment[];
}

export function newMessageId(): string {
  return crypto.randomUUID();
}

export function emptyCompose(defaultCountry: string, channelId = ''): ComposeValues {
  return {
    id: newMessageId(),
    channelId,
    defaultCountry,
    to: [],
    cc: [],
    bcc: [],
    subject: '',
    html: '',
    text: '',
    textEdited: false,
    attachments: [],
  };
}

function toRecipient(chip: RecipientChip, channel: Channel): Recipient {
  const recipient: Recipient = {};
  if (chip.contactId) recipient.contact_id = chip.contactId;
  // Postal recipients are addressed by contact only (Mateo: contact_id and no handle).
  if (chip.handle && ruleFor(channel.type).recipient !== 'contact') recipient.handle = chip.handle;
  if (chip.name) recipient.full_name = chip.name;
  if (chip.country) recipient.country_codes = [chip.country];
  return recipient;
}

/**
 * The one function that turns the form into Mateo's request. What the channel does not
 * support is dropped here, never sent.
 */
export function toSendMessageRequest(values: ComposeValues, channel: Channel): SendMessageRequest {
  const rule = ruleFor(channel.type);
  const request: SendMessageRequest = {
    id: values.id,
    from: channel.id,
    to: values.to.map((chip) => toRecipient(chip, channel)),
  };
  if (rule.ccBcc) {
    if (values.cc.length) request.cc = values.cc.map((chip) => toRecipient(chip, channel));
    if (values.bcc.length) request.bcc = values.bcc.map((chip) => toRecipient(chip, channel));
  }
  if (rule.subject && values.subject.trim()) request.subject = values.subject.trim();
  if (rule.body === 'html') {
    if (values.html) request.html = values.html;
    if (values.text.trim()) request.text = values.text;
  } else if (values.text) {
    request.text = values.text;
  }
  if (rule.attachments && values.attachments.length) {
    request.attachments = values.attachments.map((attachment) => attachment.url);
  }
  return request;
}

export type FieldErrors = Partial<Record<FieldName, string>>;
export type FieldName =
  'channelId' | 'to' | 'cc' | 'bcc' | 'subject' | 'html' | 'text' | 'attachments';

/** Order of fields on the screen: focus goes to the first with an error. */
export const FIELD_ORDER: FieldName[] = [
  'channelId',
  'to',
  'cc',
  'bcc',
  'subject',
  'html',
  'text',
  'attachments',
];

/** Maps a request path (`to.3.handle`) to the form field that shows it. */
export function fieldForPath(path: string): FieldName | undefined {
  const head = path.split('.')[0];
  switch (head) {
    case 'from':
      return 'channelId';
    case 'to':
    case 'cc':
    case 'bcc':
    case 'subject':
    case 'html':
    case 'text':
    case 'attachments':
      return head;
    default:
      return undefined;
  }
}

function chipErrors(chips: RecipientChip[]): string | undefined {
  const invalid = chips.filter((chip) => chip.error);
  if (!invalid.length) return undefined;
  const first = invalid[0] as RecipientChip;
  return invalid.length === 1
    ? `“${first.input}”: ${first.error}`
    : `${invalid.length} recipients are not valid; the first, “${first.input}”: ${first.error}`;
}

/**
 * Checks the form for the chosen channel: the friendlier form rules first, then the request
 * against the shared contract and the channel rules, each error at its field.
 */
export function validateCompose(values: ComposeValues, channel: Channel | undefined): FieldErrors {
  const errors: FieldErrors = {};
  if (!channel) return { channelId: 'Pick the channel to send from' };
  const rule = ruleFor(channel.type);

  if (!values.to.length) errors.to = 'Add at least one recipient';
  else errors.to = chipErrors(values.to);
  if (rule.ccBcc) {
    errors.cc = chipErrors(values.cc);
    errors.bcc = chipErrors(values.bcc);
  }
  if (rule.subject && !values.subject.trim()) errors.subject = 'Add a subject';

  if (rule.body === 'html') {
    if (!htmlHasContent(values.html)) errors.html = 'Write the message';
  } else if (!values.text.trim()) {
    errors.text = 'Write the message';
  } else if (rule.maxText !== null && [...values.text].length > rule.maxText) {
    const over = [...values.text].length - rule.maxText;
    const overBy = `${over} character${over === 1 ? '' : 's'} over the ${rule.maxText}-character limit`;
    errors.text =
      channel.type === 'sms'
        ? `Too long for SMS: ${analyzeSms(values.text).segments} segments, ${overBy}`
        : `Too long for ${rule.label}: ${overBy}`;
  }

  const badAttachment = values.attachments.find(
    (a) => !/^(https:\/\/|media_library:\/\/)/.test(a.url),
  );
  if (badAttachment) errors.attachments = `“${badAttachment.url}” must start with https://`;

  const request = toSendMessageRequest(values, channel);
  const contract = SendMessageRequestSchema.safeParse(request);
  const issues = [
    ...(contract.success
      ? []
      : contract.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }))),
    ...checkChannelRules(request, channel.type).map((i) => ({
      path: i.path.map(String),
      message: i.message,
    })),
  ];
  for (const issue of issues) {
    const field = fieldForPath(issue.path.join('.'));
    if (field && !errors[field]) errors[field] = issue.message;
  }
  for (const key of Object.keys(errors) as FieldName[]) if (!errors[key]) delete errors[key];
  return errors;
}

export function htmlHasContent(html: string): boolean {
  return (
    html
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;/g, ' ')
      .trim() !== '' || /<img\s/i.test(html)
  );
}

/** Accepted in the attachment URL box: https only (Mateo downloads the file itself). */
export const AttachmentUrlSchema = z
  .string()
  .trim()
  .refine((value) => /^https:\/\//i.test(value), 'Use an https:// address')
  .refine((value) => URL.canParse(value), 'Not a valid address');
