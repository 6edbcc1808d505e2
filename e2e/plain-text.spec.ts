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

test('while the HTML is typed without a pause the plain text follows every 2 s, and right after a pause, not after every key', async ({
  page,
}) => {
  await pickChannel(page, SEED.channels.email);
  const plain = page.getByLabel('Plain text');
  // Each value the field shows, seen frame by frame, and when each key came.
  await plain.evaluate((field: HTMLTextAreaElement) => {
    const seen = { values: [] as { at: number; value: string }[], keys: [] as number[] };
    (window as unknown as { __plain: typeof seen }).__plain = seen;
    addEventListener('keydown', (event) => seen.keys.push(event.timeStamp), true);
    let last = field.value;
    const look = () => {
      if (field.value !== last) {
        last = field.value;
        seen.values.push({ at: performance.now(), value: last });
      }
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.getByRole('textbox', { name: 'Message', ...exact }).click();
  const words = 'Guten Tag, hier ist das Angebot fuer Ihr neues Auto';
  await page.keyboard.type(words, { delay: 50 });
  await expect(plain).toHaveValue(words);

  const { values, keys } = await page.evaluate(
    () =>
      (
        window as unknown as {
          __plain: { values: { at: number; value: string }[]; keys: number[] };
        }
      ).__plain,
  );
  const first = keys[0] as number;
  const last = keys[keys.length - 1] as number;
  expect(
    last - first,
    'a run of keys longer than the 2 s the plain text may trail',
  ).toBeGreaterThan(2_200);
  // What the field may show during the run: one value per 2 s of keys, and one after each
  // pause of 0.4 s between two keys (a slow machine may make one).
  const pauses = keys.slice(1).filter((at, i) => at - (keys[i] as number) > 400).length;
  const during = values.filter((v) => v.at <= last);
  expect(during.length).toBeGreaterThanOrEqual(1);
  expect(during.length).toBeLessThanOrEqual(Math.floor((last - first) / 2_000) + pauses + 1);
  // And the last key's text arrives once typing stops.
  expect(values[values.length - 1]?.value).toBe(words);
});
