import type { Channel } from '../../../schemas/rows';
import type { Recipient, SendMessageRequest } from '../../../schemas/send-message';
import type { CountryCode } from '../../lib/phone-countries';
import { zonedToInstant } from '../../lib/zoned-time';
import { i18n } from '../../i18n';
import { needsPhone, toActions, type ActionDraft } from './actions';
import { ruleFor } from './channel-rules';
import { recheckChips, type RecipientChip } from './recipients';
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

/**
 * The recipients of a list of chips, kept per list and kind of channel: a list that did not
 * change maps to the very same array, so that what is made of it (the contract check of 10,000
 * recipients, say) can be kept too.
 */
const recipientLists = new WeakMap<readonly RecipientChip[], Map<string, Recipient[]>>();

function toRecipients(chips: readonly RecipientChip[], channel: Channel): Recipient[] {
  let byKind = recipientLists.get(chips);
  if (!byKind) recipientLists.set(chips, (byKind = new Map()));
  const kind = ruleFor(channel.type).recipient;
  let recipients = byKind.get(kind);
  if (!recipients) byKind.set(kind, (recipients = chips.map((chip) => toRecipient(chip, channel))));
  return recipients;
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
    to: toRecipients(values.to, channel),
  };
  if (rule.ccBcc) {
    if (values.cc.length) request.cc = toRecipients(values.cc, channel);
    if (values.bcc.length) request.bcc = toRecipients(values.bcc, channel);
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

export function htmlHasContent(html: string): boolean {
  return (
    html
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;/g, ' ')
      .trim() !== '' || /<img\s/i.test(html)
  );
}

/**
 * What is wrong with an address typed into the attachment URL box (https only: Mateo downloads
 * the file itself), in the language of this moment; undefined when it is fine.
 */
export function attachmentUrlProblem(url: string): string | undefined {
  const value = url.trim();
  if (!/^https:\/\//i.test(value)) return i18n.t('validation.useHttps');
  if (!URL.canParse(value)) return i18n.t('validation.notAnAddress');
  return undefined;
}
