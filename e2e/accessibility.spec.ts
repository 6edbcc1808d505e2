import type { Page } from '@playwright/test';
import { SEED } from '../server/sandbox/seed';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { addRecipient, previewRegion, requestWhen } from './preview-page';

const exact = { exact: true } as const;

/** Runs axe in a named state and keeps what it finds, so one run reports every state. */
function auditor(page: Page) {
  const found: string[] = [];
  return {
    found,
    async audit(state: string) {
      for (const violation of await axeViolations(page)) found.push(`${state}: ${violation}`);
    },
  };
}

async function send(page: Page) {
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/send_message'));
  await page.getByRole('button', { name: 'Send', ...exact }).click();
  expect((await answer).status()).toBe(200);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test("axe finds no violations on the empty page and on each channel's composer", async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const { found, audit } = auditor(page);
      await page.goto('/');
      await expect(page.locator('html')).toHaveClass(colorScheme === 'dark' ? /dark/ : /^$/);
      await audit('empty composer');
      for (const [type, channelId] of Object.entries(SEED.channels)) {
        await page.getByLabel('From', exact).selectOption(channelId);
        await expect(page.getByRole('combobox', { name: 'To', ...exact })).toBeVisible();
        if (type === 'email' || type === 'postal')
          await expect(page.getByRole('textbox', { name: 'Message', ...exact })).toBeVisible();
        await audit(`${type} composer`);
      }
      expect(found).toEqual([]);
    });

    test('axe finds no violations in errors, a WhatsApp preview and inspector, the schedule, the result, the history and the cancel dialog', async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const { found, audit } = auditor(page);
      await page.goto('/');
      // A failed check: errors at the fields.
      await page.getByLabel('From', exact).selectOption(SEED.channels.sms);
      await page.getByRole('button', { name: 'Send', ...exact }).click();
      await expect(page.getByRole('alert').first()).toBeVisible();
      await addRecipient(page, 'To', '0151 12');
      await expect(page.getByText(/“0151 12”: Too short/).first()).toBeVisible();
      await audit('errors');
      await page
        .getByRole('button', { name: /Remove 0151 12/ })
        .first()
        .click();

      await page.getByLabel('From', exact).selectOption(SEED.channels.whatsapp);
      await addRecipient(page, 'To', '+49 151 23456789');
      await page.getByRole('textbox', { name: 'Message', ...exact }).fill('Passt *Dienstag*?');
      for (const [i, title] of ['Ja', 'Nein'].entries()) {
        await page.getByRole('button', { name: 'Add quick reply', ...exact }).click();
        await page.getByLabel(`Button ${i + 1} title`).fill(title);
      }
      await page.getByLabel('Footer').fill('Autohaus Müller');
      await requestWhen(page, (r) => r.actions?.length === 2 && r.footer === 'Autohaus Müller');
      await expect(
        previewRegion(page).getByRole('button', { name: 'Nein', ...exact }),
      ).toBeVisible();
      await audit('whatsapp preview and inspector');
      await page.getByLabel('Send later').check();
      await page.getByRole('button', { name: 'In one hour', ...exact }).click();
      await audit('schedule picker');

      await send(page);
      await expect(page.getByTestId('message-status')).toHaveText('scheduled');
      const history = page.getByRole('list', { name: 'Sent and scheduled messages' });
      await expect(history.getByText('scheduled', exact)).toBeVisible();
      await audit('sent result and history with a scheduled message');

      await page.getByRole('button', { name: /^Cancel scheduled message to / }).click();
      await expect(
        page.getByRole('dialog', { name: 'Cancel this scheduled message?' }),
      ).toBeVisible();
      await audit('cancel dialog');
      expect(found).toEqual([]);
    });

    test('axe finds no violations in the email preview, its plain-text tab and the shortcuts dialog', async ({
      page,
    }) => {
      const { found, audit } = auditor(page);
      await page.goto('/');
      await page.getByLabel('From', exact).selectOption(SEED.channels.email);
      await addRecipient(page, 'To', 'kunde@example.de');
      await page.getByLabel('Subject').fill('Ihr Angebot');
      await page.getByRole('textbox', { name: 'Message', ...exact }).click();
      await page.keyboard.type('Guten Tag');
      await expect(previewRegion(page).getByText('Ihr Angebot', exact)).toBeVisible();
      await expect(previewRegion(page).locator('iframe[sandbox]')).toHaveAttribute('title', /.+/);
      await audit('email preview');
      await previewRegion(page)
        .getByRole('tab', { name: 'Plain text', ...exact })
        .click();
      await audit('email plain-text preview');

      await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await audit('shortcuts dialog');
      expect(found).toEqual([]);
    });
  });
}

test('nothing moves for a user who asks for reduced motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await page.getByLabel('From', exact).selectOption(SEED.channels.whatsapp);
  await page.getByRole('button', { name: 'Add quick reply', ...exact }).click();
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const running = await page.evaluate(() =>
    document.getAnimations().map((a) => (a as CSSAnimation).animationName ?? String(a.id)),
  );
  expect(running).toEqual([]);
  const slow = await page.evaluate(
    () =>
      [...document.querySelectorAll('*')]
        .map((element) => getComputedStyle(element))
        .filter(
          (style) =>
            parseFloat(style.transitionDuration) > 0.01 ||
            parseFloat(style.animationDuration) > 0.01,
        ).length,
  );
  expect(slow).toBe(0);
});

test('at 200 % zoom the composer fits the width and every control stays reachable', async ({
  page,
}) => {
  // 1280 CSS pixels at 200 % leave 640 for the page.
  await page.setViewportSize({ width: 640, height: 400 });
  await page.goto('/');
  await page.getByLabel('From', exact).selectOption(SEED.channels.whatsapp);
  await addRecipient(page, 'To', '+49 151 23456789');
  await page.getByRole('textbox', { name: 'Message', ...exact }).fill('Passt Dienstag?');
  await page.getByRole('button', { name: 'Add quick reply', ...exact }).click();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  for (const control of [
    page.getByRole('button', { name: 'Keyboard shortcuts' }),
    page.getByLabel('Footer'),
    page.getByRole('button', { name: 'Send', ...exact }),
    page.getByRole('heading', { name: 'History', ...exact }),
  ]) {
    await control.scrollIntoViewIfNeeded();
    await expect(control).toBeInViewport();
  }
});
