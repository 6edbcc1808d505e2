import type { Page } from '@playwright/test';
import { SEED } from '../server/sandbox/seed';
import { expect, test } from './fixtures';
import { FAULT_SANDBOX_PORT } from './ports';

/** Runs against the second server, whose sandbox takes fault switches on its own port. */
const SANDBOX = `http://127.0.0.1:${FAULT_SANDBOX_PORT}`;
const exact = { exact: true } as const;

test.describe.configure({ mode: 'serial' });

async function setFaults(rules: Record<string, unknown>[]) {
  const response = await fetch(`${SANDBOX}/__faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ rules }),
  });
  expect(response.status).toBeLessThan(300);
}

async function stored(id: string) {
  const response = await fetch(`${SANDBOX}/api/v1/message?id=eq.${id}&select=id,status`, {
    headers: { authorization: 'Bearer e2e' },
  });
  return (await response.json()) as { id: string; status: string }[];
}

test.afterEach(async () => {
  await fetch(`${SANDBOX}/__faults`, { method: 'DELETE' });
});

/** A ready SMS; returns the times at which the page called the send endpoint. */
async function composeSms(page: Page) {
  const attempts: { at: number; id: string }[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/send_message')) {
      attempts.push({ at: Date.now(), id: (request.postDataJSON() as { id: string }).id });
    }
  });
  await page.goto('/');
  await page.getByLabel('From').selectOption(SEED.channels.sms);
  const to = page.getByRole('combobox', { name: 'To', ...exact });
  await to.fill('+49 151 23456789');
  await to.press('Enter');
  await page.getByRole('textbox', { name: 'Message', ...exact }).fill('Ihr Termin ist bestätigt.');
  return attempts;
}

const sentResult = (page: Page) => page.getByRole('region', { name: /^Sent/ });

test('a connection reset after the upstream stored the message: retried with the same id, one message, shown as sent', async ({
  page,
}) => {
  await setFaults([{ path: '/send_message', method: 'POST', times: 1, resetAfterStore: true }]);
  const attempts = await composeSms(page);
  await page.getByRole('button', { name: 'Send', ...exact }).click();
  await expect(sentResult(page)).toBeVisible({ timeout: 20_000 });
  expect(attempts.length).toBe(2);
  expect(new Set(attempts.map((a) => a.id)).size).toBe(1);
  expect(await stored(attempts[0]!.id)).toHaveLength(1);
  await expect(page.getByText('An earlier try had already reached Mateo')).toBeVisible();
});

test('a timeout: the retry with the same id leaves one message, shown as sent', async ({
  page,
}) => {
  // Longer than the proxy's 3 s timeout: the first try gets 504 while the sandbox still works.
  await setFaults([{ path: '/send_message', method: 'POST', times: 1, delayMs: 4_000 }]);
  const attempts = await composeSms(page);
  await page.getByRole('button', { name: 'Send', ...exact }).click();
  await expect(sentResult(page)).toBeVisible({ timeout: 30_000 });
  expect(attempts.length).toBeGreaterThanOrEqual(2);
  expect(new Set(attempts.map((a) => a.id)).size).toBe(1);
  await expect
    .poll(async () => (await stored(attempts[0]!.id)).length, { timeout: 10_000 })
    .toBe(1);
  // The delayed first try finishes later and must not add a second message.
  await page.waitForTimeout(2_000);
  expect(await stored(attempts[0]!.id)).toHaveLength(1);
});

test('503 twice, then 200: one message', async ({ page }) => {
  await setFaults([{ path: '/send_message', method: 'POST', times: 2, status: 503 }]);
  const attempts = await composeSms(page);
  await page.getByRole('button', { name: 'Send', ...exact }).click();
  await expect(sentResult(page)).toBeVisible({ timeout: 20_000 });
  expect(attempts.length).toBe(3);
  expect(await stored(attempts[0]!.id)).toHaveLength(1);
});

test('429 with Retry-After 2: the next try comes at least 2 s later', async ({ page }) => {
  await setFaults([
    { path: '/send_message', method: 'POST', times: 1, status: 429, retryAfter: 2 },
  ]);
  const attempts = await composeSms(page);
  await page.getByRole('button', { name: 'Send', ...exact }).click();
  await expect(page.getByText(/trying again in 2 s with the same message id/)).toBeVisible();
  await expect(sentResult(page)).toBeVisible({ timeout: 20_000 });
  expect(attempts.length).toBe(2);
  expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(2_000);
});

test('400: no retry, the error at its field, nothing typed lost', async ({ page }) => {
  const attempts = await composeSms(page);
  // A well-formed id of a message that does not exist: only the upstream can tell.
  await page.getByLabel('Reply to message id').fill('7d2c1b0a-9e8f-4a6b-8c5d-3e2f1a0b9c8d');
  await page.getByRole('button', { name: 'Send', ...exact }).click();
  const field = page.getByLabel('Reply to message id');
  await expect(page.locator('#reply-to-error')).toHaveText(
    'no message with id 7d2c1b0a-9e8f-4a6b-8c5d-3e2f1a0b9c8d',
  );
  await expect(field).toBeFocused();
  await page.waitForTimeout(1_500);
  expect(attempts.length).toBe(1);
  await expect(page.getByRole('textbox', { name: 'Message', ...exact })).toHaveValue(
    'Ihr Termin ist bestätigt.',
  );
  await expect(page.getByRole('list', { name: 'To recipients', exact: true })).toContainText(
    '+4915123456789',
  );
});

test('a double click and a double Ctrl+Enter send one message', async ({ page }) => {
  const attempts = await composeSms(page);
  await page.getByRole('button', { name: 'Send', ...exact }).dblclick();
  await expect(sentResult(page)).toBeVisible();
  const first = attempts[0]!.id;
  await page.waitForTimeout(1_000);
  expect(await stored(first)).toHaveLength(1);
  expect(new Set(attempts.map((a) => a.id))).toEqual(new Set([first]));

  const to = page.getByRole('combobox', { name: 'To', ...exact });
  await to.fill('+49 151 23456780');
  await to.press('Enter');
  const message = page.getByRole('textbox', { name: 'Message', ...exact });
  await message.fill('Zweite Nachricht');
  await message.press('Control+Enter');
  await message.press('Control+Enter');
  await expect.poll(() => attempts.filter((a) => a.id !== first).length).toBeGreaterThan(0);
  const second = attempts.find((a) => a.id !== first)!.id;
  await page.waitForTimeout(1_000);
  expect(await stored(second)).toHaveLength(1);
});

test('two tabs on the same draft send one message', async ({ page, context }) => {
  await composeSms(page);
  await expect(page.getByText(/^Draft saved/)).toBeVisible();
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.getByRole('textbox', { name: 'Message', ...exact })).toHaveValue(
    'Ihr Termin ist bestätigt.',
  );
  const ids: string[] = [];
  for (const p of [page, other]) {
    p.on(
      'request',
      (r) =>
        r.url().endsWith('/api/send_message') && ids.push((r.postDataJSON() as { id: string }).id),
    );
  }
  await Promise.all([
    page.getByRole('button', { name: 'Send', ...exact }).click(),
    other.getByRole('button', { name: 'Send', ...exact }).click(),
  ]);
  await expect(sentResult(page)).toBeVisible();
  await expect(sentResult(other)).toBeVisible();
  expect(ids).toHaveLength(2);
  expect(ids[0]).toBe(ids[1]);
  expect(await stored(ids[0]!)).toHaveLength(1);
});
