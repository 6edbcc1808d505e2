import { describe, expect, it } from 'vitest';
import type { MessageStatusRow } from '../../api/messages';
import {
  applyStatusRow,
  applyStatusRows,
  CANCELLED,
  channelTypeOptions,
  displayStatus,
  entryFromSent,
  filterEntries,
  isPending,
  NOT_FOUND,
  recipientLabels,
  sortNewestFirst,
  statusOptions,
  summarizeRecipients,
  type HistoryEntry,
} from './history-entry';
import { sentRecord } from './history-fixtures';
import { parseStoredEntry } from './stored-entry';

const at = new Date('2026-03-02T08:00:00Z');
const entry = (options: Parameters<typeof sentRecord>[0] = {}, sentAt = at): HistoryEntry =>
  entryFromSent(sentRecord(options), sentAt);
const row = (e: HistoryEntry, status: MessageStatusRow['status'], more = {}): MessageStatusRow => ({
  id: e.id,
  status,
  ...more,
});

describe('entryFromSent', () => {
  it('keeps the request, the answer, the channel and the scheduled time', () => {
    const record = sentRecord({ status: 'scheduled', sendAfter: '2026-03-02T10:00+01:00' });
    const e = entryFromSent(record, at);
    expect(e).toMatchObject({
      id: record.response.message.id,
      sentAt: '2026-03-02T08:00:00.000Z',
      channel: { id: record.channel.id, name: record.channel.name, type: 'whatsapp' },
      status: 'scheduled',
      sendAfter: '2026-03-02T10:00+01:00',
    });
    expect(e.request).toBe(record.request);
    expect(e.response).toBe(record.response);
    expect(Object.keys(e.channel)).toEqual(['id', 'name', 'type']);
  });
});

describe('applying status rows', () => {
  it('writes the new status into the entries asked for, and only those', () => {
    const sending = entry({ status: 'sending' });
    const scheduled = entry({ status: 'scheduled', sendAfter: '2026-03-02T09:00:00Z' });
    const other = entry({ status: 'sending' });
    const { entries, changed } = applyStatusRows(
      [sending, scheduled, other],
      [sending.id, scheduled.id],
      [row(sending, 'sent', { sent_at: '2026-03-02T08:00:01Z' }), row(scheduled, 'scheduled')],
    );
    expect(entries[0]).toMatchObject({ status: 'sent', upstreamSentAt: '2026-03-02T08:00:01Z' });
    expect(entries[1]).toBe(scheduled);
    expect(entries[2]).toBe(other);
    expect(changed.map((e) => e.id)).toEqual([sending.id]);
  });

  it('marks a message gone upstream as not found, unless we asked to cancel it', () => {
    const gone = entry({ status: 'scheduled' });
    const ours = { ...entry({ status: 'scheduled' }), cancelRequested: true };
    const { entries } = applyStatusRows([gone, ours], [gone.id, ours.id], []);
    expect(displayStatus(entries[0]!)).toBe(NOT_FOUND);
    expect(entries[0]!.cancelled).toBeFalsy();
    expect(displayStatus(entries[1]!)).toBe(CANCELLED);
    expect(entries.some(isPending)).toBe(false);
  });

  it('never revives a cancelled message from a read that raced the delete', () => {
    const cancelled = { ...entry({ status: 'scheduled' }), cancelled: true };
    expect(applyStatusRow(cancelled, row(cancelled, 'scheduled'))).toBe(cancelled);
    expect(applyStatusRow(cancelled, undefined)).toBe(cancelled);
  });

  it('forgets an asked-for cancel once the message went out instead', () => {
    const e = { ...entry({ status: 'scheduled' }), cancelRequested: true };
    const next = applyStatusRow(e, row(e, 'sent'));
    expect(next).toMatchObject({ status: 'sent', cancelRequested: false });
    expect(displayStatus(next)).toBe('sent');
  });

  it('returns the same entry when nothing changed, so nothing is written', () => {
    const e = entry({ status: 'sending' });
    expect(applyStatusRow(e, row(e, 'sending'))).toBe(e);
  });

  it('keeps the scheduled time when the row has none', () => {
    const e = entry({ status: 'scheduled', sendAfter: '2026-03-02T09:00:00Z' });
    expect(applyStatusRow(e, row(e, 'sent', { send_after: null })).sendAfter).toBe(
      '2026-03-02T09:00:00Z',
    );
  });
});

describe('pending', () => {
  it('polls sending, submitted and scheduled; not settled or cancelled ones', () => {
    expect(isPending(entry({ status: 'sending' }))).toBe(true);
    expect(isPending(entry({ status: 'submitted' }))).toBe(true);
    expect(isPending(entry({ status: 'scheduled' }))).toBe(true);
    expect(isPending(entry({ status: 'sent' }))).toBe(false);
    expect(isPending(entry({ status: 'sending_error' }))).toBe(false);
    expect(isPending({ ...entry({ status: 'scheduled' }), cancelled: true })).toBe(false);
  });
});

describe('recipients', () => {
  it('summarises the first two and counts the rest', () => {
    expect(summarizeRecipients(['a@x.de'])).toBe('a@x.de');
    expect(summarizeRecipients(['a@x.de', 'b@x.de'])).toBe('a@x.de, b@x.de');
    expect(summarizeRecipients(['a@x.de', 'b@x.de', 'c@x.de', 'd@x.de'])).toBe('a@x.de, b@x.de +2');
    expect(summarizeRecipients([])).toBe('no recipients');
  });

  it('takes To, Cc and Bcc in order, and names a letter recipient from the answer', () => {
    const record = sentRecord({ to: ['a@x.de'], channelType: 'email' });
    record.request.cc = [{ handle: 'b@x.de' }];
    record.request.bcc = [{ handle: ['c@x.de', 'c2@x.de'] }];
    expect(recipientLabels(record.request, record.response)).toEqual([
      'a@x.de',
      'b@x.de',
      'c@x.de',
    ]);

    const letter = sentRecord({ to: [], channelType: 'postal' });
    const contactId = 'd0000000-0000-4000-8000-000000000001';
    letter.request.to = [{ contact_id: contactId }];
    letter.response.recipients = [
      {
        id: 'r1',
        created_at: '',
        updated_at: '',
        organisation_id: '',
        conversation_id: '',
        message_id: '',
        contact_id: contactId,
        handle: 'Hauptstr. 1, Berlin',
        full_name: 'Anna Schmidt',
        is_organisation: false,
        role: 'to',
        status: 'sending',
      },
    ];
    expect(recipientLabels(letter.request, letter.response)).toEqual(['Anna Schmidt']);
  });
});

describe('filters and order', () => {
  const email = entry({ status: 'sent', channelType: 'email' }, new Date('2026-03-01T08:00:00Z'));
  const sms = entry({ status: 'scheduled', channelType: 'sms' }, new Date('2026-03-03T08:00:00Z'));
  const whatsapp = { ...entry({ status: 'scheduled' }), cancelled: true };
  const all = [email, sms, whatsapp];

  it('lists newest first', () => {
    expect(sortNewestFirst(all).map((e) => e.id)).toEqual([sms.id, whatsapp.id, email.id]);
  });

  it('narrows by shown status and by channel type', () => {
    expect(filterEntries(all, { status: 'scheduled', channelType: '' })).toEqual([sms]);
    expect(filterEntries(all, { status: CANCELLED, channelType: '' })).toEqual([whatsapp]);
    expect(filterEntries(all, { status: '', channelType: 'email' })).toEqual([email]);
    expect(filterEntries(all, { status: 'sent', channelType: 'sms' })).toEqual([]);
    expect(filterEntries(all, { status: '', channelType: '' })).toEqual(all);
  });

  it('offers the statuses and channel types present, and keeps the one selected', () => {
    expect(statusOptions(all)).toEqual(['sent', 'scheduled', CANCELLED]);
    expect(statusOptions([email], 'scheduled')).toEqual(['sent', 'scheduled']);
    expect(channelTypeOptions(all)).toEqual(['email', 'sms', 'whatsapp']);
    expect(channelTypeOptions([email], 'postal')).toEqual(['email', 'postal']);
  });
});

describe('stored records', () => {
  it('reads back what was stored and skips what is not an entry', () => {
    const e = entry();
    expect(parseStoredEntry(structuredClone(e))).toEqual(e);
    expect(parseStoredEntry({ id: e.id })).toBeUndefined();
    expect(parseStoredEntry({ ...e, status: 'exploded' })).toBeUndefined();
    expect(parseStoredEntry(undefined)).toBeUndefined();
  });
});
