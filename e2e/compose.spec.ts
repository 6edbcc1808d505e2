import type { Locator, Page } from '@playwright/test';
import { SEED } from '../server/sandbox/seed';
import { expect, pasteInto as paste, sandboxGet, searchAndPick, test } from './fixtures';

interface StoredMessage {
  id: string;
  status: string;
  subject: string | null;
  blurb: string | null;
  raw_content: string | null;
  content: { text?: string | null; html?: string | null } | null;
  attachment_count: number | null;
  conversation_id: string;
}
interface StoredRecipient {
  role: string;
  handle: string;
  contact_id: string | null;
  full_name: string | null;
  status: string;
}
interface StoredConversation {
  id: string;
  status: string;
  channel_type: string;
}

async function pickChannel(page: Page, channelId: string) {
  await page.getByLabel('From').selectOption(channelId);
}

/** Sends and returns the message id the result shows. */
async function sendAndReadResult(page: Page) {
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/send_message'));
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const response = await answer;
  expect(response.status()).toBe(200);
  const request = response.request().postDataJSON() as Record<string, unknown>;
  const result = page.getByRole('region', { name: /^(Sent|Scheduled)/ });
  await expect(result).toBeVisible();
  const id = request.id as string;
  await expect(result.getByText(id)).toBeVisible();
  return { id, request, result };
}

async function stored(id: string) {
  const [message] = await sandboxGet<StoredMessage[]>(`/message?id=eq.${id}`);
  const recipients = await sandboxGet<StoredRecipient[]>(
    `/recipient?message_id=eq.${id}&order=role.asc`,
  );
  return { message: message!, recipients: recipients.filter((r) => r.role !== 'from') };
}

/**
 * The result on screen shows what the sandbox stored: message, conversation, channel type,
 * preview text, attachments and every recipient with its role, name and handle. The screen
 * shows the answer, given when the message was stored as `sending`; the sandbox's delivery may
 * have moved it on to `sent` since.
 */
async function expectResultShowsStored(result: Locator, id: string, channelType: string) {
  const { message } = await stored(id);
  // Every recipient row, the sending channel's own `from` row included, as the result lists them.
  const recipients = await sandboxGet<StoredRecipient[]>(`/recipient?message_id=eq.${id}`);
  const [conversation] = await sandboxGet<StoredConversation[]>(
    `/conversation?id=eq.${message.conversation_id}`,
  );
  expect(conversation?.channel_type).toBe(channelType);
  await expect(result.getByTestId('channel-type')).toHaveText(channelType);
  await expect(result.getByText(message.conversation_id, { exact: true })).toBeVisible();
  await expect(result.getByTestId('conversation-status')).toHaveText(
    `status ${conversation!.status}`,
  );
  const shown = await result.getByTestId('message-status').textContent();
  expect(shown).toBe('sending');
  expect(['sending', 'sent']).toContain(message.status);
  await expect(result.getByTestId('message-blurb')).toHaveText(message.blurb ?? '—');
  await expect(result.getByTestId('attachment-count')).toHaveText(
    String(message.attachment_count ?? 0),
  );
  const rows = result.getByRole('row');
  // One header row, then one row per stored recipient.
  await expect(rows).toHaveCount(recipients.length + 1);
  for (const recipient of recipients) {
    const row = rows.filter({ hasText: recipient.handle });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell').first()).toHaveText(recipient.role);
    if (recipient.full_name) await expect(row).toContainText(recipient.full_name);
    expect(['sending', 'sent']).toContain(recipient.status);
  }
}

test.describe('composer core, one channel type at a time', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
  });

  test('email: typed, pasted and searched recipients, cc and bcc, subject, rich HTML with an edited plain text', async ({
    page,
  }) => {
    await pickChannel(page, SEED.channels.email);
    const to = page.getByRole('combobox', { name: 'To', exact: true });
    await to.fill('kunde@example.de');
    await to.press('Enter');
    await searchAndPick(page, 'Lefè', /Zoë Lefèvre/);
    await paste(
      page,
      'Cc',
      '"Weber, Max" <max.weber@example.de>; lisa@example.com\nlisa@example.com',
    );
    await expect(page.getByText('2 recipients · 2 added, 1 duplicate merged')).toBeVisible();
    const bcc = page.getByRole('combobox', { name: 'Bcc', exact: true });
    await bcc.fill('archiv@autohaus-mueller.de');
    await bcc.press('Tab');
    await page.getByLabel('Subject').fill('Ihr Angebot');

    const editor = page.getByRole('textbox', { name: 'Message', exact: true });
    await editor.click();
    await page.getByRole('button', { name: 'Bold', exact: true }).click();
    await page.keyboard.type('Guten Tag');
    await page.getByRole('button', { name: 'Bold', exact: true }).click();
    await page.keyboard.type(', hier ist das ');
    await page.keyboard.type('Angebot');
    await page.keyboard.press('Shift+Home');
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    await page.getByLabel('Link URL').fill('https://example.de/angebot');
    await page.getByRole('button', { name: 'Apply link', exact: true }).click();

    const plain = page.getByLabel('Plain text');
    // The plain text shows the link's address before it is edited, as the user sees it.
    await expect(plain).toHaveValue('Guten Tag, hier ist das Angebot (https://example.de/angebot)');
    await plain.fill('Guten Tag, hier ist das Angebot: https://example.de/angebot');
    await expect(
      page.getByRole('button', { name: 'Regenerate from HTML', exact: true }),
    ).toBeVisible();

    const { id, request, result } = await sendAndReadResult(page);
    expect(request.html).toMatch(/<strong>Guten Tag<\/strong>/);
    expect(request.html).toMatch(/<a [^>]*href="https:\/\/example.de\/angebot"[^>]*>/);
    expect(request.text).toBe('Guten Tag, hier ist das Angebot: https://example.de/angebot');
    expect(request.subject).toBe('Ihr Angebot');
    await expect(result.getByTestId('message-status')).toHaveText('sending');

    const { message, recipients } = await stored(id);
    expect(message.subject).toBe('Ihr Angebot');
    expect(message.content?.html).toBe(request.html);
    expect(message.content?.text).toBe(request.text);
    expect(recipients.map((r) => `${r.role} ${r.handle}`).sort()).toEqual([
      'bcc archiv@autohaus-mueller.de',
      'cc lisa@example.com',
      'cc max.weber@example.de',
      'to kunde@example.de',
      'to zoe.lefevre@example.org',
    ]);
    await expectResultShowsStored(result, id, 'email');
    // The form is ready for the next message: a new draft with a new id.
    await expect(page.getByRole('combobox', { name: 'To', exact: true })).toHaveValue('');
  });

  for (const type of ['sms', 'whatsapp'] as const) {
    test(`${type}: typed, searched and pasted numbers become E.164, the counter, the stored message on screen`, async ({
      page,
    }) => {
      await pickChannel(page, SEED.channels[type]);
      await expect(page.getByRole('combobox', { name: 'Cc', exact: true })).toHaveCount(0);
      await expect(page.getByLabel('Subject')).toHaveCount(0);
      await page.getByLabel('Default country for phone numbers').selectOption('DE');
      const to = page.getByRole('combobox', { name: 'To', exact: true });
      await to.fill('0151 2345 6789');
      await to.press('Enter');
      await expect(page.getByRole('listitem').filter({ hasText: '+4915123456789' })).toBeVisible();
      await searchAndPick(page, 'Müller-Lü', /Jürgen Müller-Lüdenscheidt/);
      await paste(page, 'To', '0176 1234 5678; +43 664 1234567\n0151 2345 6789');
      await expect(page.getByText('4 recipients · 2 added, 1 duplicate merged')).toBeVisible();
      await page
        .getByRole('textbox', { name: 'Message', exact: true })
        .fill('Ihr Fahrzeug ist fertig. Abholung bis 18 Uhr.');
      if (type === 'sms') {
        await expect(page.getByTestId('sms-encoding')).toHaveText('GSM-7');
        await expect(page.getByTestId('sms-segments')).toHaveText('1 segment');
      } else {
        await expect(page.getByText('45 / 4,096 characters')).toBeVisible();
      }
      const { id, request, result } = await sendAndReadResult(page);
      expect(request.to).toEqual([
        { handle: '+4915123456789', country_codes: ['DE'] },
        {
          contact_id: SEED.contacts.whatsappOnly,
          handle: '+4917098765432',
          full_name: 'Jürgen Müller-Lüdenscheidt',
          country_codes: ['DE'],
        },
        { handle: '+4917612345678', country_codes: ['DE'] },
        { handle: '+436641234567', country_codes: ['AT'] },
      ]);
      await expectResultShowsStored(result, id, type);
      const { message, recipients } = await stored(id);
      expect(message.raw_content).toBe('Ihr Fahrzeug ist fertig. Abholung bis 18 Uhr.');
      expect(recipients.map((r) => r.handle).sort()).toEqual([
        '+436641234567',
        '+4915123456789',
        '+4917098765432',
        '+4917612345678',
      ]);
      expect(recipients.find((r) => r.handle === '+4917098765432')?.contact_id).toBe(
        SEED.contacts.whatsappOnly,
      );
    });
  }

  for (const type of ['facebook', 'instagram'] as const) {
    test(`${type}: a contact picked by name, typed and pasted handles, the stored message on screen`, async ({
      page,
    }) => {
      await pickChannel(page, SEED.channels[type]);
      await searchAndPick(page, 'Anna Sch', /Anna Schmidt/);
      const to = page.getByRole('combobox', { name: 'To', exact: true });
      await to.fill(type === 'facebook' ? '9988776655' : 'neue.kundin');
      await to.press('Enter');
      const pasted =
        type === 'facebook' ? ['1122334455', '6677889900'] : ['kunde_eins', 'kunde.zwei'];
      await paste(page, 'To', pasted.join(', '));
      await expect(page.getByText('4 recipients · 2 added')).toBeVisible();
      await page
        .getByRole('textbox', { name: 'Message', exact: true })
        .fill('Danke für Ihre Nachricht!');
      const { id, result } = await sendAndReadResult(page);
      await expectResultShowsStored(result, id, type);
      const { message, recipients } = await stored(id);
      expect(message.raw_content).toBe('Danke für Ihre Nachricht!');
      expect(recipients.map((r) => r.handle).sort()).toEqual(
        (type === 'facebook'
          ? ['2735480012345671', '9988776655', ...pasted]
          : ['anna.schmidt.berlin', 'neue.kundin', ...pasted]
        ).sort(),
      );
    });
  }

  test('google business messaging: marked retired; typed, searched and pasted handles still send', async ({
    page,
  }) => {
    await pickChannel(page, SEED.channels.google_business_messaging);
    await expect(page.getByRole('note')).toContainText('Google shut down Business Messages');
    const to = page.getByRole('combobox', { name: 'To', exact: true });
    await to.fill('gbm-kunde-42');
    await to.press('Enter');
    await searchAndPick(page, 'gbm-000015', /gbm-000015/);
    await paste(page, 'To', 'gbm-kunde-43\ngbm-kunde-44');
    await expect(page.getByText('4 recipients · 2 added')).toBeVisible();
    await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Hallo!');
    const { id, result } = await sendAndReadResult(page);
    await expectResultShowsStored(result, id, 'google_business_messaging');
    const { message, recipients } = await stored(id);
    expect(message.raw_content).toBe('Hallo!');
    expect(recipients.map((r) => r.handle).sort()).toEqual([
      'gbm-000015',
      'gbm-kunde-42',
      'gbm-kunde-43',
      'gbm-kunde-44',
    ]);
    expect(recipients.find((r) => r.handle === 'gbm-000015')?.contact_id).toBe(
      'd0000000-0000-4000-8000-000000000115',
    );
  });

  test('postal: only contacts, by contact_id without a handle; the letter stored as shown', async ({
    page,
  }) => {
    await pickChannel(page, SEED.channels.postal);
    const to = page.getByRole('combobox', { name: 'To', exact: true });
    await to.fill('Gisela Straßer');
    await to.press(',');
    await expect(page.getByText(/Letters go to existing contacts/).first()).toBeVisible();
    await page.getByRole('button', { name: 'Remove Gisela Straßer', exact: true }).first().click();
    await searchAndPick(page, 'Straßer', /Gisela Straßer/);
    const editor = page.getByRole('textbox', { name: 'Message', exact: true });
    await editor.click();
    await page.keyboard.type('Sehr geehrte Frau Straßer, anbei Ihre Rechnung.');
    const { id, request, result } = await sendAndReadResult(page);
    expect(request.to).toEqual([{ contact_id: SEED.contacts.postal, full_name: 'Gisela Straßer' }]);
    expect(request.html).toContain('Sehr geehrte Frau Straßer, anbei Ihre Rechnung.');
    await expectResultShowsStored(result, id, 'postal');
    const { message, recipients } = await stored(id);
    expect(message.content?.html).toBe(request.html);
    expect(recipients.map((r) => r.contact_id)).toEqual([SEED.contacts.postal]);
  });
});

test.describe('channel picker', () => {
  test('lists unavailable channels disabled with the reason', async ({ page }) => {
    await page.goto('/');
    const picker = page.getByLabel('From');
    await expect(picker.locator(`option[value="${SEED.inactiveChannelId}"]`)).toBeDisabled();
    await expect(picker.locator(`option[value="${SEED.inactiveChannelId}"]`)).toContainText(
      'unavailable: inactive',
    );
    await expect(picker.locator(`option[value="${SEED.inReviewChannelId}"]`)).toContainText(
      'in review',
    );
    await expect(
      picker.locator(`option[value="${SEED.channels.google_business_messaging}"]`),
    ).toContainText('retired by Google');
  });
});
