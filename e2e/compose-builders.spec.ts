import type { Page } from '@playwright/test';
import { SEED } from '../server/sandbox/seed';
import { zonedToInstant } from '../src/lib/zoned-time';
import { expect, sandboxGet, test } from './fixtures';

const exact = { exact: true } as const;
// A German agent: phone numbers without a country code are German, times are Berlin's.
// A German browser whose user chose English in the header.
test.use({ timezoneId: 'Europe/Berlin', locale: 'de-DE', language: 'en' });

async function whatsappTo(page: Page, number = '+49 151 23456789') {
  await page.goto('/');
  await page.getByLabel('From').selectOption(SEED.channels.whatsapp);
  const to = page.getByRole('combobox', { name: 'To', ...exact });
  await to.fill(number);
  await to.press('Enter');
}

async function send(page: Page) {
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/send_message'));
  await page.getByRole('button', { name: 'Send', ...exact }).click();
  const response = await answer;
  const body = (await response.json()) as {
    message: { id: string; status: string; raw_content: string | null };
  };
  return {
    status: response.status(),
    request: response.request().postDataJSON() as Record<string, unknown>,
    body,
  };
}

test('WhatsApp with three quick replies and a footer; a fourth is refused naming the limit', async ({
  page,
}) => {
  await whatsappTo(page);
  await page.getByRole('textbox', { name: 'Message', ...exact }).fill('Passt Ihnen der Termin?');
  for (const [i, title] of ['Ja', 'Nein', 'Anderer Termin'].entries()) {
    await page.getByRole('button', { name: 'Add quick reply', ...exact }).click();
    await page.getByLabel(`Button ${i + 1} title`).fill(title);
  }
  const addQuickReply = page.getByRole('button', { name: 'Add quick reply', ...exact });
  await expect(addQuickReply).toBeDisabled();
  await expect(page.getByText('WhatsApp allows at most 3 quick replies')).toBeVisible();
  await expect(page.getByText(/^23 \/ 1[.,]024 characters \(with buttons\)$/)).toBeVisible();

  // Reorder by keyboard: move the third button up.
  await page.getByRole('button', { name: 'Move button 3 up' }).focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Footer').fill('Autohaus Müller · Mo–Fr 8–18 Uhr');

  const { status, request, body } = await send(page);
  expect(status).toBe(200);
  expect(request.actions).toEqual([
    { type: 'quick_reply', text: 'Ja' },
    { type: 'quick_reply', text: 'Anderer Termin' },
    { type: 'quick_reply', text: 'Nein' },
  ]);
  expect(request.footer).toBe('Autohaus Müller · Mo–Fr 8–18 Uhr');
  const actions = await sandboxGet<{ text: string; type: string }[]>(
    `/message_action?message_id=eq.${body.message.id}&select=text,type`,
  );
  expect(actions.map((a) => a.text).sort()).toEqual(['Anderer Termin', 'Ja', 'Nein']);
});

test('a quick-reply title over 20 characters is named at the button', async ({ page }) => {
  await whatsappTo(page);
  await page.getByRole('textbox', { name: 'Message', ...exact }).fill('Frage');
  await page.getByRole('button', { name: 'Add quick reply', ...exact }).click();
  await page.getByLabel('Button 1 title').fill('Das ist viel zu lang für WhatsApp');
  await expect(
    page.getByText('Titles can have at most 20 characters on WhatsApp (this one has 33)'),
  ).toBeVisible();
  let sent = 0;
  page.on('request', (r) => r.url().endsWith('/api/send_message') && sent++);
  await page.getByRole('button', { name: 'Send', ...exact }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Button 1: Titles can have at most 20 characters' }),
  ).toBeVisible();
  expect(sent).toBe(0);
});

test('call-to-action: the link must be https, a phone number becomes E.164', async ({ page }) => {
  await whatsappTo(page);
  await page.getByRole('textbox', { name: 'Message', ...exact }).fill('Rufen Sie uns an.');
  await page.getByRole('button', { name: 'Add link button', ...exact }).click();
  await page.getByLabel('Button 1 title').fill('Termin buchen');
  await page.getByLabel('Button 1 link (https://…)').fill('http://autohaus-mueller.de/termin');
  await expect(page.getByText('The link must start with https://')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add call button', ...exact })).toBeDisabled();
  await page.getByRole('button', { name: 'Remove button 1' }).click();

  await page.getByRole('button', { name: 'Add call button', ...exact }).click();
  await page.getByLabel('Button 1 title').fill('Anrufen');
  await page.getByLabel('Button 1 phone number').fill('030 901820');
  const { status, request } = await send(page);
  expect(status).toBe(200);
  expect(request.actions).toEqual([
    { type: 'call_to_action', subtype: 'phone_number', text: 'Anrufen', data: '+4930901820' },
  ]);
});

test('a list with rows', async ({ page }) => {
  await whatsappTo(page);
  await page.getByRole('textbox', { name: 'Message', ...exact }).fill('Welche Leistung?');
  for (const [i, [title, description]] of [
    ['Inspektion', 'Jährlicher Service'],
    ['Reifenwechsel', ''],
  ].entries()) {
    await page.getByRole('button', { name: 'Add list row', ...exact }).click();
    await page.getByLabel(`Button ${i + 1} title`).fill(title!);
    if (description)
      await page.getByLabel(`Button ${i + 1} description (optional)`).fill(description);
  }
  const { status, request } = await send(page);
  expect(status).toBe(200);
  expect(request.actions).toEqual([
    { type: 'list', text: 'Inspektion', data: 'Jährlicher Service' },
    { type: 'list', text: 'Reifenwechsel' },
  ]);
});

test('a template with two placeholders: blocked until both are filled, values in order', async ({
  page,
}) => {
  await whatsappTo(page);
  await page
    .getByRole('combobox', { name: 'Template', ...exact })
    .selectOption(SEED.templates.appointment);
  await expect(page.getByLabel('Template text')).toContainText('{{1}}');
  let sent = 0;
  page.on('request', (r) => r.url().endsWith('/api/send_message') && sent++);
  await page.getByRole('button', { name: 'Send', ...exact }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Fill in every placeholder; missing: {{1}}, {{2}}' }),
  ).toBeVisible();
  await page.getByLabel('Placeholder {{1}}').fill('Frau Schmidt');
  await page.getByRole('button', { name: 'Send', ...exact }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'missing: {{2}}' })).toBeVisible();
  expect(sent).toBe(0);
  await page.getByLabel('Placeholder {{2}}').fill('Dienstag, 1. Dezember, 10:00 Uhr');
  await expect(page.getByLabel('Template text')).toContainText('Frau Schmidt');

  const { status, request, body } = await send(page);
  expect(status).toBe(200);
  expect(request.template_id).toBe(SEED.templates.appointment);
  expect(request.placeholder_values).toEqual(['Frau Schmidt', 'Dienstag, 1. Dezember, 10:00 Uhr']);
  const [stored] = await sandboxGet<{ raw_content: string }[]>(
    `/message?id=eq.${body.message.id}&select=raw_content`,
  );
  expect(stored?.raw_content).toContain('Frau Schmidt');
  expect(stored?.raw_content).toContain('Dienstag, 1. Dezember, 10:00 Uhr');
  expect(stored?.raw_content).not.toContain('{{');
});

test('scheduling tomorrow 09:00 Europe/Berlin writes that instant with its offset; a past time is refused', async ({
  page,
}) => {
  await whatsappTo(page);
  await page
    .getByRole('textbox', { name: 'Message', ...exact })
    .fill('Erinnerung an Ihren Termin.');
  await page.getByLabel('Send later').check();
  await page.getByLabel('Time zone').selectOption('Europe/Berlin');

  await page.getByLabel('Date').fill('2020-01-01');
  await page.getByLabel('Time', exact).fill('09:00');
  await page.getByRole('button', { name: 'Send', ...exact }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'The time to send must lie in the future' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Tomorrow 09:00' }).click();
  const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
    new Date(Date.now() + 24 * 3600_000),
  );
  const expected = zonedToInstant(tomorrow, '09:00', 'Europe/Berlin')!;
  expect(expected.offset === '+01:00' || expected.offset === '+02:00').toBe(true);
  await expect(page.getByTestId('schedule-summary')).toContainText(expected.iso);
  await expect(page.getByTestId('schedule-summary')).toContainText('For recipients in DE: ');

  const { status, request, body } = await send(page);
  expect(status).toBe(200);
  expect(request.send_after).toBe(expected.iso);
  expect(body.message.status).toBe('scheduled');
  await expect(page.getByTestId('message-status')).toHaveText('scheduled');
});

test('a reply sets reply_to_message_id and the chosen conversation status in the sandbox', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('From').selectOption(SEED.channels.whatsapp);
  await page.getByRole('combobox', { name: 'To', ...exact }).fill('+49 151 23456701');
  await page.getByRole('combobox', { name: 'To', ...exact }).press('Enter');
  await page.getByLabel('Reply to message id').fill(SEED.conversations.recent.inboundMessageId);
  await expect(page.getByTestId('reply-context')).toContainText('Replying to');
  await expect(page.getByTestId('reply-context')).toContainText('whatsapp');
  await page.getByLabel('Conversation status after sending').selectOption('closed');
  await page.getByRole('textbox', { name: 'Message', ...exact }).fill('Gern geschehen!');
  const { status, request, body } = await send(page);
  expect(status).toBe(200);
  expect(request.reply_to_message_id).toBe(SEED.conversations.recent.inboundMessageId);
  expect(request.conversation_status).toBe('closed');
  const [message] = await sandboxGet<{ conversation_id: string; reply_to_message_id: string }[]>(
    `/message?id=eq.${body.message.id}&select=conversation_id,reply_to_message_id`,
  );
  expect(message).toEqual({
    conversation_id: SEED.conversations.recent.id,
    reply_to_message_id: SEED.conversations.recent.inboundMessageId,
  });
  const [conversation] = await sandboxGet<{ status: string }[]>(
    `/conversation?id=eq.${SEED.conversations.recent.id}&select=status`,
  );
  expect(conversation?.status).toBe('closed');
});

test('WhatsApp warns when a scheduled reply falls outside the 24-hour window without a template', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('From').selectOption(SEED.channels.whatsapp);
  await page.getByLabel('Reply to message id').fill(SEED.conversations.old.inboundMessageId);
  await expect(page.getByTestId('reply-context')).toBeVisible();
  await page.getByLabel('Send later').check();
  await page.getByRole('button', { name: 'Tomorrow 09:00' }).click();
  await expect(
    page.getByRole('note').filter({ hasText: "WhatsApp's 24-hour window" }),
  ).toBeVisible();
  await page
    .getByRole('combobox', { name: 'Template', ...exact })
    .selectOption(SEED.templates.openingHours);
  await expect(page.getByRole('note').filter({ hasText: "WhatsApp's 24-hour window" })).toHaveCount(
    0,
  );
});
