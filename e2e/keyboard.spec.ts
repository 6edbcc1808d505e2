import type { Locator, Page } from '@playwright/test';
import { SEED } from '../server/sandbox/seed';
import { de } from '../src/i18n/de';
import { en } from '../src/i18n/en';
import { expect, sandboxGet, test } from './fixtures';

const exact = { exact: true } as const;

/** The app's own text with its {{placeholders}} filled, so each language finds its labels. */
function say(text: string, values: Record<string, string | number> = {}) {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}

/** Presses `key` until `target` has the focus; fails when it never does. */
async function pressUntilFocused(page: Page, key: string, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

/** Moves a focused <select> with the arrow keys until it holds `value`. */
async function arrowToOption(page: Page, select: Locator, value: string, max = 30) {
  for (let i = 0; i < max && (await select.inputValue()) !== value; i++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(select).toHaveValue(value);
}

for (const [language, text, locale] of [
  ['English', en, 'en-US'],
  ['German', de, 'de-DE'],
] as const) {
  test.describe(`in ${language}`, () => {
    test.use({ locale, timezoneId: 'Europe/Berlin' });

    test('the whole send flow by keyboard only: channel, recipient, text, a button, schedule, send, history, cancel', async ({
      page,
      consoleErrors,
    }) => {
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('lang', locale.slice(0, 2));

      // "?" lists the shortcuts; Escape closes the list.
      await page.locator('body').press('?');
      const shortcuts = page.getByRole('dialog', { name: text.shortcuts.title });
      await expect(shortcuts).toBeVisible();
      await expect(shortcuts).toContainText(text.shortcuts.items.send);
      await page.keyboard.press('Escape');
      await expect(shortcuts).toBeHidden();

      const from = page.getByLabel(text.compose.channel.label, exact);
      await pressUntilFocused(page, 'Tab', from);
      await arrowToOption(page, from, SEED.channels.whatsapp);

      const to = page.getByRole('combobox', { name: text.compose.to, ...exact });
      await pressUntilFocused(page, 'Tab', to);
      await page.keyboard.type('+49 151 23456789');
      await page.keyboard.press('Enter');
      // The chip; the draft list names the draft after its recipient too, in a closed select.
      await expect(
        page.getByRole('listitem').filter({ hasText: '+4915123456789' }).first(),
      ).toBeVisible();

      const message = page.getByRole('textbox', { name: text.compose.message, ...exact });
      await pressUntilFocused(page, 'Tab', message);
      await page.keyboard.type('Passt Ihnen Dienstag?');

      const addQuickReply = page.getByRole('button', {
        name: text.builders.actions.add.quick_reply,
        ...exact,
      });
      await pressUntilFocused(page, 'Tab', addQuickReply);
      await page.keyboard.press('Enter');
      const title = page.getByLabel(say(text.builders.actions.title, { n: 1 }), exact);
      await expect(title).toBeFocused();
      await page.keyboard.type('Ja, passt');

      const later = page.getByLabel(text.builders.schedule.sendLater, exact);
      await pressUntilFocused(page, 'Tab', later);
      await page.keyboard.press('Space');
      await expect(later).toBeChecked();
      const inOneHour = page.getByRole('button', {
        name: text.builders.schedule.presets.inOneHour,
        ...exact,
      });
      await pressUntilFocused(page, 'Tab', inOneHour);
      await page.keyboard.press('Enter');

      // Ctrl+Enter sends from where the agent is; the result takes the focus.
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/send_message'));
      await page.keyboard.press('Control+Enter');
      const response = await answer;
      expect(response.status()).toBe(200);
      const { id } = response.request().postDataJSON() as { id: string };
      const result = page.getByRole('region', {
        name: new RegExp(`^${text.sent.result.scheduled}`),
      });
      await expect(result).toBeFocused();
      const [stored] = await sandboxGet<{ status: string; send_after: string }[]>(
        `/message?id=eq.${id}&select=status,send_after`,
      );
      expect(stored?.status).toBe('scheduled');
      const actions = await sandboxGet<{ text: string }[]>(
        `/message_action?message_id=eq.${id}&select=text`,
      );
      expect(actions.map((a) => a.text)).toEqual(['Ja, passt']);

      // The history: open the entry, then cancel it, all from the keyboard.
      const open = page.getByRole('button', {
        name: say(text.sent.row.openMessage, { to: '+4915123456789' }),
        ...exact,
      });
      await pressUntilFocused(page, 'Tab', open, 80);
      await page.keyboard.press('Enter');
      await expect(
        page.getByRole('heading', {
          name: say(text.sent.detail.heading, { to: '+4915123456789' }),
        }),
      ).toBeVisible();

      const cancel = page.getByRole('button', {
        name: say(text.sent.row.cancelMessage, { to: '+4915123456789' }),
        ...exact,
      });
      await pressUntilFocused(page, 'Shift+Tab', cancel, 80);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: text.sent.cancel.title });
      await expect(dialog.getByRole('button', { name: text.sent.cancel.keep })).toBeFocused();
      await pressUntilFocused(
        page,
        'Shift+Tab',
        dialog.getByRole('button', { name: text.sent.cancel.confirm, ...exact }),
        4,
      );
      const deleted = page.waitForResponse((r) => r.request().method() === 'DELETE');
      await page.keyboard.press('Enter');
      expect((await deleted).status()).toBe(200);
      await expect(dialog).toBeHidden();
      expect(await sandboxGet<unknown[]>(`/message?id=eq.${id}&select=id`)).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });

    test('a failed check moves the focus to the first field in error', async ({ page }) => {
      await page.goto('/');
      const from = page.getByLabel(text.compose.channel.label, exact);
      await pressUntilFocused(page, 'Tab', from);
      await arrowToOption(page, from, SEED.channels.sms);
      const message = page.getByRole('textbox', { name: text.compose.message, ...exact });
      await pressUntilFocused(page, 'Tab', message);
      await page.keyboard.type('Bitte zurückrufen.');
      await page.keyboard.press('Control+Enter');
      await expect(page.getByRole('combobox', { name: text.compose.to, ...exact })).toBeFocused();
      await expect(message).toHaveValue('Bitte zurückrufen.');

      // With the message empty too, the first in screen order still wins.
      await pressUntilFocused(page, 'Tab', message);
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.press('Delete');
      await page.keyboard.press('Control+Enter');
      await expect(page.getByRole('combobox', { name: text.compose.to, ...exact })).toBeFocused();
    });

    test('an email without a message: the check moves the focus into the HTML editor', async ({
      page,
    }) => {
      await page.goto('/');
      await page.getByLabel(text.compose.channel.label, exact).selectOption(SEED.channels.email);
      const to = page.getByRole('combobox', { name: text.compose.to, ...exact });
      await to.fill('anna@example.com');
      await to.press('Enter');
      await page.getByLabel(text.compose.subject, exact).fill('Ihr Termin');
      const editor = page.getByRole('textbox', { name: text.compose.message, ...exact });
      await expect(editor).toBeVisible();
      await page.getByLabel(text.compose.subject, exact).press('Control+Enter');
      await expect(editor).toBeFocused();
      await expect(editor).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByLabel(text.compose.subject, exact)).toHaveValue('Ihr Termin');
    });
  });
}
