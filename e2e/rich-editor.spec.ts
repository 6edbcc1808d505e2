import type { Page } from '@playwright/test';
import { SEED } from '../server/sandbox/seed';
import { expect, test } from './fixtures';
import { exact, pickChannel, requestWhen } from './preview-page';

/**
 * The HTML editor for email and letters: its toolbar, its keys, Markdown as it is typed, links,
 * and the HTML the request carries, read from the request inspector.
 */

const LINK = 'target="_blank" rel="noopener noreferrer nofollow"';

const editorOf = (page: Page) => page.getByRole('textbox', { name: 'Message', ...exact });
const button = (page: Page, name: string) => page.getByRole('button', { name, ...exact });

async function htmlOnceItHas(page: Page, part: string): Promise<string> {
  return htmlWhen(page, (html) => html.includes(part));
}

async function htmlWhen(page: Page, ready: (html: string) => boolean): Promise<string> {
  return (await requestWhen(page, (request) => ready(request.html ?? ''))).html ?? '';
}

// Trace snapshots try to run script in the preview's sandboxed frame, and Chromium logs each
// refusal: that would drown the console messages a test here watches for.
test.use({ trace: 'off' });

test.beforeEach(async ({ page }) => {
  await pickChannel(page, SEED.channels.email);
  await editorOf(page).click();
});

test('the toolbar and its keys format what is typed, show what is on at the caret, and undo and redo', async ({
  page,
}) => {
  const console: string[] = [];
  page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
  await expect(button(page, 'Undo')).toBeDisabled();
  await button(page, 'Heading').click();
  await page.keyboard.type('Angebot');
  await expect(button(page, 'Heading')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  await expect(button(page, 'Heading')).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type('fett');
  await expect(button(page, 'Bold')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type(' und ');
  await expect(button(page, 'Bold')).toHaveAttribute('aria-pressed', 'false');
  await button(page, 'Italic').click();
  await page.keyboard.type('kursiv');
  await button(page, 'Italic').click();
  await page.keyboard.press('Enter');
  await button(page, 'Bulleted list').click();
  await page.keyboard.type('eins');
  await page.keyboard.press('Enter');
  await page.keyboard.type('zwei');
  await expect(button(page, 'Bulleted list')).toHaveAttribute('aria-pressed', 'true');
  // The numbered list button turns this list into a numbered one.
  await button(page, 'Numbered list').click();
  await expect(button(page, 'Bulleted list')).toHaveAttribute('aria-pressed', 'false');
  await expect(button(page, 'Numbered list')).toHaveAttribute('aria-pressed', 'true');
  // Enter on an empty item leaves the list.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await button(page, 'Quote').click();
  await page.keyboard.type('Zitat');
  await expect(button(page, 'Quote')).toHaveAttribute('aria-pressed', 'true');

  const expected =
    '<h2>Angebot</h2><p><strong>fett</strong> und <em>kursiv</em></p>' +
    '<ol><li><p>eins</p></li><li><p>zwei</p></li></ol><blockquote><p>Zitat</p></blockquote>';
  expect(await htmlOnceItHas(page, 'Zitat')).toBe(expected);

  await expect(button(page, 'Redo')).toBeDisabled();
  await button(page, 'Undo').click();
  await expect(editorOf(page)).not.toContainText('Zitat');
  await expect(editorOf(page)).toBeFocused();
  expect(await htmlWhen(page, (html) => !html.includes('Zitat'))).toContain('<ol>');
  await editorOf(page).focus();
  await expect(button(page, 'Redo')).toBeEnabled();
  await page.keyboard.press('ControlOrMeta+Shift+z');
  expect(await htmlOnceItHas(page, 'Zitat')).toBe(expected);

  // A double click in the empty space below the last line: no word there, and nothing in the
  // console.
  const below = await editorOf(page).evaluate((element) => {
    const box = element.getBoundingClientRect();
    const last = element.lastElementChild!.getBoundingClientRect();
    return { x: last.left + 10, top: last.bottom, bottom: box.bottom };
  });
  expect(below.bottom - below.top).toBeGreaterThan(12);
  await page.mouse.dblclick(below.x, (below.top + below.bottom) / 2);
  // A double click on a word selects it.
  await editorOf(page).getByText('kursiv', exact).dblclick();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('kursiv');
  expect(console).toEqual([]);
});

test('Markdown as it is typed, and typed or pasted addresses become links', async ({ page }) => {
  await page.keyboard.type('## Titel');
  await page.keyboard.press('Enter');
  await page.keyboard.type(
    '**wichtig** und _leise_, siehe https://example.de/a, dann www.example.de ',
  );
  await page.keyboard.press('Enter');
  await page.keyboard.type('- Punkt');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Hier klicken');
  // A plain address pasted over selected text links that text.
  await page.keyboard.press('Shift+Home');
  await editorOf(page).evaluate((element) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'https://example.de/klick');
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });

  expect(await htmlOnceItHas(page, 'klick"')).toBe(
    '<h2>Titel</h2>' +
      `<p><strong>wichtig</strong> und <em>leise</em>, siehe <a ${LINK} href="https://example.de/a">https://example.de/a</a>, ` +
      `dann <a ${LINK} href="https://www.example.de">www.example.de</a> </p>` +
      '<ul><li><p>Punkt</p></li></ul>' +
      `<p><a ${LINK} href="https://example.de/klick">Hier klicken</a></p>`,
  );
  // Backspace right after a rule applied gives back what was typed.
  await editorOf(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('*nicht kursiv*');
  await page.keyboard.press('Backspace');
  expect(await htmlOnceItHas(page, 'nicht')).toMatch(/<p>\*nicht kursiv\*<\/p>$/);
});

test('a link to an address no message may carry is refused with the reason, and the address typed stays', async ({
  page,
}) => {
  await page.keyboard.type('Zum Angebot');
  await page.keyboard.press('Shift+Home');
  await button(page, 'Link').click();
  const url = page.getByLabel('Link URL');
  await url.fill('javascript:alert(1)');
  await url.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(
    'A link starts with http, https, mailto, tel or sms.',
  );
  await expect(url).toHaveValue('javascript:alert(1)');
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  await expect(url).toHaveAccessibleDescription(
    'A link starts with http, https, mailto, tel or sms.',
  );
  // An address without a scheme is a web address.
  await url.fill('example.de/angebot');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await button(page, 'Apply link').click();
  await expect(url).toBeHidden();
  await expect(editorOf(page)).toBeFocused();
  expect(await htmlOnceItHas(page, '<a')).toBe(
    `<p><a ${LINK} href="https://example.de/angebot">Zum Angebot</a></p>`,
  );
  await expect(button(page, 'Link')).toHaveAttribute('aria-pressed', 'true');
  // Opened again on the link, the box holds its address; emptied, it unlinks.
  await button(page, 'Link').click();
  await expect(url).toHaveValue('https://example.de/angebot');
  await url.fill('');
  await url.press('Enter');
  expect(await htmlWhen(page, (html) => !html.includes('<a'))).toBe('<p>Zum Angebot</p>');
});
