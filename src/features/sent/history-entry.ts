import { CHANNEL_TYPES, MESSAGE_STATUSES } from '../../../schemas/constants';
import type { Channel, ChannelType } from '../../../schemas/rows';
import type {
  MessageStatus,
  SendMessageRequest,
  SendMessageResponse,
} from '../../../schemas/send-message';
import type { MessageStatusRow } from '../../api/messages';
import { i18n } from '../../i18n';

/**
 * One message sent from this browser, as kept in IndexedDB: what was sent, what Mateo answered,
 * and what we learnt about it since.
 */
export interface HistoryEntry {
  /** The message id (the store's key). */
  id: string;
  /** When this browser sent it (ISO). */
  sentAt: string;
  channel: { id: string; name: string | null; type: ChannelType };
  request: SendMessageRequest;
  response: SendMessageResponse;
  /** The latest status the upstream reported. */
  status: MessageStatus;
  sendAfter: string | null;
  /** We deleted it before it went out. */
  cancelled?: boolean;
  /**
   * Set before asking the upstream to delete it, so a message that is gone afterwards is known
   * to be gone because of us, even when the answer to the delete was lost.
   */
  cancelRequested?: boolean;
  /** The upstream no longer has it and we did not cancel it. */
  notFound?: boolean;
  /** When the upstream says it went out. */
  upstreamSentAt?: string | null;
}

export interface SentRecord {
  request: SendMessageRequest;
  response: SendMessageResponse;
  channel: Channel;
}

export const CANCELLED = 'cancelled';
export const NOT_FOUND = 'unknown (not found)';
/** What a row shows as its status: the upstream's, or one of ours. */
export type DisplayStatus = MessageStatus | typeof CANCELLED | typeof NOT_FOUND;

/** Statuses after which the upstream may still change its mind; these are polled. */
export const PENDING_STATUSES: readonly MessageStatus[] = ['sending', 'submitted', 'scheduled'];

export function entryFromSent({ request, response, channel }: SentRecord, now: Date): HistoryEntry {
  return {
    id: response.message.id,
    sentAt: now.toISOString(),
    channel: { id: channel.id, name: channel.name, type: channel.type },
    request,
    response,
    status: response.message.status,
    sendAfter: response.message.send_after ?? request.send_after ?? null,
    upstreamSentAt: response.message.sent_at,
  };
}

export function displayStatus(entry: HistoryEntry): DisplayStatus {
  if (entry.cancelled) return CANCELLED;
  if (entry.notFound) return NOT_FOUND;
  return entry.status;
}

export function isPending(entry: HistoryEntry): boolean {
  return !entry.cancelled && !entry.notFound && PENDING_STATUSES.includes(entry.status);
}

export function isCancellable(entry: HistoryEntry): boolean {
  return !entry.cancelled && !entry.notFound && entry.status === 'scheduled';
}

/**
 * What one status row (or its absence, when the upstream no longer has the message) means for
 * an entry. Returns the same object when nothing changes, so callers can skip the write.
 */
export function applyStatusRow(
  entry: HistoryEntry,
  row: MessageStatusRow | undefined,
): HistoryEntry {
  // A cancelled message is gone for good; a read that raced the delete must not revive it.
  if (entry.cancelled) return entry;
  if (!row) {
    if (entry.cancelRequested) return { ...entry, cancelled: true, notFound: false };
    return entry.notFound ? entry : { ...entry, notFound: true };
  }
  const next: HistoryEntry = {
    ...entry,
    status: row.status,
    sendAfter: row.send_after ?? entry.sendAfter,
    upstreamSentAt: row.sent_at ?? entry.upstreamSentAt ?? null,
    notFound: false,
    // It went out (or failed) instead: whatever delete we asked for did not happen.
    cancelRequested: row.status === 'scheduled' ? entry.cancelRequested : false,
  };
  return sameEntryState(entry, next) ? entry : next;
}

function sameEntryState(a: HistoryEntry, b: HistoryEntry): boolean {
  return (
    a.status === b.status &&
    a.sendAfter === b.sendAfter &&
    (a.upstreamSentAt ?? null) === (b.upstreamSentAt ?? null) &&
    Boolean(a.notFound) === Boolean(b.notFound) &&
    Boolean(a.cancelRequested) === Boolean(b.cancelRequested) &&
    Boolean(a.cancelled) === Boolean(b.cancelled)
  );
}

/**
 * Applies the rows of one status read to the entries whose ids were asked for. Entries not
 * asked for stay as they are; an id asked for without a row is gone upstream.
 */
export function applyStatusRows(
  entries: readonly HistoryEntry[],
  askedIds: readonly string[],
  rows: readonly MessageStatusRow[],
): { entries: HistoryEntry[]; changed: HistoryEntry[] } {
  const asked = new Set(askedIds);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const changed: HistoryEntry[] = [];
  const next = entries.map((entry) => {
    if (!asked.has(entry.id)) return entry;
    const updated = applyStatusRow(entry, byId.get(entry.id));
    if (updated !== entry) changed.push(updated);
    return updated;
  });
  return { entries: next, changed };
}

export function sortNewestFirst(entries: readonly HistoryEntry[]): HistoryEntry[] {
  return [...entries].sort((a, b) => (a.sentAt < b.sentAt ? 1 : a.sentAt > b.sentAt ? -1 : 0));
}

type RequestRecipient = NonNullable<SendMessageRequest['to']>[number];

function requestRecipientLabel(
  recipient: RequestRecipient,
  response: SendMessageResponse,
): string | undefined {
  const handle = Array.isArray(recipient.handle) ? recipient.handle[0] : recipient.handle;
  if (handle) return handle;
  if (recipient.full_name) return recipient.full_name;
  // Letters go to a contact id only; Mateo's answer names the contact.
  const answered = recipient.contact_id
    ? response.recipients.find((r) => r.contact_id === recipient.contact_id)
    : undefined;
  return (
    answered?.full_name ??
    answered?.handle ??
    recipient.contact_id ??
    recipient.external_contact_id ??
    undefined
  );
}

/** Who the message went to, in the order they were addressed (To, then Cc, then Bcc). */
export function recipientLabels(
  request: SendMessageRequest,
  response: SendMessageResponse,
): string[] {
  const addressed = [...(request.to ?? []), ...(request.cc ?? []), ...(request.bcc ?? [])]
    .map((recipient) => requestRecipientLabel(recipient, response))
    .filter((label): label is string => Boolean(label));
  if (addressed.length) return addressed;
  return response.recipients
    .filter((r) => r.role === 'to' || r.role === 'cc' || r.role === 'bcc')
    .map((r) => r.handle || r.full_name || r.id);
}

/** The first two recipients and how many more: "a@x.de, b@x.de +3". */
export function summarizeRecipients(labels: readonly string[]): string {
  if (!labels.length) return i18n.t('sent.row.noRecipients');
  const shown = labels.slice(0, 2).join(', ');
  return labels.length > 2 ? `${shown} +${labels.length - 2}` : shown;
}

export function firstRecipient(entry: HistoryEntry): string {
  return recipientLabels(entry.request, entry.response)[0] ?? i18n.t('sent.row.noRecipient');
}

/** A line of what the message said. */
export function blurbOf(entry: HistoryEntry): string {
  const { message } = entry.response;
  const text =
    message.blurb ?? message.subject ?? entry.request.subject ?? entry.request.text ?? '';
  return text.replace(/\s+/g, ' ').trim();
}

export interface HistoryFilter {
  /** A display status, or '' for all. */
  status: string;
  /** A channel type, or '' for all. */
  channelType: string;
}

export function filterEntries(
  entries: readonly HistoryEntry[],
  filter: HistoryFilter,
): HistoryEntry[] {
  return entries.filter(
    (entry) =>
      (!filter.status || displayStatus(entry) === filter.status) &&
      (!filter.channelType || entry.channel.type === filter.channelType),
  );
}

const STATUS_ORDER: readonly DisplayStatus[] = [...MESSAGE_STATUSES, CANCELLED, NOT_FOUND];

/** The statuses present, in a fixed order, plus the one selected (so it never vanishes). */
export function statusOptions(entries: readonly HistoryEntry[], selected = ''): string[] {
  const present = new Set<string>(entries.map(displayStatus));
  if (selected) present.add(selected);
  return [
    ...STATUS_ORDER.filter((status) => present.has(status)),
    ...[...present].filter((status) => !STATUS_ORDER.includes(status as DisplayStatus)),
  ];
}

/** The channel types present, in the contract's order, plus the one selected. */
export function channelTypeOptions(entries: readonly HistoryEntry[], selected = ''): ChannelType[] {
  const present = new Set<string>(entries.map((entry) => entry.channel.type));
  if (selected) present.add(selected);
  return CHANNEL_TYPES.filter((type) => present.has(type));
}
