import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FaultRuleInput } from '../server/sandbox/faults';
import { SEED } from '../server/sandbox/seed';
import { startSandboxServer, type SandboxServer } from '../server/sandbox/server';
import { SANDBOX_START_TIMEOUT_MS } from '../server/sandbox/test-client';
import { serveProxy } from '../server/test-support';
import { ApiError } from '../src/api/client';
import { sendMessageSafely, type RetryPolicy } from '../src/api/send-message';

/**
 * Random fault sequences through the real proxy and sandbox, driving the browser's one retrying
 * send layer: whatever fails, one draft id never becomes two messages, and every send ends
 * either sent (and stored once) or with an error a person can read.
 */
const PROXY_TIMEOUT_MS = 200;
const policy: RetryPolicy = { maxAttempts: 6, baseDelayMs: 20, maxDelayMs: 80, maxRetryAfterMs: 50 };

let sandbox: SandboxServer;
let proxy: Awaited<ReturnType<typeof serveProxy>>;

beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0, dataDir: null, schedulerIntervalMs: 0 });
  proxy = await serveProxy({ baseUrl: sandbox.url, token: 'sandbox', timeoutMs: PROXY_TIMEOUT_MS });
}, SANDBOX_START_TIMEOUT_MS);

afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
});

const fault: fc.Arbitrary<FaultRuleInput> = fc.oneof(
  fc.constantFrom(500, 502, 503, 504).map((status) => ({ path: '/send_message', status })),
  fc.integer({ min: 0, max: 1 }).map((retryAfter) => ({ path: '/send_message', status: 429, retryAfter })),
  fc.constant({ path: '/send_message', resetBeforeStore: true }),
  fc.constant({ path: '/send_message', resetAfterStore: true }),
  // Longer than the proxy's timeout: the proxy answers 504 while the sandbox goes on and stores.
  fc.constant({ path: '/send_message', delayMs: PROXY_TIMEOUT_MS + 100 }),
);

async function storedCount(id: string): Promise<number> {
  const response = await fetch(`${sandbox.url}/message?id=eq.${id}&select=id`, { headers: { authorization: 'Bearer t' } });
  return ((await response.json()) as unknown[]).length;
}

it('never sends one draft twice, and every send ends sent or visibly failed (200 fault sequences)', async () => {
  let sent = 0;
  let failed = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(fault, { minLength: 0, maxLength: 4 }), async (faults) => {
      sandbox.sandbox.faults.set(faults.map((rule) => ({ ...rule, method: 'POST', times: 1 })));
      const id = crypto.randomUUID();
      const request = { id, from: SEED.channels.sms, to: [{ handle: '+4915123456789' }], text: `Fault run ${id}` };
      let outcome: 'sent' | 'failed';
      try {
        const result = await sendMessageSafely(request, { policy, base: `${proxy.url}/api`, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) });
        expect(result.data.message.id).toBe(id);
        outcome = 'sent';
      } catch (error) {
        // A visible failure: an ApiError with a status and a sentence for the person.
        expect(error).toBeInstanceOf(ApiError);
        expect((error as ApiError).message.length).toBeGreaterThan(10);
        outcome = 'failed';
      }
      // A delayed try may still be storing after the answer: wait it out before counting.
      await new Promise((r) => setTimeout(r, faults.some((f) => f.delayMs) ? 200 : 0));
      const count = await storedCount(id);
      expect(count).toBeLessThanOrEqual(1);
      if (outcome === 'sent') {
        sent++;
        expect(count).toBe(1);
      } else {
        failed++;
        // Only a non-retryable 500 ends a send; it comes before anything is stored.
        expect(faults.some((f) => f.status === 500)).toBe(true);
      }
      sandbox.sandbox.faults.clear();
    }),
    { numRuns: 200 },
  );
  expect(sent).toBeGreaterThan(100);
  expect(failed).toBeGreaterThan(0);
}, 240_000);
