import { SEED } from '../server/sandbox/seed';
import { expect, test } from './fixtures';

const exact = { exact: true } as const;

test.describe('in a German browser', () => {
  test.use({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });

  test('the app opens in German and sends a WhatsApp message, with result and history in German', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('heading', { level: 2, name: 'Neue Nachricht' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Verlauf' })).toBeVisible();
    await expect(page.getByLabel('Sprache', exact)).toHaveValue('de');

    await page.getByLabel('Von', exact).selectOption(SEED.channels.whatsapp);
    const to = page.getByRole('combobox', { name: 'An', ...exact });
    await to.fill('0151 2345 6789');
    await to.press('Enter');
    await expect(page.getByText('1 Empfänger · 1 hinzugefügt', exact)).toBeVisible();
    const text = 'Ihr Fahrzeug ist abholbereit, wir freuen uns auf Sie.';
    await page.getByRole('textbox', { name: 'Nachricht', ...exact }).fill(text);
    // Numbers grouped the German way.
    await expect(page.getByText(`${text.length} / 4.096 Zeichen`, exact)).toBeVisible();

    const answer = page.waitForResponse((r) => r.url().endsWith('/api/send_message'));
    await page.getByRole('button', { name: 'Senden', ...exact }).click();
    expect((await answer).status()).toBe(200);

    const result = page.getByRole('region', { name: /^Gesendet/ });
    await expect(result).toBeVisible();
    await expect(result.getByTestId('message-status')).toHaveText('wird gesendet');
    await expect(result.getByRole('row', { name: /An .*\+4915123456789/ })).toBeVisible();
    await expect(result.getByText('Nachrichtenstatus', exact)).toBeVisible();

    const row = page
      .getByRole('list', { name: 'Gesendete und geplante Nachrichten', ...exact })
      .getByRole('listitem')
      .filter({ hasText: text });
    await expect(row).toContainText('An +4915123456789');
    // Day, month, year and a 24-hour time, as German readers write them: "01.12.2026, 09:05".
    await expect(row.locator('time')).toHaveText(/^\d{1,2}\.\d{1,2}\.\d{4}, \d{2}:\d{2}$/);
    await expect(row).toContainText(/gesendet am \d/);
    // The sandbox delivers within a second; the next status poll (every 5 s) shows it.
    await expect(row.getByText('gesendet', exact)).toBeVisible({ timeout: 15_000 });
    await expect(
      row.getByRole('button', { name: 'Nachricht an +4915123456789 öffnen', ...exact }),
    ).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('a missing field and an invalid recipient say so in German, at the field', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByLabel('Von', exact).selectOption(SEED.channels.sms);
    const to = page.getByRole('combobox', { name: 'An', ...exact });
    const message = page.getByRole('textbox', { name: 'Nachricht', ...exact });
    await page.getByRole('button', { name: 'Senden', ...exact }).click();
    await expect(to).toHaveAttribute('aria-invalid', 'true');
    await expect(to).toHaveAccessibleDescription(/Fügen Sie mindestens einen Empfänger hinzu/);
    await expect(message).toHaveAccessibleDescription(
      /^Schreiben Sie die Nachricht GSM-7 · 0 Zeichen/,
    );

    // The default country comes from the browser: Germany.
    await to.fill('12');
    await to.press('Enter');
    await expect(to).toHaveAccessibleDescription(/„12“: Zu kurz \(Deutschland\)/);
    await expect(
      page.getByRole('list', { name: 'Ungültige An-Empfänger', ...exact }),
    ).toContainText('12: Zu kurz (Deutschland)');
    await page
      .getByRole('button', { name: '12 entfernen', ...exact })
      .first()
      .click();
    await expect(to).toHaveAccessibleDescription(/Fügen Sie mindestens einen Empfänger hinzu/);
  });
});

test.describe('in an English browser', () => {
  test.use({ locale: 'en-US' });

  test('switching to Deutsch changes the page at once, keeps the form, and is remembered', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 2, name: 'New message' })).toBeVisible();
    await page.getByLabel('From', exact).selectOption(SEED.channels.sms);
    const to = page.getByRole('combobox', { name: 'To', ...exact });
    // An English browser in the US: numbers without a country code are American.
    await to.fill('12');
    await to.press('Enter');
    await page.getByRole('button', { name: 'Send', ...exact }).click();
    await expect(to).toHaveAccessibleDescription(/“12”: Too short for United States/);
    await expect(
      page.getByRole('textbox', { name: 'Message', ...exact }),
    ).toHaveAccessibleDescription(/^Write the message/);
    // Survives only as long as the page is not loaded again.
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    await page.getByLabel('Language', exact).selectOption('de');

    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('heading', { level: 2, name: 'Neue Nachricht' })).toBeVisible();
    await expect(page.getByLabel('Von', exact)).toHaveValue(SEED.channels.sms);
    // The errors already shown are worded again in the new language.
    const an = page.getByRole('combobox', { name: 'An', ...exact });
    await expect(an).toHaveAccessibleDescription(/„12“: Zu kurz \(Vereinigte Staaten\)/);
    await expect(
      page.getByRole('list', { name: 'Ungültige An-Empfänger', ...exact }),
    ).toContainText('Zu kurz (Vereinigte Staaten)');
    await expect(
      page.getByRole('textbox', { name: 'Nachricht', ...exact }),
    ).toHaveAccessibleDescription(/^Schreiben Sie die Nachricht/);
    await expect(page.getByLabel('Sprache', exact)).toHaveValue('de');
    expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('heading', { level: 2, name: 'Neue Nachricht' })).toBeVisible();
    await expect(page.getByLabel('Sprache', exact)).toHaveValue('de');
    await expect(page.getByRole('button', { name: 'Senden', ...exact })).toBeVisible();
  });
});
