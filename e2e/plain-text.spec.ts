import { SEED } from '../server/sandbox/seed';
import { expect, test } from './fixtures';
import { exact, pickChannel, requestWhen } from './preview-page';

/** The chunk that makes the plain text from the HTML, loaded with the HTML editor. */
const HTML_TO_TEXT_CHUNK = /\/assets\/html-to-text-[\w-]+\.js$/;

test('the plain text made from the HTML is in its field when the field takes the focus, and a slow network never drops it into what the user selected and typed', async ({
  page,
}) => {
  // The module comes 1.5 s late, as on a slow network.
  await page.route(HTML_TO_TEXT_CHUNK, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  const served = page.waitForResponse(HTML_TO_TEXT_CHUNK);
  await pickChannel(page, SEED.channels.email);
  await page.getByRole('textbox', { name: 'Message', ...exact }).click();
  await page.keyboard.type('Guten Tag');

  const plain = page.getByLabel('Plain text');
  await plain.click();
  // Read once, not waited for: it is there the moment the field has the focus.
  expect(await plain.inputValue()).toBe('Guten Tag');
  await expect(plain).toHaveAccessibleDescription(
    'Made from the HTML for mail programs that show no HTML; edit it if you like.',
  );

  // The user replaces it all; whatever arrives meanwhile changes nothing of that.
  await page.keyboard.press('Control+A');
  await served;
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200))),
  );
  await page.keyboard.type('Textfassung');
  await expect(plain).toHaveValue('Textfassung');
  await expect(plain).toHaveAccessibleDescription(
    /^Edited by hand; it no longer follows the HTML\./,
  );
  const request = await requestWhen(page, (body) => body.text === 'Textfassung');
  expect(request.html).toBe('<p>Guten Tag</p>');
});
