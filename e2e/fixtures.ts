import { test as base, expect, type Page } from '@playwright/test';
import { E2E_SANDBOX_PORT } from './ports';

/** The sandbox's own URL, for reading what it stored (any Bearer token is accepted). */
export const SANDBOX_URL = `http://127.0.0.1:${E2E_SANDBOX_PORT}/api/v1`;

export async function sandboxGet<T = unknown>(path: string): Promise<T> {
  const response = await fetch(`${SANDBOX_URL}${path}`, {
    headers: { authorization: 'Bearer e2e', accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`sandbox ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Searches the contacts from the To box and picks the first match with the keyboard. */
export async function searchAndPick(page: Page, term: string, option: RegExp) {
  const input = page.getByRole('combobox', { name: 'To', exact: true });
  await input.fill(term);
  // The contact search's list, named after the term it searched for (the draft list names
  // drafts after their recipients too).
  const matches = page.getByRole('listbox', { name: `Contacts matching “${term.trim()}”` });
  await expect(matches.getByRole('option', { name: option })).toBeVisible();
  await input.press('ArrowDown');
  await input.press('Enter');
}

/** Pastes text into a recipient input, as a clipboard paste would. */
export async function pasteInto(page: Page, field: string, text: string) {
  await page.getByRole('combobox', { name: field, exact: true }).focus();
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

interface Fixtures {
  /** Console errors and page errors seen during the test. */
  consoleErrors: string[];
}

interface Options {
  /**
   * The language chosen in the header on an earlier visit (kept in localStorage); unset, the
   * app follows the browser's `locale`. A choice made during the test still wins.
   */
  language: 'en' | 'de' | undefined;
}

export const test = base.extend<Fixtures & Options>({
  language: [undefined, { option: true }],
  context: async ({ context, language }, use) => {
    if (language) {
      await context.addInitScript((chosen) => {
        const key = 'mateo-composer.language';
        if (!localStorage.getItem(key)) localStorage.setItem(key, chosen);
      }, language);
    }
    await use(context);
  },
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
  },
});

export { expect };
