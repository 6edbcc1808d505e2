import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SendMessageResponseSchema, type SendMessageResponse } from '../../schemas/send-message';
import { SEED } from './seed';
import { useTestSandbox } from './test-client';

// The sandbox's clock; tests move it forward to make scheduled messages due.
let clock = new Date();
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

const sandbox = useTestSandbox({ now: () => clock });
const { api } = sandbox;

/** Sends and expects a 200 that validates against the contract. */
async function sent(body: Record<string, unknown>): Promise<SendMessageResponse> {
  const response = await api.send(body);
  const text = await response.text();
  expect(response.status, text).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/vnd.pgrst.object+json');
  return SendMessageResponseSchema.parse(JSON.parse(text));
}

/** Sends and expects a 400 (or `status`) whose message names `path`. */
async function refused(body: Record<string, unknown>, code: string, path: string, status = 400) {
  const response = await api.send(body);
  const answer = (await response.json()) as { code: string; message: string; statusCode: number };
  expect(response.status, answer.message).toBe(status);
  expect(answer).toMatchObject({ code, statusCode: status });
  expect(answer.message).toContain(path);
  return answer;
}

describe('send_message', () => {
  it('sends an email to, cc and bcc and stores every recipient', async () => {
    const answer = await sent({
      from: SEED.channels.email,
      to: [{ contact_id: SEED.contacts.withPhone }],
      cc: [{ handle: 'Buchhaltung@Example.com', full_name: 'Buchhaltung' }],
      bcc: [{ external_contact_id: 'CRM-20002' }],
      subject: 'Ihr Kostenvoranschlag',
      html: '<p>Guten Tag Frau Schmidt,</p><p>anbei der Kostenvoranschlag &amp; die Termine.</p>',
      text: 'Guten Tag Frau Schmidt, anbei der Kostenvoranschlag und die Termine.',
    });
    expect(answer.message).toMatchObject({
      status: 'sending',
      subject: 'Ihr Kostenvoranschlag',
      raw_content: 'Guten Tag Frau Schmidt, anbei der Kostenvoranschlag und die Termine.',
      is_inbound: false,
      author_type: 'employee',
      organisation_id: SEED.organisationId,
      content: { html: expect.stringContaining('<p>'), text: expect.any(String) },
    });
    expect(answer.conversation).toMatchObject({
      channel_id: SEED.channels.email,
      channel_type: 'email',
      status: 'open',
      contact_id: SEED.contacts.withPhone,
    });
    expect(answer.conversation.latest_message_id).toBe(answer.message.id);
    const byRole = Object.fromEntries(
      answer.recipients.map((recipient) => [recipient.role, recipient]),
    );
    expect(byRole.from).toMatchObject({
      handle: 'support@autohaus-mueller.de',
      is_organisation: true,
      status: 'sending',
    });
    expect(byRole.to).toMatchObject({
      handle: 'anna.schmidt@example.com',
      contact_id: SEED.contacts.withPhone,
      full_name: 'Anna Schmidt',
    });
    expect(byRole.cc).toMatchObject({
      handle: 'buchhaltung@example.com',
      full_name: 'Buchhaltung',
    });
    expect(byRole.bcc?.handle).toMatch(/@example\./);
    // The new cc address became a contact.
    const [contact] = await api.rows(`/contact?email=eq.buchhaltung@example.com`);
    expect(contact).toMatchObject({ id: byRole.cc?.contact_id, full_name: 'Buchhaltung' });
    const stored = await api.rows(`/recipient?message_id=eq.${answer.message.id}`);
    expect(stored).toHaveLength(4);
  });

  it('uses the html as raw_content and its text for the blurb when there is no text', async () => {
    const answer = await sent({
      from: SEED.channels.email,
      to: [{ contact_id: SEED.contacts.emailOnly }],
      html: `<p>Bonjour&nbsp;François,</p><p>${'Ihr Wagen ist bereit. '.repeat(10)}</p>`,
    });
    expect(answer.message.raw_content).toMatch(/^<p>Bonjour/);
    expect(answer.message.blurb).toMatch(/^Bonjour François, Ihr Wagen/);
    expect([...(answer.message.blurb ?? '')].length).toBeLessThanOrEqual(100);
  });

  it('sends an SMS to a new number, normalised to E.164 with the country hint', async () => {
    const answer = await sent({
      from: SEED.channels.sms,
      to: [{ handle: ['', '0664 1234567'], country_codes: ['AT'], full_name: 'Lena Österreicher' }],
      text: 'Ihr Termin ist bestätigt.',
    });
    const to = answer.recipients.find((recipient) => recipient.role === 'to');
    expect(to).toMatchObject({ handle: '+436641234567', full_name: 'Lena Österreicher' });
    expect(answer.recipients.find((recipient) => recipient.role === 'from')?.handle).toBe(
      '+4930901820',
    );
    await refused(
      { from: SEED.channels.sms, to: [{ handle: '12' }], text: 'Hallo' },
      'invalid_handle',
      'to[0].handle',
    );
    const bySecondaryId = await sent({
      from: SEED.channels.sms,
      to: [{ secondary_external_contact_id: SEED.externalIds.secondary }],
      text: 'Ihr Termin ist bestätigt.',
    });
    expect(bySecondaryId.recipients.find((recipient) => recipient.role === 'to')).toMatchObject({
      contact_id: SEED.contacts.withPhone,
      handle: '+4915123456701',
    });
  });

  it('sends WhatsApp with quick replies and a footer; the answer says subtype url, the row keeps null', async () => {
    const answer = await sent({
      from: SEED.channels.whatsapp,
      to: [{ contact_id: SEED.contacts.whatsappOnly }],
      text: 'Passt Ihnen der Termin am Dienstag um 9 Uhr?',
      footer: 'Autohaus Müller',
      actions: [
        { type: 'quick_reply', text: 'Ja, passt' },
        { type: 'quick_reply', text: 'Anderer Termin', data: 'reschedule' },
      ],
    });
    expect(answer.message.footer).toBe('Autohaus Müller');
    expect(answer.actions).toHaveLength(2);
    for (const action of answer.actions)
      expect(action).toMatchObject({ type: 'quick_reply', subtype: 'url', clicked: false });
    const stored = await api.rows<{ subtype: string | null }>(
      `/message_action?message_id=eq.${answer.message.id}`,
    );
    expect(stored.map((action) => action.subtype)).toEqual([null, null]);
  });

  it('reads a call-to-action button’s subtype from its data', async () => {
    const answer = await sent({
      from: SEED.channels.whatsapp,
      to: [{ contact_id: SEED.contacts.whatsappOnly }],
      text: 'Rufen Sie uns an.',
      actions: [{ type: 'call_to_action', text: 'Anrufen', data: '+4930901820' }],
    });
    expect(answer.actions[0]).toMatchObject({ subtype: 'phone_number', data: '+4930901820' });
  });

  it('enforces the shared channel rules and WhatsApp limits', async () => {
    const whatsapp = {
      from: SEED.channels.whatsapp,
      to: [{ contact_id: SEED.contacts.whatsappOnly }],
      text: 'Hallo',
    };
    await refused(
      {
        from: SEED.channels.sms,
        to: [{ contact_id: SEED.contacts.withPhone }],
        subject: 'Betreff',
        text: 'x',
      },
      'channel_rule',
      'subject',
    );
    await refused(
      {
        from: SEED.channels.sms,
        to: [{ contact_id: SEED.contacts.withPhone }],
        cc: [{ handle: '+4915100000000' }],
        text: 'x',
      },
      'channel_rule',
      'cc',
    );
    await refused({ ...whatsapp, footer: 'x'.repeat(61) }, 'footer_too_long', 'footer');
    await refused(
      {
        ...whatsapp,
        actions: ['Eins', 'Zwei', 'Drei', 'Vier'].map((text) => ({ type: 'quick_reply', text })),
      },
      'invalid_actions',
      'actions',
    );
    await refused(
      { ...whatsapp, actions: [{ type: 'quick_reply', text: 'Ein viel zu langer Titel' }] },
      'invalid_actions',
      'actions[0].text',
    );
    await refused(
      { ...whatsapp, text: 'x'.repeat(1025), actions: [{ type: 'quick_reply', text: 'Ok' }] },
      'text_too_long',
      'text',
    );
    await refused(
      {
        from: SEED.channels.email,
        to: [{ contact_id: SEED.contacts.withPhone }],
        text: 'x',
        actions: [{ type: 'quick_reply', text: 'Ok' }],
      },
      'channel_rule',
      'actions',
    );
  });

  it('sends a letter to a postal contact; the answer maps the postal conversation to email', async () => {
    const answer = await sent({
      from: SEED.channels.postal,
      to: [{ contact_id: SEED.contacts.postal }],
      html: '<p>Sehr geehrte Frau Straßer,</p><p>wir laden Sie herzlich ein.</p>',
    });
    expect(answer.recipients).toHaveLength(1);
    expect(answer.recipients[0]).toMatchObject({
      role: 'to',
      contact_id: SEED.contacts.postal,
      handle: 'Hauptstraße 12, Hinterhaus, 2. OG, 80331 München, DEUTSCHLAND',
    });
    expect(answer.conversation.channel_type).toBe('email');
    const [conversation] = await api.rows(`/conversation?id=eq.${answer.conversation.id}`);
    expect(conversation).toMatchObject({ channel_type: 'postal' });
    await refused(
      { from: SEED.channels.postal, to: [{ handle: 'Hauptstraße 1' }], text: 'x' },
      'channel_rule',
      'to[0]',
    );
    await refused(
      { from: SEED.channels.postal, to: [{ contact_id: SEED.contacts.whatsappOnly }], text: 'x' },
      'contact_has_no_address',
      'to[0].contact_id',
    );
  });

  it('fills template placeholders in order and stores the filled text', async () => {
    const answer = await sent({
      from: SEED.channels.whatsapp,
      to: [{ contact_id: SEED.contacts.withPhone }],
      template_id: SEED.templates.appointment,
      placeholder_values: ['Anna', 'Dienstag, 3. März, 9:00 Uhr'],
    });
    expect(answer.message.raw_content).toBe(
      'Hallo Anna, Ihr Termin ist am Dienstag, 3. März, 9:00 Uhr. Wir freuen uns auf Sie im Autohaus Müller!',
    );
    expect(answer.message.template_id).toBe(SEED.templates.appointment);
    const named = await sent({
      from: SEED.channels.email,
      to: [{ contact_id: SEED.contacts.withPhone }],
      template_id: SEED.templates.invoiceEmail,
      placeholder_values: ['Anna', 'RE-2026-0042'],
    });
    expect(named.message.raw_content).toMatch(
      /^Guten Tag Anna,\n\nanbei erhalten Sie Ihre Rechnung RE-2026-0042\./,
    );
    const none = await sent({
      from: SEED.channels.whatsapp,
      to: [{ contact_id: SEED.contacts.withPhone }],
      template_id: SEED.templates.openingHours,
    });
    expect(none.message.raw_content).toMatch(/^Unsere Öffnungszeiten/);
  });

  it('refuses a template with a missing placeholder value, naming it', async () => {
    const answer = await refused(
      {
        from: SEED.channels.whatsapp,
        to: [{ contact_id: SEED.contacts.withPhone }],
        template_id: SEED.templates.appointment,
        placeholder_values: ['Anna'],
      },
      'placeholder_missing',
      'placeholder_values[1]',
    );
    expect(answer.message).toContain('{{2}}');
    await refused(
      {
        from: SEED.channels.whatsapp,
        to: [{ contact_id: SEED.contacts.withPhone }],
        template_id: randomUUID(),
      },
      'template_not_found',
      'template_id',
    );
    await refused(
      {
        from: SEED.channels.sms,
        to: [{ contact_id: SEED.contacts.withPhone }],
        template_id: SEED.templates.appointment,
        placeholder_values: ['a', 'b'],
      },
      'template_channel_mismatch',
      'template_id',
    );
  });

  it('refuses bad requests with the field named', async () => {
    await refused(
      { from: 'not-a-uuid', to: [{ contact_id: SEED.contacts.withPhone }], text: 'x' },
      'invalid_request',
      'from',
    );
    await refused(
      { from: SEED.channels.sms, to: [{ contact_id: 'nope' }], text: 'x' },
      'invalid_request',
      'to[0].contact_id',
    );
    await refused(
      { from: randomUUID(), to: [{ contact_id: SEED.contacts.withPhone }], text: 'x' },
      'channel_not_found',
      'from',
    );
    const inactive = await refused(
      { from: SEED.inactiveChannelId, to: [{ handle: 'a@example.com' }], text: 'x' },
      'channel_inactive',
      'from',
    );
    expect(inactive.message).toContain('Werkstatt Müller (alt)');
    const review = await refused(
      { from: SEED.inReviewChannelId, to: [{ contact_id: SEED.contacts.withPhone }], text: 'x' },
      'channel_inactive',
      'from',
    );
    expect(review.message).toContain('in review');
    await refused({ from: SEED.channels.sms, text: 'x' }, 'recipient_missing', 'to');
    await refused({ from: SEED.channels.sms, to: [], text: 'x' }, 'recipient_missing', 'to');
    await refused(
      { from: SEED.channels.sms, to: [{ contact_id: randomUUID() }], text: 'x' },
      'contact_not_found',
      'to[0].contact_id',
    );
    await refused(
      { from: SEED.channels.whatsapp, to: [{ contact_id: SEED.contacts.emailOnly }], text: 'x' },
      'contact_has_no_handle',
      'to[0]',
    );
    await refused(
      { from: SEED.channels.sms, to: [{ full_name: 'Nur ein Name' }], text: 'x' },
      'recipient_unresolvable',
      'to[0]',
    );
    await refused(
      { from: SEED.channels.sms, to: [{ contact_id: SEED.contacts.withPhone }] },
      'empty_message',
      'text',
    );
    const malformed = await api.post('/send_message', '{"from":');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'PGRST102' });
  });

  it('replies in the conversation of reply_to_message_id and sets conversation_status', async () => {
    const answer = await sent({
      from: SEED.channels.whatsapp,
      to: [{ contact_id: SEED.contacts.withPhone }],
      reply_to_message_id: SEED.conversations.recent.inboundMessageId,
      conversation_status: 'closed',
      text: 'Ja, Ihr Wagen ist fertig. Bis 17 Uhr!',
    });
    expect(answer.conversation).toMatchObject({
      id: SEED.conversations.recent.id,
      status: 'closed',
      latest_inbound_message_id: SEED.conversations.recent.inboundMessageId,
    });
    expect(answer.message.reply_to_message_id).toBe(SEED.conversations.recent.inboundMessageId);
    const again = await sent({
      from: SEED.channels.whatsapp,
      conversation_id: SEED.conversations.recent.id,
      to: [{ contact_id: SEED.contacts.withPhone }],
      text: 'Noch etwas?',
    });
    expect(again.conversation).toMatchObject({ id: SEED.conversations.recent.id, status: 'open' });
    await refused(
      {
        from: SEED.channels.whatsapp,
        conversation_id: randomUUID(),
        to: [{ contact_id: SEED.contacts.withPhone }],
        text: 'x',
      },
      'conversation_not_found',
      'conversation_id',
    );
    await refused(
      {
        from: SEED.channels.sms,
        conversation_id: SEED.conversations.recent.id,
        to: [{ contact_id: SEED.contacts.withPhone }],
        text: 'x',
      },
      'conversation_mismatch',
      'conversation_id',
    );
  });

  it('answers 409 with code 23505 for a reused id and stores nothing new', async () => {
    const id = randomUUID();
    const first = await sent({
      id,
      from: SEED.channels.sms,
      to: [{ contact_id: SEED.contacts.withPhone }],
      text: 'Erster Versuch',
    });
    expect(first.message.id).toBe(id);
    const response = await api.send({
      id,
      from: SEED.channels.sms,
      to: [{ handle: '+4917612345678', full_name: 'Neu' }],
      text: 'Zweiter Versuch',
    });
    expect(response.status).toBe(409);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      code: '23505',
      message: 'duplicate key value violates unique constraint "message_pkey"',
      statusCode: 409,
    });
    expect(
      Object.keys(body).every((key) => ['code', 'message', 'hint', 'statusCode'].includes(key)),
    ).toBe(true);
    const messages = await api.rows<{ raw_content: string }>(`/message?id=eq.${id}`);
    expect(messages.map((message) => message.raw_content)).toEqual(['Erster Versuch']);
    expect(await api.rows(`/recipient?message_id=eq.${id}`)).toHaveLength(first.recipients.length);
    expect(await api.rows('/contact?sms=eq.%2B4917612345678')).toEqual([]);
  });

  it('accepts https attachments and refuses unknown media library paths', async () => {
    const answer = await sent({
      from: SEED.channels.email,
      to: [{ contact_id: SEED.contacts.withPhone }],
      text: 'Anbei die Unterlagen.',
      attachments: ['https://example.com/angebot.pdf'],
    });
    expect(answer.message.attachment_count).toBe(1);
    await refused(
      {
        from: SEED.channels.email,
        to: [{ contact_id: SEED.contacts.withPhone }],
        text: 'x',
        attachments: ['media_library://fehlt.pdf'],
      },
      'attachment_not_found',
      'attachments[0]',
    );
    await refused(
      {
        from: SEED.channels.email,
        to: [{ contact_id: SEED.contacts.withPhone }],
        text: 'x',
        attachments: ['ftp://example.com/a.pdf'],
      },
      'invalid_attachment',
      'attachments[0]',
    );
    await refused(
      {
        from: SEED.channels.sms,
        to: [{ contact_id: SEED.contacts.withPhone }],
        text: 'x',
        attachments: ['https://example.com/a.pdf'],
      },
      'attachments_not_supported',
      'attachments',
    );
  });
});

describe('scheduling and delivery', () => {
  it('turns sending into sent on the next scheduler pass', async () => {
    const answer = await sent({
      from: SEED.channels.sms,
      to: [{ contact_id: SEED.contacts.withPhone }],
      text: 'Sofort',
    });
    expect(answer.message.status).toBe('sending');
    expect(await sandbox.server.sandbox.runScheduler()).toBeGreaterThanOrEqual(1);
    const [message] = await api.rows<{ status: string; sent_at: string }>(
      `/message?id=eq.${answer.message.id}`,
    );
    expect(message).toMatchObject({ status: 'sent', sent_at: clock.toISOString() });
    const recipients = await api.rows<{ status: string }>(
      `/recipient?message_id=eq.${answer.message.id}`,
    );
    expect(recipients.map((recipient) => recipient.status)).toEqual(['sent', 'sent']);
    expect(await sandbox.server.sandbox.runScheduler()).toBe(0);
  });

  it('keeps a future send_after scheduled until its time has come', async () => {
    await sandbox.server.sandbox.runScheduler();
    const sendAfter = new Date(clock.getTime() + 2 * 3600_000);
    const answer = await sent({
      from: SEED.channels.whatsapp,
      to: [{ contact_id: SEED.contacts.withPhone }],
      text: 'Erinnerung: morgen Reifenwechsel.',
      send_after: sendAfter.toISOString().replace(/:\d\d\.\d+Z$/, '+00:00'),
    });
    expect(answer.message.status).toBe('scheduled');
    expect(answer.recipients.every((recipient) => recipient.status === 'scheduled')).toBe(true);
    expect(await sandbox.server.sandbox.runScheduler()).toBe(0);
    advance(2 * 3600_000 + 1000);
    expect(await sandbox.server.sandbox.runScheduler()).toBe(1);
    const [message] = await api.rows<{ status: string; sent_at: string }>(
      `/message?id=eq.${answer.message.id}`,
    );
    expect(message).toMatchObject({ status: 'sent', sent_at: clock.toISOString() });
  });

  it('sends a past send_after right away', async () => {
    const answer = await sent({
      from: SEED.channels.sms,
      to: [{ contact_id: SEED.contacts.withPhone }],
      text: 'x',
      send_after: '2020-01-01T00:00Z',
    });
    expect(answer.message.status).toBe('sending');
  });

  it('deletes a scheduled message with its recipients and answers the deleted row', async () => {
    const answer = await sent({
      from: SEED.channels.sms,
      to: [{ contact_id: SEED.contacts.withPhone }],
      text: 'Wird storniert',
      send_after: new Date(clock.getTime() + 86_400_000).toISOString(),
    });
    const response = await api.delete(`/message?id=eq.${answer.message.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const deleted = (await response.json()) as { id: string; status: string }[];
    expect(deleted).toEqual([
      expect.objectContaining({ id: answer.message.id, status: 'scheduled' }),
    ]);
    expect(await api.rows(`/message?id=eq.${answer.message.id}`)).toEqual([]);
    expect(await api.rows(`/recipient?message_id=eq.${answer.message.id}`)).toEqual([]);
    const [conversation] = await api.rows<{ latest_message_id: string | null }>(
      `/conversation?id=eq.${answer.conversation.id}`,
    );
    expect(conversation?.latest_message_id).toBeNull();
    expect(await (await api.delete(`/message?id=eq.${answer.message.id}`)).json()).toEqual([]);
    expect((await api.delete('/message')).status).toBe(400);
  });
});
