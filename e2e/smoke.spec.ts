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
