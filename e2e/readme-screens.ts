import type { Browser, Page } from '@playwright/test';
import { SEED } from '../server/sandbox/seed';

/**
 * The scenes the README shows, driven through the real app: a WhatsApp message with buttons
 * (light and dark), an email preview, and the history with a scheduled message. Used by
 * `npm run screenshots` (which writes them to docs/screenshots) and by the test that checks the
 * committed pictures still match what the app shows.
 */

export const SCREENS = ['composer-whatsapp', 'composer-dark', 'email-preview', 'history'] as const;
export type Screen = (typeof SCREENS)[number];

/** What each picture shows, as the accessibility tree: the check compares these. */
export type ScreenOutlines = Record<Screen, string>;

const exact = { exact: true } as const;
const CONTEXT = {
  // An English-speaking agent in Germany.
  locale: 'en-DE',
  timezoneId: 'Europe/Berlin',
  viewport: { width: 1280, height: 900 },
  deviceScaleFactor: 1,
};

/** Numbers, times and ids change from run to run; what the picture shows does not. */
export function normalizeOutline(outline: string): string {
  return (
    outline
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
      .replace(/sends in [^\n"]*/g, 'sends in <time>')
      .replace(/\d+/g, '#')
      // A closed list shows its chosen option only.
      .split('\n')
      .filter((line) => !/^\s*- option "[^"]*"$/.test(line))
      .join('\n')
  );
}

async function whatsappWithButtons(page: Page, { open = true } = {}) {
  if (open) await page.goto('/');
  await page.getByLabel('From', exact).selectOption(SEED.channels.whatsapp);
  const to = page.getByRole('combobox', { name: 'To', ...exact });
  await to.fill('+49 151 23456789');
  await to.press('Enter');
  await page
    .getByRole('textbox', { name: 'Message', ...exact })
    .fill('Guten Tag Frau Schmidt, Ihr Fahrzeug ist *abholbereit*. Wann passt es Ihnen?');
  for (const [i, title] of ['Heute', 'Morgen', 'Bitte anrufen'].entries()) {
    await page.getByRole('button', { name: 'Add quick reply', ...exact }).click();
    await page.getByLabel(`Button ${i + 1} title`, exact).fill(title);
  }
  await page.getByLabel('Footer', exact).fill('Autohaus Müller · Mo–Fr 8–18 Uhr');
  const preview = page.getByRole('region', { name: 'Preview', ...exact });
  await preview.getByRole('button', { name: 'Bitte anrufen', ...exact }).waitFor();
  // The draft is saved half a second after the last key; the picture shows it saved, named
  // after its recipient and text (an earlier save may have said "Draft saved" already).
  await page
    .getByRole('status')
    .filter({ hasText: /^Draft saved/ })
    .waitFor();
  await page
    .getByLabel('Draft', exact)
    .locator('option:checked', { hasText: '+4915123456789 · Guten Tag Frau Schmidt' })
    .waitFor({ state: 'attached' });
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function outlineOf(page: Page, name: string) {
  return normalizeOutline(await page.getByRole('region', { name, ...exact }).ariaSnapshot());
}

/** Drives the app at `baseURL` and writes one PNG per screen into `dir`; returns the outlines. */
export async function captureScreens(
  browser: Browser,
  baseURL: string,
  dir: string,
): Promise<ScreenOutlines> {
  const outlines = {} as ScreenOutlines;

  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ ...CONTEXT, baseURL, colorScheme });
    const page = await context.newPage();
    await whatsappWithButtons(page);
    const screen: Screen = colorScheme === 'light' ? 'composer-whatsapp' : 'composer-dark';
    await page.screenshot({ path: `${dir}/${screen}.png` });
    outlines[screen] =
      (await outlineOf(page, 'New message')) + '\n' + (await outlineOf(page, 'Preview'));
    await context.close();
  }

  const context = await browser.newContext({ ...CONTEXT, baseURL });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('From', exact).selectOption(SEED.channels.email);
  const to = page.getByRole('combobox', { name: 'To', ...exact });
  await to.fill('anna.schmidt@example.de');
  await to.press('Enter');
  await page.getByLabel('Subject', exact).fill('Ihr Angebot für die Inspektion');
  await page.getByRole('textbox', { name: 'Message', ...exact }).click();
  await page.getByRole('button', { name: 'Bold', ...exact }).click();
  await page.keyboard.type('Guten Tag Frau Schmidt,');
  await page.getByRole('button', { name: 'Bold', ...exact }).click();
  await page.keyboard.press('Enter');
  await page.keyboard.type('anbei unser Angebot für die Inspektion Ihres Fahrzeugs.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Mit freundlichen Grüßen, Ihr Autohaus Müller');
  const preview = page.getByRole('region', { name: 'Preview', ...exact });
  await preview.getByText('Ihr Angebot für die Inspektion', exact).waitFor();
  await preview.scrollIntoViewIfNeeded();
  // The frame is an opaque origin laid out in a process of its own; on a busy machine it may not
  // be laid out while the wait runs, so wait for its text to be there, then for the picture.
  await preview
    .frameLocator('iframe[sandbox]')
    .getByText('Mit freundlichen Grüßen, Ihr Autohaus Müller')
    .waitFor({ state: 'attached' });
  await preview.screenshot({ path: `${dir}/email-preview.png` });
  outlines['email-preview'] = await outlineOf(page, 'Preview');

  // A message scheduled for tomorrow morning, then the history.
  await page.getByRole('button', { name: 'New draft', ...exact }).click();
  await whatsappWithButtons(page, { open: false });
  await page.getByLabel('Send later', exact).check();
  await page.getByRole('button', { name: 'Tomorrow 09:00', ...exact }).click();
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/send_message'));
  await page.getByRole('button', { name: 'Send', ...exact }).click();
  if ((await answer).status() !== 200) throw new Error('the scheduled message was refused');
  const history = page.getByRole('region', { name: 'History', ...exact });
  await history
    .getByRole('list', { name: 'Sent and scheduled messages', ...exact })
    .getByText('scheduled', exact)
    .waitFor();
  await history.screenshot({ path: `${dir}/history.png` });
  outlines.history = await outlineOf(page, 'History');
  await context.close();
  return outlines;
}
