import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js';
import { CHANNEL_RULES, checkChannelRules } from '../../schemas/channel-rules';
import type { ChannelType } from '../../schemas/rows';
import {
  SendMessageRequestSchema,
  SendMessageResponseSchema,
  type Action,
  type Recipient,
  type SendMessageRequest,
  type SendMessageResponse,
} from '../../schemas/send-message';
import { isMediaPath, MEDIA_LIBRARY_SCHEME, mediaObjectExists } from './media-library';
import { formatPath, SandboxError } from './sandbox-error';
import { SEED } from './seed';
import {
  findById,
  insertRow,
  toJsonRow,
  TABLES,
  updateRow,
  type Queryable,
  type Row,
} from './store';

/**
 * `POST /send_message` with Mateo's semantics (reference/mateo-api.md §7, the contract in
 * spec/mateo-send-message.openapi.yaml): everything a send writes happens in one transaction,
 * so a refused send, including a reused message id, leaves nothing behind.
 */

const bad = (code: string, message: string, hint?: string) =>
  new SandboxError(400, code, message, hint);

type ContactHandleColumn = Exclude<ChannelType, 'postal'>;

/** The contact column that holds a recipient's address on each channel type. */
const HANDLE_COLUMN: Record<ChannelType, ContactHandleColumn | null> = {
  email: 'email',
  sms: 'sms',
  whatsapp: 'whatsapp',
  facebook: 'facebook',
  instagram: 'instagram',
  google_business_messaging: 'google_business_messaging',
  postal: null,
};

// Numbers without a country prefix and without country_codes are read as German: the
// sandbox's seeded organisation is a German business.
const DEFAULT_COUNTRY: CountryCode = 'DE';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

interface ChannelRow {
  id: string;
  type: ChannelType;
  name: string | null;
  handle: string | null;
  status: string;
  active: boolean | null;
}

interface ContactRow extends Row {
  id: string;
  full_name: string | null;
}

interface ResolvedRecipient {
  role: 'to' | 'cc' | 'bcc';
  contact: ContactRow;
  handle: string;
  fullName: string | null;
}

/** The first candidate that is a usable handle on this channel type, normalised. */
function pickHandle(type: ChannelType, recipient: Recipient, path: string): string | undefined {
  const raw = recipient.handle;
  const candidates = (Array.isArray(raw) ? raw : raw == null ? [] : [raw])
    .map((h) => h.trim())
    .filter(Boolean);
  if (candidates.length === 0) return undefined;
  if (type === 'sms' || type === 'whatsapp') {
    const countries = (recipient.country_codes ?? [])
      .map((code) => code.toUpperCase())
      .filter((code): code is CountryCode => isSupportedCountry(code));
    // Mateo takes the first number that parses as valid (reference/mateo-api.md §10).
    for (const candidate of candidates) {
      for (const country of countries.length ? countries : [DEFAULT_COUNTRY]) {
        const phone = parsePhoneNumberFromString(candidate, country);
        if (phone?.isValid()) return phone.number;
      }
    }
    throw bad(
      'invalid_handle',
      `${path}.handle: "${candidates[0]}" is not a valid phone number`,
      'Send E.164 (+4915112345678) or add country_codes such as ["DE"].',
    );
  }
  const first = candidates[0] as string;
  if (type === 'email') {
    if (!EMAIL.test(first)) {
      throw bad('invalid_handle', `${path}.handle: "${first}" is not an email address`);
    }
    return first.toLowerCase();
  }
  return first;
}

/** A letter goes to the contact's postal address, written on one line. */
function postalAddress(contact: Row): string | undefined {
  const line = (key: string) =>
    typeof contact[key] === 'string' && contact[key] !== '' ? (contact[key] as string) : undefined;
  const street = line('address_line1');
  const city = line('city');
  if (!street || !city) return line('postal');
  const place = [line('zipcode'), city].filter(Boolean).join(' ');
  return [street, line('address_line2'), place, line('country')].filter(Boolean).join(', ');
}

async function findContact(
  tx: Queryable,
  column: ContactHandleColumn | 'external_id' | 'secondary_external_id',
  value: string,
): Promise<ContactRow | undefined> {
  // The type keeps `column` to the contact's handle and id columns; the value is a parameter.
  const result = await tx.query<ContactRow>(
    `SELECT * FROM contact WHERE "${column}" = $1 LIMIT 1`,
    [value],
  );
  return result.rows[0];
}

async function resolveRecipient(
  tx: Queryable,
  channel: ChannelRow,
  recipient: Recipient,
  role: ResolvedRecipient['role'],
  index: number,
  now: Date,
): Promise<ResolvedRecipient> {
  const path = `${role}[${index}]`;
  const column = HANDLE_COLUMN[channel.type];
  const given = pickHandle(channel.type, recipient, path);
  let contact: ContactRow | undefined;

  if (recipient.contact_id) {
    contact = (await findById(tx, TABLES.contact, recipient.contact_id)) as ContactRow | undefined;
    if (!contact) {
      throw bad(
        'contact_not_found',
        `${path}.contact_id: no contact with id ${recipient.contact_id}`,
      );
    }
  } else if (recipient.external_contact_id) {
    contact = await findContact(tx, 'external_id', recipient.external_contact_id);
    if (!contact) {
      throw bad(
        'contact_not_found',
        `${path}.external_contact_id: no contact with external_id "${recipient.external_contact_id}"`,
      );
    }
  } else if (recipient.secondary_external_contact_id) {
    contact = await findContact(
      tx,
      'secondary_external_id',
      recipient.secondary_external_contact_id,
    );
    if (!contact) {
      throw bad(
        'contact_not_found',
        `${path}.secondary_external_contact_id: no contact with secondary_external_id "${recipient.secondary_external_contact_id}"`,
      );
    }
  } else if (given !== undefined && column !== null) {
    contact = await findContact(tx, column, given);
    // An unknown handle becomes a new contact, as it does in Mateo.
    contact ??= (await insertRow(tx, TABLES.contact, {
      id: randomUUID(),
      created_at: now,
      updated_at: now,
      organisation_id: SEED.organisationId,
      full_name: recipient.full_name ?? null,
      display_name: recipient.full_name ?? null,
      [column]: given,
    })) as ContactRow;
  } else {
    throw bad(
      'recipient_unresolvable',
      `${path}: give a contact_id, external_contact_id, secondary_external_contact_id or handle`,
    );
  }

  let handle: string | undefined;
  if (channel.type === 'postal') {
    handle = postalAddress(contact);
    if (!handle) {
      throw bad(
        'contact_has_no_address',
        `${path}.contact_id: contact ${contact.id} has no postal address`,
      );
    }
  } else {
    const stored = column ? contact[column] : undefined;
    handle = given ?? (typeof stored === 'string' ? stored : undefined);
    if (!handle) {
      throw bad(
        'contact_has_no_handle',
        `${path}: contact ${contact.id} has no ${channel.type} handle`,
        'Add a handle to the recipient, or pick a contact that has one for this channel.',
      );
    }
  }
  return { role, contact, handle, fullName: recipient.full_name ?? contact.full_name };
}

/** Placeholder names in order of first appearance: `{{1}}`, `{{2}}` or `{{vorname}}`. */
export function placeholderNames(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((match) => match[1] as string))];
}

/** Fills a template's placeholders with `placeholder_values`, by position of first appearance. */
function fillTemplate(template: { name: string; body: string }, values: readonly string[]): string {
  const names = placeholderNames(template.body);
  const missing = names.findIndex((_, index) => !values[index]?.trim());
  if (missing >= 0) {
    const all = names.map((name) => `{{${name}}}`).join(', ');
    throw bad(
      'placeholder_missing',
      `placeholder_values[${missing}]: template "${template.name}" needs a value for {{${names[missing]}}} (its placeholders: ${all})`,
      'placeholder_values fill the placeholders in the order they first appear in the template.',
    );
  }
  return template.body.replace(
    PLACEHOLDER,
    (_, name: string) => values[names.indexOf(name)] as string,
  );
}

/** Plain text of an HTML body, for the blurb. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6])>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function blurbOf(text: string | null): string | null {
  if (text === null) return null;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat;
}

/** Limits from the shared channel rules that the request shape alone cannot show. */
function checkLimits(type: ChannelType, request: SendMessageRequest, text: string | null): void {
  const rule = CHANNEL_RULES[type];
  const actions = request.actions ?? [];
  const withButtons = actions.length > 0 && rule.maxTextWithActions !== null;
  const max = withButtons ? rule.maxTextWithActions : rule.maxText;
  const length = text === null ? 0 : [...text].length;
  if (max !== null && length > max) {
    throw bad(
      'text_too_long',
      `text: ${rule.label} messages take at most ${max} characters${withButtons ? ' with buttons' : ''}; this one has ${length}`,
    );
  }
  if (rule.footerMax !== null && request.footer && [...request.footer].length > rule.footerMax) {
    throw bad('footer_too_long', `footer: at most ${rule.footerMax} characters`);
  }
  if (!rule.attachments && request.attachments?.length) {
    throw bad(
      'attachments_not_supported',
      `attachments: ${rule.label} messages cannot carry attachments`,
    );
  }
  const limits = rule.actions;
  if (!limits || actions.length === 0) return;
  const types = new Set(actions.map((action) => action.type));
  if (types.size > 1) {
    throw bad(
      'invalid_actions',
      'actions: buttons must be all quick replies, one call to action, or one list',
    );
  }
  const kind = actions[0]?.type;
  if (kind === 'quick_reply') {
    if (actions.length > limits.maxQuickReplies) {
      throw bad(
        'invalid_actions',
        `actions: ${rule.label} takes at most ${limits.maxQuickReplies} quick replies`,
      );
    }
    const long = actions.findIndex((action) => [...action.text].length > limits.quickReplyTitleMax);
    if (long >= 0) {
      throw bad(
        'invalid_actions',
        `actions[${long}].text: at most ${limits.quickReplyTitleMax} characters`,
      );
    }
  } else if (kind === 'call_to_action') {
    if (!limits.callToAction) {
      throw bad('invalid_actions', `actions: ${rule.label} has no call-to-action buttons`);
    }
    if (actions.length > 1) {
      throw bad(
        'invalid_actions',
        'actions: at most one call-to-action button (a URL or a phone number)',
      );
    }
    if (!actions[0]?.data) {
      throw bad(
        'invalid_actions',
        'actions[0].data: a call-to-action button needs a URL or a phone number',
      );
    }
  } else if (kind === 'list') {
    const list = limits.list;
    if (!list) throw bad('invalid_actions', `actions: ${rule.label} has no list messages`);
    if (actions.length > list.maxRows) {
      throw bad('invalid_actions', `actions: a list has at most ${list.maxRows} rows`);
    }
    const long = actions.findIndex((action) => [...action.text].length > list.rowTitleMax);
    if (long >= 0) {
      throw bad('invalid_actions', `actions[${long}].text: at most ${list.rowTitleMax} characters`);
    }
  }
}

/** A call-to-action button's subtype: as given, or read from its data. */
function subtypeOf(action: Action): 'url' | 'phone_number' | null {
  if (action.type !== 'call_to_action') return action.subtype ?? null;
  if (action.subtype) return action.subtype;
  return /^(tel:|\+?\d[\d\s()-]*$)/.test(action.data ?? '') ? 'phone_number' : 'url';
}

async function checkAttachments(tx: Queryable, attachments: readonly string[]): Promise<void> {
  for (const [index, attachment] of attachments.entries()) {
    if (attachment.startsWith(MEDIA_LIBRARY_SCHEME)) {
      const path = attachment.slice(MEDIA_LIBRARY_SCHEME.length);
      if (!isMediaPath(path) || !(await mediaObjectExists(tx, path))) {
        throw bad(
          'attachment_not_found',
          `attachments[${index}]: "${attachment}" is not in the media library`,
          'Upload it first: POST /storage/upload/sign/media_library/<path>, then PUT the bytes to the signed URL.',
        );
      }
    } else if (!/^https:\/\/[^\s/]+/.test(attachment)) {
      throw bad(
        'invalid_attachment',
        `attachments[${index}]: "${attachment}" must start with https:// or media_library://`,
      );
    }
  }
}

async function loadChannel(tx: Queryable, id: string): Promise<ChannelRow> {
  const channel = (await findById(tx, TABLES.channel, id)) as ChannelRow | undefined;
  if (!channel) {
    throw bad(
      'channel_not_found',
      `from: no channel with id ${id}`,
      'GET /channel lists the channels you can send from.',
    );
  }
  if (channel.status !== 'active' || channel.active === false) {
    const why =
      channel.status === 'in-review'
        ? 'is still in review'
        : `is not active (status ${channel.status})`;
    throw bad(
      'channel_inactive',
      `from: channel "${channel.name ?? channel.id}" ${why} and cannot send messages`,
      'Send from an active channel (GET /channel?status=eq.active).',
    );
  }
  return channel;
}

/** The conversation to send in: the given one, the replied-to message's, or a new one. */
async function pickConversation(
  tx: Queryable,
  request: SendMessageRequest,
  channel: ChannelRow,
  contactId: string,
  now: Date,
): Promise<Row> {
  let conversation: Row | undefined;
  if (request.conversation_id) {
    conversation = await findById(tx, TABLES.conversation, request.conversation_id);
    if (!conversation) {
      throw bad(
        'conversation_not_found',
        `conversation_id: no conversation with id ${request.conversation_id}`,
      );
    }
  }
  if (request.reply_to_message_id) {
    const replied = await findById(tx, TABLES.message, request.reply_to_message_id);
    if (!replied) {
      throw bad(
        'message_not_found',
        `reply_to_message_id: no message with id ${request.reply_to_message_id}`,
      );
    }
    if (conversation && conversation.id !== replied.conversation_id) {
      throw bad(
        'conversation_mismatch',
        'reply_to_message_id: the message belongs to another conversation than conversation_id',
      );
    }
    conversation ??= await findById(tx, TABLES.conversation, replied.conversation_id as string);
  }
  const status = request.conversation_status ?? 'open';
  if (conversation) {
    if (conversation.channel_id !== channel.id) {
      throw bad(
        'conversation_mismatch',
        `conversation_id: the conversation belongs to another channel than from (${channel.id})`,
      );
    }
    return (await updateRow(tx, TABLES.conversation, conversation.id as string, {
      status,
      updated_at: now,
    })) as Row;
  }
  return insertRow(tx, TABLES.conversation, {
    id: randomUUID(),
    created_at: now,
    updated_at: now,
    organisation_id: SEED.organisationId,
    subject: request.subject ?? null,
    status,
    unread: false,
    channel_id: channel.id,
    channel_type: channel.type,
    contact_id: contactId,
    tags: [],
    is_spam: false,
    inbox_id: SEED.inboxId,
  });
}

/** Reads and checks the request body; the 400 names the first offending field. */
export function parseSendMessageRequest(body: unknown): SendMessageRequest {
  const parsed = SendMessageRequestSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = formatPath(issue?.path ?? []);
  throw bad(
    'invalid_request',
    `${path}: ${issue?.message ?? 'invalid value'}`,
    `Check "${path}" against the send_message schema.`,
  );
}

export async function sendMessage(
  db: PGlite,
  body: unknown,
  now: Date,
): Promise<SendMessageResponse> {
  const request = parseSendMessageRequest(body);
  const stored = await db.transaction(async (tx) => {
    const channel = await loadChannel(tx, request.from);
    const issue = checkChannelRules(request, channel.type)[0];
    if (issue) throw bad('channel_rule', `${formatPath(issue.path)}: ${issue.message}`);

    let text = request.text ?? null;
    if (request.template_id) {
      // A template replaces `text`; its filled body is what goes out.
      const template = await findById(tx, TABLES.template, request.template_id);
      if (!template) {
        throw bad(
          'template_not_found',
          `template_id: no template with id ${request.template_id}`,
          'GET /template lists the templates.',
        );
      }
      if (template.channel_type !== null && template.channel_type !== channel.type) {
        throw bad(
          'template_channel_mismatch',
          `template_id: template "${String(template.name)}" is for ${String(template.channel_type)}, not ${channel.type}`,
        );
      }
      text = fillTemplate(
        template as { name: string; body: string },
        request.placeholder_values ?? [],
      );
    }
    const attachments = request.attachments ?? [];
    if (!text?.trim() && !request.html?.trim() && !request.content && attachments.length === 0) {
      throw bad('empty_message', 'text: the message has no text, html, template or attachment');
    }
    checkLimits(channel.type, request, text);
    await checkAttachments(tx, attachments);

    const resolved: ResolvedRecipient[] = [];
    for (const role of ['to', 'cc', 'bcc'] as const) {
      for (const [index, recipient] of (request[role] ?? []).entries()) {
        resolved.push(await resolveRecipient(tx, channel, recipient, role, index, now));
      }
    }
    const firstTo = resolved.find((recipient) => recipient.role === 'to');
    if (!firstTo) throw bad('recipient_missing', 'to: at least one recipient is required');

    const conversation = await pickConversation(tx, request, channel, firstTo.contact.id, now);
    const sendAfter = request.send_after ? new Date(request.send_after) : null;
    if (sendAfter && Number.isNaN(sendAfter.getTime())) {
      throw bad('invalid_request', `send_after: "${request.send_after}" is not a date-time`);
    }
    const status = sendAfter && sendAfter.getTime() > now.getTime() ? 'scheduled' : 'sending';
    const rawContent = text ?? request.html ?? null;
    const plain = text ?? (request.html ? htmlToText(request.html) : null);
    const base = { created_at: now, updated_at: now, organisation_id: SEED.organisationId };

    // A reused id fails here with PostgreSQL's 23505 on message_pkey and rolls everything back.
    const message = await insertRow(tx, TABLES.message, {
      ...base,
      id: request.id ?? randomUUID(),
      conversation_id: conversation.id,
      is_inbound: false,
      subject: request.subject ?? null,
      blurb: blurbOf(plain),
      author_id: null,
      content: { ...(request.content ?? {}), text, html: request.html ?? null },
      raw_content: rawContent,
      status,
      attachment_count: attachments.length,
      attachments,
      reply_to_message_id: request.reply_to_message_id ?? null,
      template_id: request.template_id ?? null,
      review_channel_id: request.review_channel_id ?? null,
      author_type: 'employee',
      forwarded: false,
      send_after: sendAfter,
      footer: request.footer ?? null,
      sent_at: null,
      timestamp: now,
    });
    const link = { ...base, conversation_id: conversation.id, message_id: message.id };

    const recipients: Row[] = [];
    if (channel.handle) {
      recipients.push(
        await insertRow(tx, TABLES.recipient, {
          ...link,
          id: randomUUID(),
          contact_id: null,
          handle: channel.handle,
          full_name: channel.name,
          is_organisation: true,
          role: 'from',
          status,
        }),
      );
    }
    for (const recipient of resolved) {
      recipients.push(
        await insertRow(tx, TABLES.recipient, {
          ...link,
          id: randomUUID(),
          contact_id: recipient.contact.id,
          handle: recipient.handle,
          full_name: recipient.fullName,
          is_organisation: false,
          role: recipient.role,
          status,
        }),
      );
    }
    const actions: Row[] = [];
    for (const action of request.actions ?? []) {
      actions.push(
        await insertRow(tx, TABLES.message_action, {
          ...link,
          id: randomUUID(),
          type: action.type,
          subtype: subtypeOf(action),
          text: action.text,
          data: action.data ?? null,
          clicked: false,
        }),
      );
    }
    const updated = await updateRow(tx, TABLES.conversation, conversation.id as string, {
      latest_message_id: message.id,
      latest_message_created_at: now,
      updated_at: now,
    });
    return { conversation: updated as Row, message, recipients, actions };
  });
  return toSendMessageResponse(stored);
}

/**
 * The stored rows in the contract's shape. Two places where the published response schema is
 * narrower than what Mateo stores:
 * - `conversation.channel_type` has no `postal` in the spec's enum although `channel.type` does.
 *   The database keeps `postal` (GET /conversation shows it); the answer says `email`, the
 *   closest allowed type (a document to one addressee, HTML body, no buttons), so a client that
 *   validates against the published schema still accepts the answer.
 * - `actions[].subtype` is required and non-null in the spec, even for quick replies and list
 *   rows, which have none. The database keeps null; the answer says `url`.
 */
function toSendMessageResponse(stored: {
  conversation: Row;
  message: Row;
  recipients: Row[];
  actions: Row[];
}): SendMessageResponse {
  const conversation = toJsonRow(TABLES.conversation, stored.conversation);
  const message = toJsonRow(TABLES.message, stored.message);
  const answer = {
    conversation: {
      ...conversation,
      channel_type: conversation.channel_type === 'postal' ? 'email' : conversation.channel_type,
    },
    message,
    recipients: stored.recipients.map((row) => toJsonRow(TABLES.recipient, row)),
    actions: stored.actions.map((row) => {
      const action = toJsonRow(TABLES.message_action, row);
      return { ...action, subtype: action.subtype ?? 'url' };
    }),
  };
  // A mismatch is a sandbox bug; failing loudly beats answering something the contract forbids.
  return SendMessageResponseSchema.parse(answer);
}
