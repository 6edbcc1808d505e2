import type { Page } from '@playwright/test';
import fc from 'fast-check';
import type { FaultRuleInput } from '../server/sandbox/faults';
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

async function clearFaults() {
  const response = await fetch(`${SANDBOX}/__faults`, { method: 'DELETE' });
  expect(response.status).toBe(200);
}

/** Sends that reached the sandbox since the faults were last set or cleared. */
async function sendsSeen() {
  const response = await fetch(`${SANDBOX}/__faults`);
  const { seen } = (await response.json()) as { seen: Record<string, number> };
  return seen['POST /send_message'] ?? 0;
}

test.afterEach(clearFaults);

/** A ready SMS; returns the page's calls of the send endpoint (their message ids). */
async function composeSms(page: Page) {
  const attempts: { id: string }[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/send_message')) {
      attempts.push({ id: (request.postDataJSON() as { id: string }).id });
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
  // When the page itself calls the endpoint, by its own clock: this process hears of requests
  // tens of ms late at times on a busy machine, the first one as much as the second.
  await page.addInitScript(() => {
    const calls: number[] = [];
    (window as unknown as { sendCalls: number[] }).sendCalls = calls;
    const original = window.fetch;
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/api/send_message')) calls.push(performance.now());
      return original(input, init);
    };
  });
  const attempts = await composeSms(page);
  await page.getByRole('button', { name: 'Send', ...exact }).click();
  await expect(page.getByText(/trying again in 2 s with the same message id/)).toBeVisible();
  await expect(sentResult(page)).toBeVisible({ timeout: 20_000 });
  expect(attempts.length).toBe(2);
  const calls = await page.evaluate(() => (window as unknown as { sendCalls: number[] }).sendCalls);
  expect(calls).toHaveLength(2);
  expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(2_000);
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
  const second = await page.getByLabel('Draft', exact).inputValue();
  expect(second).not.toBe(first);
  const before = attempts.length;
  await message.press('Control+Enter');
  await message.press('Control+Enter');
  await expect(sentResult(page)).toContainText(second);
  await page.waitForTimeout(1_000);
  const later = attempts.slice(before);
  expect(later.length).toBeGreaterThan(0);
  expect(new Set(later.map((a) => a.id))).toEqual(new Set([second]));
  expect(await stored(second)).toHaveLength(1);
});

test('two tabs on the same draft send one message', async ({ page, context }) => {
  await composeSms(page);
  // Saved with its text (half a second after the last key; an earlier save of the recipient
  // alone says "Draft saved" too), for the other tab to open it.
  await page
    .getByLabel('Draft', exact)
    .locator('option:checked', { hasText: '+4915123456789 · Ihr Termin ist bestätigt.' })
    .waitFor({ state: 'attached' });
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

/** Longer than the proxy's 3 s timeout: it answers 504 while the sandbox goes on and stores. */
const SLOW_MS = 4_000;
const faultArbitrary: fc.Arbitrary<FaultRuleInput> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(502, 503, 504).map((status) => ({ path: '', status })) },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 0, max: 1 })
      .map((retryAfter) => ({ path: '', status: 429, retryAfter })),
  },
  { weight: 2, arbitrary: fc.constant({ path: '', resetBeforeStore: true }) },
  { weight: 2, arbitrary: fc.constant({ path: '', resetAfterStore: true }) },
  { weight: 1, arbitrary: fc.constant({ path: '', delayMs: SLOW_MS }) },
  // Never retried: the send ends visibly failed.
  { weight: 2, arbitrary: fc.constantFrom(400, 500).map((status) => ({ path: '', status })) },
);
const ends = (fault: FaultRuleInput) => fault.status === 400 || fault.status === 500;
/** The fault stores the message although the try fails. */
const stores = (fault: FaultRuleInput) => Boolean(fault.resetAfterStore || fault.delayMs);

test('random faults through the real page: never a draft lost, never two messages for one id', async ({
  page,
}) => {
  // About 20 runs of a few seconds each, a reload in every one.
  test.setTimeout(360_000);
  const sends: { id: string; text: string }[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/send_message')) {
      sends.push(request.postDataJSON() as { id: string; text: string });
    }
  });
  const message = page.getByRole('textbox', { name: 'Message', ...exact });
  const draft = page.getByLabel('Draft', exact);
  const draftNamed = (text: string) => draft.locator('option').filter({ hasText: text });
  const send = page.getByRole('button', { name: 'Send', ...exact });

  // A draft left alone throughout: once it is listed after a reload, the list has loaded.
  const ANCHOR = 'Entwurf, der liegen bleibt';
  await page.goto('/');
  await page.getByLabel('From').selectOption(SEED.channels.sms);
  await message.fill(ANCHOR);
  await expect(draftNamed(ANCHOR)).toHaveCount(1);

  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(faultArbitrary, { maxLength: 3 }), async (faults) => {
      run++;
      const text = `Lauf ${run}: ${crypto.randomUUID().slice(0, 8)}`;
      await page.getByRole('button', { name: 'New draft', ...exact }).click();
      await expect(message).toHaveValue('');
      await page.getByLabel('From').selectOption(SEED.channels.sms);
      const to = page.getByRole('combobox', { name: 'To', ...exact });
      await to.fill('+49 151 23456789');
      await to.press('Enter');
      await message.fill(text);
      const id = await draft.inputValue();

      await setFaults(
        faults.map((fault) => ({ ...fault, path: '/send_message', method: 'POST', times: 1 })),
      );
      await send.click();
      // Settled: the first try went out, the button no longer says "Sending…", and the page
      // shows this message sent or an error.
      const mine = () => sends.filter((s) => s.text === text);
      await expect.poll(() => mine().length).toBeGreaterThan(0);
      await expect(send).toBeVisible({ timeout: 45_000 });
      const result = sentResult(page).filter({ hasText: id });
      await expect(result.or(page.getByRole('alert')).first()).toBeVisible();

      // Each fault takes one try, in order, until one that is never retried; all with one id.
      const last = faults.findIndex(ends);
      const tried = last === -1 ? faults : faults.slice(0, last + 1);
      expect(mine().map((s) => s.id)).toEqual(
        Array.from({ length: last === -1 ? faults.length + 1 : last + 1 }, () => id),
      );
      // The proxy adds no tries of its own.
      expect(await sendsSeen()).toBe(mine().length);
      if (tried.some((f) => f.delayMs)) await page.waitForTimeout(1_500);
      const storedBefore = await stored(id);

      if (last === -1) {
        await expect(result).toBeVisible();
        expect(storedBefore).toHaveLength(1);
        if (tried.some((f) => f.resetAfterStore)) {
          await expect(page.getByText('An earlier try had already reached Mateo')).toBeVisible();
        } else if (!tried.some(stores)) {
          await expect(page.getByText('An earlier try had already reached Mateo')).toHaveCount(0);
        }
      } else {
        await expect(page.getByRole('alert')).toContainText(
          `the sandbox answers ${faults[last]!.status}`,
        );
        expect(storedBefore).toHaveLength(tried.some(stores) ? 1 : 0);
      }

      await page.reload();
      await expect(draftNamed(ANCHOR)).toHaveCount(1);
      if (last === -1) {
        await expect(
          page
            .getByRole('list', { name: 'Sent and scheduled messages' })
            .getByRole('listitem')
            .filter({ hasText: text }),
        ).toHaveCount(1);
        await expect(draftNamed(text)).toHaveCount(0);
      } else {
        // The failed draft is the one that comes back, whole, with its message id.
        await expect(draftNamed(text)).toHaveCount(1);
        await expect(draft).toHaveValue(id);
        await expect(message).toHaveValue(text);
        await expect(page.getByRole('list', { name: 'To recipients', ...exact })).toContainText(
          '+4915123456789',
        );
        // Sent again without faults: still one message, and then the draft goes.
        await clearFaults();
        await send.click();
        await expect(sentResult(page)).toContainText(id);
        expect(new Set(mine().map((s) => s.id))).toEqual(new Set([id]));
        expect(await stored(id)).toHaveLength(1);
        await expect(page.getByText('An earlier try had already reached Mateo')).toHaveCount(
          storedBefore.length,
        );
        await expect(draftNamed(text)).toHaveCount(0);
      }
      expect(await stored(id)).toHaveLength(1);
    }),
    { numRuns: 20, endOnFailure: true },
  );
});

test('offline, the send waits and says so, then goes out once with the same id', async ({
  page,
  context,
}) => {
  await clearFaults();
  const attempts = await composeSms(page);
  const id = await page.getByLabel('Draft', exact).inputValue();
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Send', ...exact }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You are offline.' })).toHaveText(
    'You are offline. The message goes out as soon as the connection is back.',
  );
  // It waits instead of failing or using up its tries.
  await page.waitForTimeout(1_500);
  expect(attempts).toEqual([]);
  await expect(page.getByRole('alert')).toHaveCount(0);

  await context.setOffline(false);
  await expect(sentResult(page)).toContainText(id);
  expect(attempts.map((a) => a.id)).toEqual([id]);
  expect(await sendsSeen()).toBe(1);
  expect(await stored(id)).toHaveLength(1);
});
