import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SendMessageRequestSchema,
  type SendMessageRequest,
} from '../../../../schemas/send-message';
import { i18n } from '../../../i18n';
import { contractIssues } from './contract-check';
import { orderHeaders } from './contract-issues';
import {
  attachmentName,
  firstLabels,
  groupActions,
  letterRecipientLabel,
  outgoingText,
  recipientLabel,
  senderLabel,
} from './preview-model';

const FROM = 'c0000000-0000-4000-8000-000000000003';
const CONTACT = 'd0000000-0000-4000-8000-000000000006';

describe('recipient labels', () => {
  it('shows name and address, either alone, or the contact id', () => {
    expect(recipientLabel({ full_name: 'Anna Schmidt', handle: 'anna@example.com' })).toBe(
      'Anna Schmidt <anna@example.com>',
    );
    expect(recipientLabel({ handle: ['a@example.de', 'b@example.de'] })).toBe(
      'a@example.de, b@example.de',
    );
    expect(recipientLabel({ full_name: 'Gisela Straßer', contact_id: CONTACT })).toBe(
      'Gisela Straßer',
    );
    expect(recipientLabel({ contact_id: CONTACT })).toBe(`Contact ${CONTACT}`);
  });

  it('addresses a letter by name, else by contact id', () => {
    expect(letterRecipientLabel({ contact_id: CONTACT, full_name: 'Gisela Straßer' })).toBe(
      'Gisela Straßer',
    );
    expect(letterRecipientLabel({ contact_id: CONTACT })).toBe(`Contact ${CONTACT}`);
  });

  it('lists at most ten and counts the rest', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ handle: `kunde${i}@example.de` }));
    const { labels, more } = firstLabels(many);
    expect(labels).toHaveLength(10);
    expect(labels[9]).toBe('kunde9@example.de');
    expect(more).toBe(990);
    expect(firstLabels(undefined)).toEqual({ labels: [], more: 0 });
  });

  it('names the sender by channel name and handle', () => {
    expect(
      senderLabel({
        name: 'Autohaus Müller',
        handle: 'support@autohaus-mueller.de',
        type: 'email',
      }),
    ).toBe('Autohaus Müller <support@autohaus-mueller.de>');
    expect(senderLabel({ name: 'Briefversand', handle: null, type: 'postal' })).toBe(
      'Briefversand',
    );
    expect(senderLabel({ name: null, handle: null, type: 'sms' })).toBe('sms');
  });
});

describe('attachmentName', () => {
  it('takes the last path segment, decoded, without query or fragment', () => {
    expect(attachmentName('https://example.de/files/Rechnung%202024.pdf?token=x#p1')).toBe(
      'Rechnung 2024.pdf',
    );
    expect(attachmentName('media_library://org/abc/foto.png')).toBe('foto.png');
    expect(attachmentName('https://example.de/')).toBe('example.de');
    expect(attachmentName('https://example.de/%E0%A4%A')).toBe('%E0%A4%A');
  });
});

describe('outgoingText', () => {
  const base: SendMessageRequest = { from: FROM, text: 'Hallo' };
  it('is the text without a template', () => {
    expect(outgoingText(base, 'ignored')).toEqual({ text: 'Hallo', fromTemplate: false });
  });
  it('is the filled template when one is used and known', () => {
    const request = { ...base, template_id: 'b0000000-0000-4000-8000-000000000001' };
    expect(outgoingText(request, 'Hallo Frau Schmidt')).toEqual({
      text: 'Hallo Frau Schmidt',
      fromTemplate: true,
    });
    expect(outgoingText(request, undefined)).toEqual({ text: 'Hallo', fromTemplate: false });
  });
});

describe('groupActions', () => {
  it('keeps the order of request.actions within each kind', () => {
    const groups = groupActions([
      { type: 'quick_reply', text: 'Ja' },
      { type: 'list', text: 'Inspektion', data: 'Jährlich' },
      { type: 'quick_reply', text: 'Nein' },
      { type: 'call_to_action', subtype: 'url', text: 'Buchen', data: 'https://example.de' },
    ]);
    expect(groups.quickReplies.map((a) => a.text)).toEqual(['Ja', 'Nein']);
    expect(groups.listRows.map((a) => a.text)).toEqual(['Inspektion']);
    expect(groups.callsToAction.map((a) => a.text)).toEqual(['Buchen']);
  });
});

describe('counted words', () => {
  it('picks the form by count', () => {
    expect(i18n.t('preview.counter.segments', { count: 1 })).toBe('1 segment');
    expect(i18n.t('preview.counter.segments', { count: 0 })).toBe('0 segments');
    expect(i18n.t('preview.chat.quickReplies', { count: 3 })).toBe('3 quick replies');
    expect(i18n.t('preview.counter.segments', { count: 1, lng: 'de' })).toBe('1 Segment');
    expect(i18n.t('preview.chat.quickReplies', { count: 3, lng: 'de' })).toBe('3 Schnellantworten');
  });
});

describe('contractIssues', () => {
  it('passes a valid request', () => {
    expect(
      contractIssues({ from: FROM, to: [{ handle: '+4915123456789' }], text: 'Hi' }, 'sms'),
    ).toEqual([]);
  });

  it('lists contract issues by path', () => {
    const issues = contractIssues(
      { from: 'not-a-uuid', to: [{ contact_id: 'nope' }], send_after: 'tomorrow' },
      'email',
    );
    expect(issues.map((i) => [i.path, i.source])).toEqual([
      ['from', 'contract'],
      ['to.0.contact_id', 'contract'],
      ['send_after', 'contract'],
    ]);
  });

  it('finds in each recipient list, checked on its own and kept, what the whole body check finds', () => {
    const recipient = fc.record(
      {
        handle: fc.oneof(fc.string(), fc.integer()),
        contact_id: fc.oneof(fc.uuid(), fc.string()),
        country_codes: fc.oneof(fc.array(fc.string()), fc.string()),
      },
      { requiredKeys: [] },
    );
    const body = fc.record(
      {
        from: fc.oneof(fc.constant(FROM), fc.string()),
        to: fc.oneof(fc.array(recipient, { maxLength: 4 }), fc.constant(null), fc.string()),
        cc: fc.array(recipient, { maxLength: 3 }),
        bcc: fc.array(recipient, { maxLength: 3 }),
        subject: fc.oneof(fc.string(), fc.integer()),
        send_after: fc.oneof(fc.constant('2026-03-01T09:00+01:00'), fc.string()),
      },
      { requiredKeys: ['from'] },
    );
    fc.assert(
      fc.property(body, (request) => {
        const whole = SendMessageRequestSchema.safeParse(request);
        const expected = whole.success
          ? []
          : whole.error.issues.map((i) => [i.path.map(String).join('.'), i.message]);
        const once = contractIssues(request as SendMessageRequest, 'email');
        const again = contractIssues(request as SendMessageRequest, 'email');
        const contract = (issues: typeof once) =>
          issues.filter((i) => i.source === 'contract').map((i) => [i.path, i.message]);
        expect(contract(once)).toEqual(expected);
        expect(contract(again)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('adds the channel rules the body cannot express', () => {
    const issues = contractIssues(
      {
        from: FROM,
        to: [{ handle: 'x', contact_id: CONTACT }],
        subject: 'Betreff',
        cc: [{ handle: 'y' }],
      },
      'postal',
    );
    expect(issues).toEqual([
      {
        path: 'to.0.handle',
        message: 'A postal recipient must not carry a handle; the contact’s address is used',
        source: 'channel',
      },
      { path: 'cc', message: 'Postal letter messages have no cc', source: 'channel' },
      { path: 'subject', message: 'Postal letter messages have no subject', source: 'channel' },
    ]);
  });
});

describe('orderHeaders', () => {
  it('puts rate-limit headers first, then the rest by name', () => {
    expect(
      orderHeaders({
        'content-type': 'application/json',
        'RateLimit-Remaining': '1',
        'retry-after': '2',
        'ratelimit-limit': '2',
        date: 'x',
      }).map(([name]) => name),
    ).toEqual(['ratelimit-limit', 'RateLimit-Remaining', 'retry-after', 'content-type', 'date']);
  });
});
