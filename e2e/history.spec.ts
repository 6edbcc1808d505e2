import type { Page } from '@playwright/test';
import { SEED } from '../server/sandbox/seed';
import { expect, sandboxGet, test } from './fixtures';

const exact = { exact: true } as const;
// A German browser whose user chose English in the header.
test.use({ timezoneId: 'Europe/Berlin', locale: 'de-DE', language: 'en' });

function historyList(page: Page) {
  return page.getByRole('list', { name: 'Sent and scheduled messages' });
}

function historyRow(page: Page, text: string) {
  return historyList(page).getByRole('listitem').filter({ hasText: text });
}

/** Composes on a channel and sends; returns the message id the request carried. */
async function send(
  page: Page,
  {
    channel,
    to,
    text,
    later = false,
  }: { channel: string; to: string; text: string; later?: boolean },
) {
  await page.getByLabel('From').selectOption(channel);
  const recipient = page.getByRole('combobox', { name: 'To', ...exact });
  await recipient.fill(to);
  await recipient.press('Enter');
  await page.getByRole('textbox', { name: 'Message', ...exact }).fill(text);
  if (later) {
    await page.getByLabel('Send later').check();
    await page.getByRole('button', { name: 'In one hour', ...exact }).click();
  }
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/send_message'));
  await page.getByRole('button', { name: 'Send', ...exact }).click();
  const response = await answer;
  expect(response.status()).toBe(200);
  const request = response.request().postDataJSON() as { id: string };
  await expect(historyRow(page, text)).toBeVisible();
  return request.id;
}

test('the history keeps sent messages across a reload, with their status and full result', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: 'History' })).toBeVisible();
  const id = await send(page, {
    channel: SEED.channels.whatsapp,
    to: '+49 151 23456781',
    text: 'Ihr Fahrzeug ist abholbereit.',
  });
  const row = historyRow(page, 'Ihr Fahrzeug ist abholbereit.');
  await expect(row).toContainText('+4915123456781');
  // The sandbox delivers within a second; the next status poll (every 5 s) shows it.
  await expect(row.getByText('sent', exact)).toBeVisible({ timeout: 15_000 });

  await page.reload();
  const again = historyRow(page, 'Ihr Fahrzeug ist abholbereit.');
  await expect(again).toBeVisible();
  await expect(again.getByText('sent', exact)).toBeVisible();
  // When it was sent, in the reader's words, marked up as a time a machine can read too.
  const sentAt = again.locator('time');
  await expect(sentAt).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
  await expect(sentAt).toHaveText(/\d/);
  await expect(again).toContainText(`sent ${(await sentAt.textContent()) ?? '?'}`);

  await page.getByRole('button', { name: 'Open message to +4915123456781' }).click();
  const detail = page.getByRole('region', { name: 'Message to +4915123456781' });
  await expect(detail).toBeFocused();
  await expect(detail.getByRole('region', { name: /^Sent/ })).toContainText(id);
  await expect(detail.locator('pre')).toContainText(`"id": "${id}"`);
  await expect(detail.locator('pre')).toContainText('"text": "Ihr Fahrzeug ist abholbereit."');
  expect(consoleErrors).toEqual([]);
});

test('a scheduled message shows the time left and can be cancelled after confirming', async ({
  page,
}) => {
  await page.goto('/');
  const id = await send(page, {
    channel: SEED.channels.whatsapp,
    to: '+49 151 23456782',
    text: 'Erinnerung: Ihr Termin morgen.',
    later: true,
  });
  const row = historyRow(page, 'Erinnerung: Ihr Termin morgen.');
  await expect(row.getByText('scheduled', exact)).toBeVisible();
  await expect(row.getByText(/^sends in (59 min|1 h)$/)).toBeVisible();

  const cancel = page.getByRole('button', {
    name: 'Cancel scheduled message to +4915123456782',
  });
  // Escape closes the confirmation without cancelling.
  await cancel.click();
  const dialog = page.getByRole('dialog', { name: 'Cancel this scheduled message?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(row.getByText('scheduled', exact)).toBeVisible();
  expect(await sandboxGet<unknown[]>(`/message?id=eq.${id}&select=id`)).toHaveLength(1);

  await cancel.click();
  const deleted = page.waitForResponse(
    (r) => r.request().method() === 'DELETE' && r.url().includes('/api/message?id=eq.'),
  );
  await dialog.getByRole('button', { name: 'Cancel sending' }).click();
  expect((await deleted).status()).toBe(200);
  await expect(dialog).toBeHidden();
  await expect(row.getByText('cancelled', exact)).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'Cancelled: the message to +4915123456782' }),
  ).toBeVisible();
  await expect(cancel).toHaveCount(0);
  expect(await sandboxGet<unknown[]>(`/message?id=eq.${id}&select=id`)).toEqual([]);

  // Cancelled stays cancelled (the upstream has nothing left to say about it).
  await page.reload();
  const cancelled = historyRow(page, 'Erinnerung: Ihr Termin morgen.');
  await expect(cancelled.getByText('cancelled', exact)).toBeVisible();
  const dueAt = cancelled.locator('time');
  await expect(dueAt).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
  await expect(dueAt).toHaveText(/\d/);
  await expect(cancelled).toContainText(`was due ${(await dueAt.textContent()) ?? '?'}`);
});

test('the status and channel filters narrow the list', async ({ page }) => {
  const statusReads: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'GET' && r.url().includes('/api/message?')) statusReads.push(r.url());
  });
  await page.goto('/');
  await send(page, {
    channel: SEED.channels.whatsapp,
    to: '+49 151 23456783',
    text: 'WhatsApp gleich.',
  });
  const scheduledId = await send(page, {
    channel: SEED.channels.whatsapp,
    to: '+49 151 23456784',
    text: 'WhatsApp später.',
    later: true,
  });
  const smsId = await send(page, {
    channel: SEED.channels.sms,
    to: '+49 151 23456785',
    text: 'SMS gleich.',
  });
  // Statuses still open are read together, in one request.
  await expect
    .poll(() =>
      statusReads.some(
        (url) =>
          /id=in\.\(/.test(decodeURIComponent(url)) &&
          url.includes(scheduledId) &&
          url.includes(smsId),
      ),
    )
    .toBe(true);
  const rows = historyList(page).getByRole('listitem');
  await expect(rows).toHaveCount(3);
  // Newest first.
  await expect(rows.first()).toContainText('SMS gleich.');

  await page.getByLabel('Channel filter').selectOption('sms');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('SMS gleich.');

  await page.getByLabel('Channel filter').selectOption('');
  await page.getByLabel('Status filter').selectOption('scheduled');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('WhatsApp später.');

  await page.getByLabel('Channel filter').selectOption('sms');
  await expect(rows).toHaveCount(0);
  await expect(page.getByText('No messages match these filters.')).toBeVisible();

  await page.getByLabel('Status filter').selectOption('');
  await page.getByLabel('Channel filter').selectOption('');
  await expect(rows).toHaveCount(3);
});
