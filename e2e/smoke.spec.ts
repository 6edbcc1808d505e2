import { SEED } from '../server/sandbox/seed';
import { expect, test } from './fixtures';

test('the production server serves the app without console errors', async ({
  page,
  consoleErrors,
}) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
  await expect(page.getByRole('heading', { level: 1, name: 'Mateo Composer' })).toBeVisible();
  await expect(page).toHaveTitle('Mateo Composer');
  expect(consoleErrors).toEqual([]);
});

test('nothing the app does violates its Content-Security-Policy', async ({ page }) => {
  // Violations that code catches (a probe for eval, say) still reach the page as events, and
  // browsers list them as issues; none may happen while a message is written, checked and sent.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.goto('/');
  await page.getByLabel('From').selectOption(SEED.channels.whatsapp);
  const to = page.getByRole('combobox', { name: 'To', exact: true });
  await to.fill('+49 151 23456789');
  await to.press('Enter');
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Guten Tag');
  await page.getByRole('button', { name: 'Add quick reply', exact: true }).click();
  await page.getByLabel('Button 1 title').fill('Ja');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('region', { name: /^Sent/ })).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  ).toEqual([]);
});
