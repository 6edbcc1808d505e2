import type { Page } from '@playwright/test';
import { SEED } from '../server/sandbox/seed';
import { expect, pasteInto as paste, sandboxGet, test } from './fixtures';

const exact = { exact: true } as const;

/** Counts requests to the send endpoint, to prove that a refused form sends nothing. */
function countSends(page: Page) {
  const sends: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/send_message')) sends.push(request.postData() ?? '');
  });
  return sends;
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('a pasted list of 1,000 addresses becomes 1,000 chips, bad ones listed with reasons', async ({
  page,
}) => {
  await page.getByLabel('From').selectOption(SEED.channels.email);
  const lines = Array.from({ length: 1000 }, (_, i) =>
    i % 250 === 7
      ? `kaputt-${i}.example.de`
      : i % 3 === 0
        ? `"Kunde ${i}" <kunde${i}@example.de>`
        : `kunde${i}@example.de`,
  );
  await paste(page, 'To', lines.map((line, i) => `${line}${i % 2 ? ';' : '\n'}`).join(''));
  await expect(page.getByText(/^1,?000 recipients/)).toBeVisible();
  const invalid = page.getByRole('list', { name: 'Invalid To recipients' });
  await expect(invalid.getByRole('listitem')).toHaveCount(4);
  await expect(invalid).toContainText('kaputt-7.example.de: Missing @');
  // A bounded number of chips inline, the rest behind "+N more" in a virtualised list.
  await expect(
    page.getByRole('list', { name: 'To recipients', exact: true }).getByRole('listitem'),
  ).toHaveCount(40);
  await page.getByRole('button', { name: '+960 more' }).click();
  const all = page.getByRole('region', { name: 'All 1000 To recipients' });
  await expect(all).toBeVisible();
  expect(await all.getByRole('listitem').count()).toBeLessThan(60);
  await all.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await expect(all.getByText('kunde999@example.de')).toBeVisible();
});

test('bad input gives clear errors at the field, sends nothing and loses nothing', async ({
  page,
}) => {
  const sends = countSends(page);
  const send = page.getByRole('button', { name: 'Send', ...exact });

  await page.getByLabel('From').selectOption(SEED.channels.sms);
  const message = page.getByRole('textbox', { name: 'Message', ...exact });
  await message.fill('Bitte zurückrufen.');
  await send.click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Add at least one recipient' }),
  ).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'To', ...exact })).toBeFocused();

  const to = page.getByRole('combobox', { name: 'To', ...exact });
  await to.fill('0151 12');
  await to.press('Enter');
  await send.click();
  await expect(page.getByRole('combobox', { name: 'To', ...exact })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByText(/“0151 12”: Too short/).first()).toBeVisible();
  await page
    .getByRole('button', { name: /Remove 0151 12/ })
    .first()
    .click();
  await to.fill('+49 151 23456789');
  await to.press('Enter');

  await message.fill('x'.repeat(1601));
  await send.click();
  await expect(
    page.getByText(/Too long for SMS: 11 segments, 1 character over the 1600-character limit/),
  ).toBeVisible();
  await expect(message).toBeFocused();
  await expect(message).toHaveValue('x'.repeat(1601));

  await page.getByLabel('From').selectOption(SEED.channels.email);
  await to.fill('anna@@example');
  await to.press('Enter');
  await expect(page.getByRole('list', { name: 'Invalid To recipients' })).toContainText(
    'anna@@example',
  );

  await page.getByLabel('Attachment URL').fill('http://example.de/preise.pdf');
  await page.getByRole('button', { name: 'Add link', ...exact }).click();
  await expect(page.getByText('Use an https:// address')).toBeVisible();
  await expect(page.getByLabel('Attachment URL')).toHaveValue('http://example.de/preise.pdf');

  await page.getByLabel('From').selectOption(SEED.channels.postal);
  await to.fill('Gisela Straßer');
  await to.press('Enter');
  await expect(page.getByText(/Letters go to existing contacts/).first()).toBeVisible();
  await send.click();
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: /not valid/ })
      .first(),
  ).toBeVisible();

  expect(sends).toEqual([]);
});

test('the SMS counter shows encoding and segments as the user types', async ({ page }) => {
  await page.getByLabel('From').selectOption(SEED.channels.sms);
  const message = page.getByRole('textbox', { name: 'Message', ...exact });
  await message.fill('a'.repeat(160));
  await expect(page.getByTestId('sms-segments')).toHaveText('1 segment');
  await message.fill('a'.repeat(161));
  await expect(page.getByTestId('sms-segments')).toHaveText('2 segments');
  await message.fill(`${'a'.repeat(79)}€`);
  await expect(page.getByTestId('sms-encoding')).toHaveText('GSM-7');
  await message.fill(`${'a'.repeat(68)}😀`);
  await expect(page.getByTestId('sms-encoding')).toHaveText('UCS-2');
  await expect(page.getByTestId('sms-segments')).toHaveText('1 segment');
  await expect(page.getByText(/Unicode \(UCS-2\) because of: “😀”/)).toBeVisible();
  await message.fill(`${'a'.repeat(69)}😀`);
  await expect(page.getByTestId('sms-segments')).toHaveText('2 segments');
});

test('attachments by URL and by upload reach the sandbox and count in the result', async ({
  page,
}) => {
  await page.getByLabel('From').selectOption(SEED.channels.whatsapp);
  const to = page.getByRole('combobox', { name: 'To', ...exact });
  await to.fill('+49 151 23456789');
  await to.press('Enter');
  await page.getByRole('textbox', { name: 'Message', ...exact }).fill('Ihre Rechnung im Anhang.');
  await page.getByLabel('Attachment URL').fill('https://example.de/rechnung.pdf');
  await page.getByRole('button', { name: 'Add link', ...exact }).click();
  await page.getByLabel('Upload file').setInputFiles({
    name: 'Foto Schaden.png',
    mimeType: 'image/png',
    buffer: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
  });
  const attachments = page.getByRole('list', { name: 'Attachments' });
  await expect(attachments.getByRole('listitem')).toHaveCount(2);
  await expect(attachments).toContainText('Foto Schaden.png');
  await expect(attachments).toContainText('media library');
  // The chat preview shows both files, as the request carries them.
  const shown = page
    .getByRole('region', { name: 'Preview', ...exact })
    .getByRole('list', { name: 'Attached files', ...exact });
  await expect(shown.getByRole('listitem')).toHaveCount(2);
  await expect(shown.getByRole('listitem').first()).toHaveText('rechnung.pdf');

  const answer = page.waitForResponse((r) => r.url().endsWith('/api/send_message'));
  await page.getByRole('button', { name: 'Send', ...exact }).click();
  const request = (await answer).request().postDataJSON() as { id: string; attachments: string[] };
  expect(request.attachments[0]).toBe('https://example.de/rechnung.pdf');
  expect(request.attachments[1]).toMatch(
    /^media_library:\/\/composer\/[0-9a-f-]{36}\/Foto-Schaden\.png$/,
  );
  await expect(page.getByTestId('attachment-count')).toHaveText('2');
  const [stored] = await sandboxGet<{ attachment_count: number }[]>(`/message?id=eq.${request.id}`);
  expect(stored?.attachment_count).toBe(2);
});
