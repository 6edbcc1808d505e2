import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, apiRequest } from './client';
import { DEFAULT_RETRY, isRetryable, retryDelayMs, type RetryPolicy } from './send-message';

/** An error as the client makes it from an answer with this status. */
const answered = (status: number, retryAfterSeconds?: number) =>
  new ApiError(
    status,
    { code: `http_${status}`, message: `Mateo answers ${status}.`, statusCode: status },
    retryAfterSeconds,
  );

/** What the client throws for a request to `base`, or undefined when it was answered. */
async function failureOf(base: string, signal?: AbortSignal): Promise<unknown> {
  try {
    await apiRequest({ path: '/send_message', schema: () => z.unknown(), base, signal });
    return undefined;
  } catch (error) {
    return error;
  }
}

/** A local server that takes the connection and never answers, and one that is gone. */
let silent: Server;
let silentUrl: string;
let goneUrl: string;

beforeAll(async () => {
  const listen = async (server: Server) => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  silent = createServer(() => {});
  silentUrl = await listen(silent);
  const gone = createServer();
  goneUrl = await listen(gone);
  await new Promise((resolve) => gone.close(resolve));
});

afterAll(async () => {
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
});

describe('isRetryable', () => {
  it.each([400, 401, 403, 404])(
    'never retries %i: the same request would get the same answer',
    (status) => {
      expect(isRetryable(answered(status))).toBe(false);
    },
  );

  it('does not retry other refusals or a server error either', () => {
    // 409 on our id means "already stored" and is read back, not retried.
    for (const status of [409, 413, 422, 500, 501]) {
      expect(isRetryable(answered(status)), String(status)).toBe(false);
    }
  });

  it.each([429, 502, 503, 504])('retries %i: Mateo was busy or not reached', (status) => {
    expect(isRetryable(answered(status))).toBe(true);
    expect(isRetryable(answered(status, 1))).toBe(true);
  });

  it('retries a network failure, as the client reports it', async () => {
    const error = await failureOf(goneUrl);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(0);
    expect(isRetryable(error)).toBe(true);
  });

  it('retries a request that timed out, in the browser or at the proxy', async () => {
    const error = await failureOf(silentUrl, AbortSignal.timeout(100));
    expect(error).toBeInstanceOf(ApiError);
    expect(isRetryable(error)).toBe(true);
    // The proxy's own timeout reaches the browser as 504.
    expect(isRetryable(answered(504))).toBe(true);
  });

  it('does not retry a send the user aborted, or an error that is no answer at all', async () => {
    const controller = new AbortController();
    const pending = failureOf(silentUrl, controller.signal);
    controller.abort();
    const aborted = await pending;
    expect((aborted as Error).name).toBe('AbortError');
    expect(isRetryable(aborted)).toBe(false);
    expect(isRetryable(new TypeError('Failed to fetch'))).toBe(false);
    expect(isRetryable(undefined)).toBe(false);
  });
});

describe('retryDelayMs', () => {
  const policy: RetryPolicy = DEFAULT_RETRY;
  const ceiling = (attempt: number) =>
    Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));

  it('waits as long as Retry-After says, whatever the attempt', () => {
    for (const attempt of [1, 3, 6]) {
      expect(retryDelayMs(attempt, answered(429, 2), policy, () => 0.5)).toBe(2_000);
      expect(retryDelayMs(attempt, answered(503, 0), policy, () => 0.5)).toBe(0);
    }
    // Longer than any backoff, but still within what is honoured.
    expect(retryDelayMs(1, answered(429, 20), policy, () => 0)).toBe(20_000);
  });

  it("caps Retry-After at the policy's maximum", () => {
    expect(retryDelayMs(1, answered(429, 3_600), policy, () => 0)).toBe(policy.maxRetryAfterMs);
    const impatient = { ...policy, maxRetryAfterMs: 5_000 };
    expect(retryDelayMs(1, answered(503, 6), impatient, () => 0)).toBe(5_000);
    expect(retryDelayMs(1, answered(503, 4), impatient, () => 0)).toBe(4_000);
  });

  it('doubles the wait with each attempt until the maximum', () => {
    const shortest = [1, 2, 3, 4, 5, 6, 7].map((n) =>
      retryDelayMs(n, answered(503), policy, () => 0),
    );
    expect(shortest).toEqual([250, 500, 1_000, 2_000, 4_000, 4_000, 4_000]);
    const longest = [1, 2, 3, 4, 5, 6].map((n) =>
      retryDelayMs(n, answered(502), policy, () => 0.999_999),
    );
    expect(longest).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000]);
  });

  it('spreads the wait with jitter between half the step and the whole step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.constantFrom(0, 429, 502, 503, 504),
        (attempt, random, status) => {
          const delay = retryDelayMs(attempt, answered(status), policy, () => random);
          expect(delay).toBeGreaterThanOrEqual(ceiling(attempt) / 2);
          expect(delay).toBeLessThanOrEqual(ceiling(attempt));
          expect(delay).toBeLessThanOrEqual(policy.maxDelayMs);
        },
      ),
    );
    // Two tabs failing together do not come back at the same moment.
    expect(retryDelayMs(3, answered(503), policy, () => 0.1)).not.toBe(
      retryDelayMs(3, answered(503), policy, () => 0.9),
    );
  });
});
