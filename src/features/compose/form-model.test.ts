import { beforeAll, describe, expect, it } from 'vitest';
import { SendMessageRequestSchema } from '../../../schemas/send-message';
import { validateCompose } from './form-check';
import { emptyCompose, toSendMessageRequest } from './form-model';
import { makeChip } from './recipients';
import { loadPhone } from '../../lib/phone-loader';
import { testChannel } from './test-channel';

// The page loads the phone module on demand (phone-loader.ts); these checks run once it is there.
beforeAll(async () => {
  await loadPhone();
});

const channel = testChannel;

describe('toSendMessageRequest', () => {
  it('drops what the channel does not support instead of sending it', () => {
    const values = {
      ...emptyCompose('DE'),
      to: [makeChip('0151 23456789', 'phone', 'DE')],
      cc: [makeChip('cc@example.de', 'email', 'DE')],
      subject: 'Betreff',
      html: '<p>Hallo</p>',
      text: 'Hallo',
      attachments: [{ url: 'https://example.de/a.pdf', name: 'a.pdf' }],
    };
    const request = toSendMessageRequest(values, channel('sms'));
    expect(request).toEqual({
      id: values.id,
      from: 'c0000000-0000-4000-8000-000000000001',
      to: [{ handle: '+4915123456789', country_codes: ['DE'] }],
      text: 'Hallo',
    });
    expect(SendMessageRequestSchema.safeParse(request).success).toBe(true);
  });

  it('sends email with cc, bcc, subject, html and text', () => {
    const values = {
      ...emptyCompose('DE'),
      to: [makeChip('anna@example.de', 'email', 'DE', 'Anna')],
      cc: [makeChip('cc@example.de', 'email', 'DE')],
      bcc: [makeChip('bcc@example.de', 'email', 'DE')],
      subject: ' Angebot ',
      html: '<p><strong>Hallo</strong></p>',
      text: 'Hallo',
    };
    expect(toSendMessageRequest(values, channel('email'))).toMatchObject({
      to: [{ handle: 'anna@example.de', full_name: 'Anna' }],
      cc: [{ handle: 'cc@example.de' }],
      bcc: [{ handle: 'bcc@example.de' }],
      subject: 'Angebot',
      html: '<p><strong>Hallo</strong></p>',
      text: 'Hallo',
    });
  });

  it('addresses letters by contact only', () => {
    const values = {
      ...emptyCompose('DE'),
      to: [
        {
          key: 'contact:x',
          input: 'Gisela',
          name: 'Gisela',
          contactId: 'd0000000-0000-4000-8000-000000000006',
          handle: 'x',
        },
      ],
      html: '<p>Brief</p>',
    };
    expect(toSendMessageRequest(values, channel('postal')).to).toEqual([
      { contact_id: 'd0000000-0000-4000-8000-000000000006', full_name: 'Gisela' },
    ]);
  });
});

describe('validateCompose', () => {
  it('puts each problem at its field', () => {
    const errors = validateCompose(
      {
        ...emptyCompose('DE'),
        to: [makeChip('nope', 'email', 'DE')],
        attachments: [{ url: 'http://x.de/a', name: 'a' }],
      },
      channel('email'),
    );
    expect(errors).toEqual({
      to: '“nope”: Missing @',
      subject: 'Add a subject',
      html: 'Write the message',
      attachments: '“http://x.de/a” must start with https://',
    });
  });

  it("applies each channel's text limit", () => {
    const base = { ...emptyCompose('DE'), to: [makeChip('+4915123456789', 'phone', 'DE')] };
    expect(validateCompose({ ...base, text: 'a'.repeat(4096) }, channel('whatsapp'))).toEqual({});
    expect(validateCompose({ ...base, text: 'a'.repeat(4097) }, channel('whatsapp')).text).toMatch(
      /1 character over the 4096/,
    );
    expect(validateCompose({ ...base, text: 'a'.repeat(1001) }, channel('instagram')).text).toMatch(
      /over the 1000/,
    );
  });

  it('asks for a channel first', () => {
    expect(validateCompose(emptyCompose('DE'), undefined)).toEqual({
      channelId: 'Pick the channel to send from',
    });
  });
});
