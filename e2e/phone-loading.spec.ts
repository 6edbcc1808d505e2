import type { Page } from '@playwright/test';
import { SEED } from '../server/sandbox/seed';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';

const exact = { exact: true } as const;
// A German browser whose user chose English in the header: numbers without a country code are
// German.
test.use({ timezoneId: 'Europe/Berlin', locale: 'de-DE', language: 'en' });

/** The chunk of the phone module (libphonenumber-js and its metadata), loaded on demand. */
const PHONE_CHUNK = /\/assets\/phone-[\w-]+\.js$/;

/**
 * Holds the phone module's chunk for 1.5 s and, beyond that, until `release()`, as a slow
 * network would; so the test decides when it arrives, after what it wants to do before.
 */
async function holdPhoneChunk(page: Page) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const requests: string[] = [];
  await page.route(PHONE_CHUNK, async (route) => {
    requests.push(route.request().url());
    await Promise.all([released, new Promise((resolve) => setTimeout(resolve, 1_500))]);
    await route.continue();
  });
  return { release, requests };
}

interface Watch {
  /** performance.now() when the composer's heading was first in the page. */
  heading?: number;
  /** Every recipient chip ever shown as not valid. */
  invalid: string[];
}

/** Records, from the first paint on, when the heading appeared and any chip shown invalid. */
async function watchPage(page: Page) {
  await page.addInitScript(() => {
    const watch: Watch = { invalid: [] };
    (window as unknown as { watch: Watch }).watch = watch;
    new MutationObserver(() => {
      if (watch.heading === undefined && document.getElementById('compose-heading'))
        watch.heading = performance.now();
      for (const chip of document.querySelectorAll('li')) {
        const text = chip.textContent ?? '';
        if (text.startsWith('Not valid: ') && !watch.invalid.includes(text))
          watch.invalid.push(text);
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}

test('a number typed right after picking SMS, before the phone checks arrived, becomes a valid E.164 chip and is never shown invalid', async ({
  page,
  consoleErrors,
}) => {
  await watchPage(page);
  const chunk = await holdPhoneChunk(page);
  await page.goto('/');
  await page.getByLabel('From').selectOption(SEED.channels.sms);

  // Without the phone module: the default country from the browser's language, and the list.
  const country = page.getByLabel('Default country for phone numbers');
  await expect(country).toHaveValue('DE');
  await expect(country.getByRole('option')).toHaveCount(245);
  await expect(country.getByRole('option', { name: 'AT (+43)' })).toHaveCount(1);

  const to = page.getByRole('combobox', { name: 'To', ...exact });
  await to.fill('0151 2345 6789');
  await to.press('Enter');
  // Kept as typed while it waits: neither valid nor invalid.
  const waiting = page.getByRole('listitem').filter({ hasText: '0151 2345 6789' });
  await expect(waiting).toHaveAttribute('aria-busy', 'true');
  await expect(waiting).toContainText('Being checked:');
  await expect(to).toHaveValue('');
  // The preview waits for the checks too, saying so.
  await expect(
    page
      .getByRole('region', { name: 'Preview', ...exact })
      .getByText('Loading the phone number checks…'),
  ).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  expect(chunk.requests).toHaveLength(1);

  chunk.release();
  const chips = page.getByRole('list', { name: 'To recipients', ...exact }).getByRole('listitem');
  await expect(chips).toHaveCount(1);
  await expect(chips).toContainText('+4915123456789');
  await expect(chips).not.toHaveAttribute('aria-busy');
  await expect(page.getByText('1 recipient · 1 added', exact)).toBeVisible();
  // The request the preview shows has the checked number too.
  const inspector = page.getByRole('group', { name: 'Request', ...exact });
  await inspector.getByText('Request', exact).click();
  await expect(inspector.getByLabel('Request body')).toContainText('"handle": "+4915123456789"');

  const seen = await page.evaluate(() => {
    const { watch } = window as unknown as { watch: Watch };
    const chunkEntry = performance
      .getEntriesByType('resource')
      .find((entry) => /\/assets\/phone-[\w-]+\.js$/.test(entry.name));
    return { ...watch, chunkStart: chunkEntry?.startTime };
  });
  expect(seen.invalid).toEqual([]);
  // The first load does not fetch the phone module: it is asked for after the first render.
  expect(seen.heading).toBeDefined();
  expect(seen.chunkStart).toBeDefined();
  expect(seen.chunkStart!).toBeGreaterThan(seen.heading!);
  expect(chunk.requests).toHaveLength(1);
  expect(consoleErrors).toEqual([]);
});

test('Send pressed before the phone checks arrived waits for them and sends the number in E.164', async ({
  page,
}) => {
  const chunk = await holdPhoneChunk(page);
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/send_message')) posts.push(request.url());
  });
  await page.goto('/');
  await page.getByLabel('From').selectOption(SEED.channels.sms);
  const to = page.getByRole('combobox', { name: 'To', ...exact });
  await to.fill('0151 2345 6789');
  await to.press('Enter');
  await page.getByRole('textbox', { name: 'Message', ...exact }).fill('Ihr Termin ist bestätigt.');
  const send = page.getByRole('button', { name: 'Send', ...exact });
  await send.click();
  await expect(page.getByText('Loading the phone number checks…').first()).toBeVisible();
  await expect(send).toBeDisabled();
  expect(posts).toEqual([]);

  const answer = page.waitForResponse((r) => r.url().endsWith('/api/send_message'));
  chunk.release();
  const response = await answer;
  expect(response.status()).toBe(200);
  const request = response.request().postDataJSON() as Record<string, unknown>;
  expect(request.to).toEqual([{ handle: '+4915123456789', country_codes: ['DE'] }]);
  expect(request.text).toBe('Ihr Termin ist bestätigt.');
  expect(posts).toHaveLength(1);
});

test('a restored WhatsApp draft with a call button is sent right away, its number in E.164', async ({
  context,
}) => {
  const first = await context.newPage();
  await first.goto('/');
  await first.getByLabel('From').selectOption(SEED.channels.whatsapp);
  const to = first.getByRole('combobox', { name: 'To', ...exact });
  await to.fill('0151 2345 6789');
  await to.press('Enter');
  await expect(first.getByRole('listitem').filter({ hasText: '+4915123456789' })).toBeVisible();
  await first.getByRole('textbox', { name: 'Message', ...exact }).fill('Rufen Sie uns an.');
  await first.getByRole('button', { name: 'Add call button', ...exact }).click();
  await first.getByLabel('Button 1 title').fill('Anrufen');
  await first.getByLabel('Button 1 phone number').fill('030 901820');
  await expect(first.getByText(/^Draft saved/)).toBeVisible();
  await first.waitForTimeout(800);
  await first.close();

  const page = await context.newPage();
  const chunk = await holdPhoneChunk(page);
  await page.goto('/');
  await expect(page.getByLabel('From')).toHaveValue(SEED.channels.whatsapp);
  await expect(page.getByRole('listitem').filter({ hasText: '+4915123456789' })).toBeVisible();
  // The button builder waits for the phone checks, saying so.
  await expect(
    page.getByRole('group', { name: 'Buttons' }).getByText('Loading the phone number checks…'),
  ).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/send_message'));
  await page.getByRole('button', { name: 'Send', ...exact }).click();
  chunk.release();
  const response = await answer;
  expect(response.status()).toBe(200);
  const request = response.request().postDataJSON() as Record<string, unknown>;
  expect(request.to).toEqual([{ handle: '+4915123456789', country_codes: ['DE'] }]);
  expect(request.actions).toEqual([
    { type: 'call_to_action', subtype: 'phone_number', text: 'Anrufen', data: '+4930901820' },
  ]);
});

test('a number saved in a draft before the phone checks arrived is checked when the draft comes back', async ({
  context,
}) => {
  const first = await context.newPage();
  // Never released: the page closes while the number still waits.
  await holdPhoneChunk(first);
  await first.goto('/');
  await first.getByLabel('From').selectOption(SEED.channels.sms);
  const to = first.getByRole('combobox', { name: 'To', ...exact });
  await to.fill('0151 2345 6789');
  await to.press('Enter');
  await expect(first.getByRole('listitem').filter({ hasText: '0151 2345 6789' })).toHaveAttribute(
    'aria-busy',
    'true',
  );
  await expect(first.getByText(/^Draft saved/)).toBeVisible();
  await first.waitForTimeout(800);
  await first.close();

  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByLabel('From')).toHaveValue(SEED.channels.sms);
  const chips = page.getByRole('list', { name: 'To recipients', ...exact }).getByRole('listitem');
  await expect(chips).toHaveCount(1);
  await expect(chips).toContainText('+4915123456789');
  await expect(chips).not.toHaveAttribute('aria-busy');
});
