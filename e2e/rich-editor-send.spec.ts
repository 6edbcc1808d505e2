import type { Page } from '@playwright/test';
import { SEED } from '../server/sandbox/seed';
import { expect, test } from './fixtures';

/**
 * The HTML editor hands its content to the form just after the frame that shows a keystroke;
 * sending at once must still send every key typed. The tests hold that frame back (a slow
 * device, or keys faster than frames), so nothing reaches the form by waiting for it; and they
 * send a first message before, so that the check's module is loaded and waits for nothing.
 */
async function emailTo(page: Page) {
  await page.getByLabel('From').selectOption(SEED.channels.email);
  const to = page.getByRole('combobox', { name: 'To', exact: true });
  await to.fill('kunde@example.de');
  await to.press('Enter');
  await page.getByLabel('Subject').fill('Abholung');
}

async function posted(page: Page, send: () => Promise<void>) {
  // Without the last key the form's check fails (no message) and nothing is posted.
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/send_message'), {
    timeout: 10_000,
  });
  await send();
  const response = await answer;
  expect(response.status()).toBe(200);
  return response.request().postDataJSON() as { html?: string; text?: string };
}

const sendButton = (page: Page) => page.getByRole('button', { name: 'Send', exact: true });

async function typeWithFramesHeld(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message', exact: true }).click();
  await page.evaluate(() => {
    window.requestAnimationFrame = () => 0;
  });
  await page.keyboard.type(text);
}

// Tall enough that the form and its Send button fit on screen without scrolling.
test.use({ viewport: { width: 1280, height: 2000 } });

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await emailTo(page);
  await page.getByRole('textbox', { name: 'Message', exact: true }).click();
  await page.keyboard.type('Erste Nachricht');
  await posted(page, () => sendButton(page).click());
  await expect(page.getByRole('region', { name: /^Sent/ })).toBeVisible();
  await emailTo(page);
});

test('the last key typed in the HTML editor is sent by an immediate Ctrl+Enter', async ({
  page,
}) => {
  await typeWithFramesHeld(page, 'Ihr Wagen ist fertig!');
  const request = await posted(page, () => page.keyboard.press('Control+Enter'));
  expect(request.html).toBe('<p>Ihr Wagen ist fertig!</p>');
  expect(request.text).toBe('Ihr Wagen ist fertig!');
});

test('the last key typed in the HTML editor is sent by an immediate click on Send', async ({
  page,
}) => {
  await typeWithFramesHeld(page, 'Bis morgen um 9?');
  // Pointer events straight at the button, so the click follows the last key at once.
  const box = (await sendButton(page).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const request = await posted(page, async () => {
    await page.mouse.down();
    await page.mouse.up();
  });
  expect(request.html).toBe('<p>Bis morgen um 9?</p>');
  expect(request.text).toBe('Bis morgen um 9?');
});

test('a keystroke reaches the form, the draft and the preview while the editor keeps the focus', async ({
  page,
}) => {
  const editor = page.getByRole('textbox', { name: 'Message', exact: true });
  await editor.click();
  await page.keyboard.type('Noch im Editor');
  await expect(page.getByLabel('Plain text')).toHaveValue('Noch im Editor');
  await expect(editor).toBeFocused();
  await expect(page.getByText(/^Draft saved/)).toBeVisible();
  await page.reload();
  await expect(editor).toHaveText('Noch im Editor');
});
