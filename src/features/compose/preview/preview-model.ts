import type { Channel } from '../../../../schemas/rows';
import { i18n, type TFunction } from '../../../i18n';
import type { Action, Recipient, SendMessageRequest } from '../../../../schemas/send-message';

/** What the previews show, read from the request alone; words in the reader's language. */

function handles(recipient: Recipient): string {
  const handle = recipient.handle;
  if (handle == null) return '';
  return Array.isArray(handle) ? handle.join(', ') : handle;
}

/**
 * "Anna Schmidt <anna@example.com>", the handle alone, or "Contact <id>"; words through `t`
 * (a component passes its own, so that its memo follows the language).
 */
export function recipientLabel(recipient: Recipient, t: TFunction = i18n.t): string {
  const name = recipient.full_name?.trim();
  const handle = handles(recipient);
  if (name && handle) return `${name} <${handle}>`;
  if (name) return name;
  if (handle) return handle;
  if (recipient.contact_id) return t('preview.contact', { id: recipient.contact_id });
  if (recipient.external_contact_id)
    return t('preview.externalContact', { id: recipient.external_contact_id });
  return t('preview.recipientWithoutAddress');
}

/** A letter is addressed by contact: the name when the request carries it. */
export function letterRecipientLabel(recipient: Recipient, t: TFunction = i18n.t): string {
  const name = recipient.full_name?.trim();
  if (name) return name;
  if (recipient.contact_id) return t('preview.contact', { id: recipient.contact_id });
  return recipientLabel(recipient, t);
}

export function senderLabel(channel: Pick<Channel, 'name' | 'handle' | 'type'>): string {
  const name = channel.name?.trim();
  if (name && channel.handle) return `${name} <${channel.handle}>`;
  return name || channel.handle || channel.type;
}

/** Up to `max` labels and how many more there are, so a pasted list of a thousand stays cheap. */
export function firstLabels(
  recipients: readonly Recipient[] | null | undefined,
  max = 10,
  label: (recipient: Recipient) => string = recipientLabel,
): { labels: string[]; more: number } {
  const list = recipients ?? [];
  return { labels: list.slice(0, max).map(label), more: Math.max(0, list.length - max) };
}

/** The file name of an attachment URL (`https://…/rechnung.pdf`, `media_library://…/a.png`). */
export function attachmentName(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? url;
  const last = path.split('/').filter(Boolean).pop() ?? url;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * The text that goes out: a template replaces the message text (Mateo fills its placeholders),
 * so with a template the filled template body is shown when the page knows it.
 */
export function outgoingText(
  request: SendMessageRequest,
  templateText: string | undefined,
): { text: string; fromTemplate: boolean } {
  if (request.template_id && templateText !== undefined)
    return { text: templateText, fromTemplate: true };
  return { text: request.text ?? '', fromTemplate: false };
}

export interface ActionGroups {
  quickReplies: Action[];
  callsToAction: Action[];
  listRows: Action[];
}

/** The request's buttons by kind, each in the order of `request.actions`. */
export function groupActions(actions: readonly Action[] | null | undefined): ActionGroups {
  const groups: ActionGroups = { quickReplies: [], callsToAction: [], listRows: [] };
  for (const action of actions ?? []) {
    if (action.type === 'quick_reply') groups.quickReplies.push(action);
    else if (action.type === 'call_to_action') groups.callsToAction.push(action);
    else groups.listRows.push(action);
  }
  return groups;
}
