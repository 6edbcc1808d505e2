import { z } from 'zod';
import type { Channel } from '../../../schemas/rows';
import {
  SendMessageRequestSchema,
  type Recipient,
  type SendMessageRequest,
} from '../../../schemas/send-message';
import type { CountryCode } from '../../lib/phone-countries';
import { analyzeSms } from '../../lib/sms-segments';
import { zonedToInstant } from '../../lib/zoned-time';
import { i18n } from '../../i18n';
import { actionErrors, actionSetError, needsPhone, toActions, type ActionDraft } from './actions';
import { channelLabel, checkChannelRules, ruleFor } from './channel-rules';
import { recheckChips, type RecipientChip } from './recipients';
import { UUID_PATTERN } from '../../../schemas/patterns';
import type { ConversationStatus } from '../../../schemas/send-message';

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
  actions: ActionDraft[];
  footer: string;
  /** A template and its slots in order; `manual` when the id was typed (no template list). */
  template: {
    id: string;
    manual: boolean;
    body: string;
    slots: { name: string; value: string }[];
  } | null;
  schedule: { enabled: boolean; date: string; time: string; zone: string };
  replyToMessageId: string;
  conversationStatus: '' | ConversationStatus;
  advanced: { content: string; reviewChannelId: string; marketingChannelId: string };
}

export function agentTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
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
    actions: [],
    footer: '',
    template: null,
    schedule: { enabled: false, date: '', time: '', zone: agentTimeZone() },
    replyToMessageId: '',
    conversationStatus: '',
    advanced: { content: '', reviewChannelId: '', marketingChannelId: '' },
  };
}

/** The `content` object from the advanced JSON box, or an error in the reader's language. */
export function parseContent(text: string): { value?: Record<string, unknown>; error?: string } {
  if (!text.trim()) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      return { error: i18n.t('validation.contentNotObject') };
    return { value: value as Record<string, unknown> };
  } catch (error) {
    // The parser's own words: the browser writes them in its language.
    return { error: i18n.t('validation.contentNotJson', { detail: (error as Error).message }) };
  }
}

function toRecipient(chip: RecipientChip, channel: Channel): Recipient {
  // A bug in the caller, not the user's doing: see withPendingChecked.
  if (chip.pending) throw new Error(`The recipient ${chip.input} has not been checked yet`);
  const recipient: Recipient = {};
  if (chip.contactId) recipient.contact_id = chip.contactId;
  // Postal recipients are addressed by contact only (Mateo: contact_id and no handle).
  if (chip.handle && ruleFor(channel.type).recipient !== 'contact') recipient.handle = chip.handle;
  if (chip.name) recipient.full_name = chip.name;
  if (chip.country) recipient.country_codes = [chip.country];
  return recipient;
}

const RECIPIENT_FIELDS = ['to', 'cc', 'bcc'] as const;

/**
 * The first field whose check or request needs the phone module (see phone-loader.ts): a
 * recipient typed before it arrived, or a call-to-action phone number; undefined when none does.
 */
export function fieldNeedingPhone(
  values: ComposeValues,
  channel: Channel,
): 'to' | 'cc' | 'bcc' | 'actions' | undefined {
  const field = RECIPIENT_FIELDS.find((name) => values[name].some((chip) => chip.pending));
  if (field) return field;
  if (ruleFor(channel.type).actions && needsPhone(values.actions)) return 'actions';
  return undefined;
}

/** The form with its pending recipients checked; needs the phone module when there are any. */
export function withPendingChecked(values: ComposeValues, channel: Channel): ComposeValues {
  const country = (values.defaultCountry || undefined) as CountryCode | undefined;
  let checked = values;
  for (const field of RECIPIENT_FIELDS) {
    if (!values[field].some((chip) => chip.pending)) continue;
    checked = { ...checked, [field]: recheckChips(values[field], channel.type, country) };
  }
  return checked;
}

/**
 * The one function that turns the form into Mateo's request. What the channel does not
 * support is dropped here, never sent. Pending recipients must have been checked
 * (`withPendingChecked`), and the phone module must be there when `fieldNeedingPhone` says so.
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
  const country = (values.defaultCountry || undefined) as CountryCode | undefined;
  if (rule.actions && values.actions.length) request.actions = toActions(values.actions, country);
  if (rule.footerMax !== null && values.footer.trim()) request.footer = values.footer.trim();
  if (values.template?.id.trim()) {
    request.template_id = values.template.id.trim();
    request.placeholder_values = values.template.slots.map((slot) => slot.value);
  }
  if (values.schedule.enabled) {
    const when = zonedToInstant(values.schedule.date, values.schedule.time, values.schedule.zone);
    if (when) request.send_after = when.iso;
  }
  if (values.replyToMessageId.trim()) request.reply_to_message_id = values.replyToMessageId.trim();
  if (values.conversationStatus) request.conversation_status = values.conversationStatus;
  const content = parseContent(values.advanced.content).value;
  if (content) request.content = content;
  if (values.advanced.reviewChannelId) request.review_channel_id = values.advanced.reviewChannelId;
  if (values.advanced.marketingChannelId)
    request.marketing_channel_id = values.advanced.marketingChannelId;
  return request;
}

export type FieldErrors = Partial<Record<FieldName, string>>;
export type FieldName =
  | 'channelId'
  | 'to'
  | 'cc'
  | 'bcc'
  | 'subject'
  | 'html'
  | 'text'
  | 'attachments'
  | 'template'
  | 'actions'
  | 'footer'
  | 'schedule'
  | 'replyToMessageId'
  | 'advanced';

/** Order of fields on the screen: focus goes to the first with an error. */
export const FIELD_ORDER: FieldName[] = [
  'channelId',
  'to',
  'cc',
  'bcc',
  'subject',
  'template',
  'html',
  'text',
  'actions',
  'footer',
  'attachments',
  'schedule',
  'replyToMessageId',
  'advanced',
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
    case 'actions':
    case 'footer':
      return head;
    case 'template_id':
    case 'placeholder_values':
      return 'template';
    case 'send_after':
      return 'schedule';
    case 'reply_to_message_id':
    case 'conversation_id':
      return 'replyToMessageId';
    case 'content':
    case 'review_channel_id':
    case 'marketing_channel_id':
      return 'advanced';
    default:
      return undefined;
  }
}

function chipErrors(chips: RecipientChip[]): string | undefined {
  const invalid = chips.filter((chip) => chip.error);
  if (!invalid.length) return undefined;
  const first = invalid[0] as RecipientChip;
  return i18n.t('validation.invalidRecipients', {
    count: invalid.length,
    input: first.input,
    reason: first.error,
  });
}

/**
 * Checks the form for the chosen channel: the friendlier form rules first, then the request
 * against the shared contract and the channel rules, each error at its field and in the
 * reader's language (the contract's own messages inside a sentence of it). Needs what
 * `toSendMessageRequest` needs.
 */
export function validateCompose(
  values: ComposeValues,
  channel: Channel | undefined,
  now = new Date(),
): FieldErrors {
  const errors: FieldErrors = {};
  if (!channel) return { channelId: i18n.t('validation.pickChannel') };
  const rule = ruleFor(channel.type);

  if (!values.to.length) errors.to = i18n.t('validation.addRecipient');
  else errors.to = chipErrors(values.to);
  if (rule.ccBcc) {
    errors.cc = chipErrors(values.cc);
    errors.bcc = chipErrors(values.bcc);
  }
  if (rule.subject && !values.subject.trim()) errors.subject = i18n.t('validation.addSubject');

  const template = values.template;
  // A template brings its own text; the body is then optional.
  const hasTemplate = Boolean(template?.id.trim());
  const hasActions = Boolean(rule.actions && values.actions.length);
  const maxText =
    hasActions && rule.maxTextWithActions !== null ? rule.maxTextWithActions : rule.maxText;
  if (rule.body === 'html') {
    if (!hasTemplate && !htmlHasContent(values.html))
      errors.html = i18n.t('validation.writeMessage');
  } else if (!values.text.trim()) {
    if (!hasTemplate) errors.text = i18n.t('validation.writeMessage');
  } else if (maxText !== null && [...values.text].length > maxText) {
    const limit = { count: [...values.text].length - maxText, max: maxText };
    const over =
      hasActions && maxText !== rule.maxText
        ? i18n.t('validation.overLimitWithButtons', limit)
        : i18n.t('validation.overLimit', limit);
    errors.text =
      channel.type === 'sms'
        ? i18n.t('validation.tooLongSms', { segments: analyzeSms(values.text).segments, over })
        : i18n.t('validation.tooLong', { channel: channelLabel(channel.type), over });
  }

  if (template) {
    if (template.manual && !UUID_PATTERN.test(template.id.trim()))
      errors.template = i18n.t('validation.templateIdUuid');
    const missing = template.slots
      .filter((slot) => !slot.value.trim())
      .map((slot) => `{{${slot.name}}}`);
    if (!errors.template && missing.length)
      errors.template = i18n.t('validation.placeholdersMissing', { missing: missing.join(', ') });
  }

  if (rule.actions && values.actions.length) {
    const setError = actionSetError(values.actions, rule);
    const country = (values.defaultCountry || undefined) as CountryCode | undefined;
    const perButton = actionErrors(values.actions, rule, country);
    const index = perButton.findIndex(Boolean);
    errors.actions =
      setError ??
      (index >= 0
        ? i18n.t('validation.button', { n: index + 1, problem: perButton[index] })
        : undefined);
  }
  if (rule.footerMax !== null && [...values.footer.trim()].length > rule.footerMax) {
    errors.footer = i18n.t('validation.footerTooLong', {
      max: rule.footerMax,
      length: [...values.footer.trim()].length,
    });
  }

  if (values.schedule.enabled) {
    const when = zonedToInstant(values.schedule.date, values.schedule.time, values.schedule.zone);
    if (!when) errors.schedule = i18n.t('validation.pickDateAndTime');
    else if (when.instant.getTime() <= now.getTime())
      errors.schedule = i18n.t('validation.timeInPast');
  }
  if (values.replyToMessageId.trim() && !UUID_PATTERN.test(values.replyToMessageId.trim())) {
    errors.replyToMessageId = i18n.t('validation.replyToUuid');
  }
  const content = parseContent(values.advanced.content);
  if (content.error) errors.advanced = content.error;

  const badAttachment = values.attachments.find(
    (a) => !/^(https:\/\/|media_library:\/\/)/.test(a.url),
  );
  if (badAttachment)
    errors.attachments = i18n.t('validation.attachmentHttps', { url: badAttachment.url });

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
    if (field && !errors[field])
      errors[field] = i18n.t('validation.contract', { message: issue.message });
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

/**
 * Accepted in the attachment URL box: https only (Mateo downloads the file itself). Its
 * messages are worded when a value is checked, in the language of that moment.
 */
export const AttachmentUrlSchema = z
  .string()
  .trim()
  .refine((value) => /^https:\/\//i.test(value), { error: () => i18n.t('validation.useHttps') })
  .refine((value) => URL.canParse(value), { error: () => i18n.t('validation.notAnAddress') });
