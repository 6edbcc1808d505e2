import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED } from './seed';
import { useTestSandbox } from './test-client';

const sandbox = useTestSandbox();
const { api } = sandbox;
afterEach(() => sandbox.server.sandbox.faults.clear());

const message = (id = randomUUID()) => ({
  id,
  from: SEED.channels.sms,
  to: [{ contact_id: SEED.contacts.withPhone }],
  text: 'Ihr Fahrzeug ist fertig.',
});

const faults = (method: string, body?: unknown) =>
  fetch(`${sandbox.server.origin}/__faults`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });

/** The error fetch() raises when the connection drops, as undici reports it. */
async function connectionError(promise: Promise<Response>): Promise<string> {
  const error = (await promise.then(
    () => {
      throw new Error('expected the connection to drop');
    },
    (reason: unknown) => reason,
  )) as { cause?: { code?: string } };
  return error.cause?.code ?? 'unknown';
}

describe('faults', () => {
  it('answers a status with Retry-After, counts down times, then proceeds', async () => {
    const set = await faults('POST', {
      rules: [{ path: '/send_message', method: 'POST', times: 2, status: 429, retryAfter: 2 }],
    });
    expect(set.status).toBe(200);
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await api.send(message());
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('2');
      expect(response.headers.get('ratelimit-remaining')).toBe('0');
      expect(await response.json()).toMatchObject({ code: 'rate_limited', statusCode: 429 });
    }
    expect((await api.send(message())).status).toBe(200);
    const state = (await (await faults('GET')).json()) as {
      rules: unknown[];
      seen: Record<string, number>;
    };
    expect(state.rules).toEqual([]);
    expect(state.seen['POST /send_message']).toBe(3);
  });

  it('answers 500 and 503 in the error shape, only for the matching method and path', async () => {
    sandbox.server.sandbox.faults.set([
      { path: '/channel', method: 'GET', status: 503 },
      { path: '/send_message', status: 500, code: 'boom', message: 'Mateo is down' },
    ]);
    expect((await api.get('/contact?limit=1')).status).toBe(200);
    const unavailable = await api.get('/channel');
    expect(unavailable.status).toBe(503);
    expect(await unavailable.json()).toMatchObject({
      code: 'service_unavailable',
      statusCode: 503,
    });
    const failed = await api.send(message());
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({
      code: 'boom',
      message: 'Mateo is down',
      statusCode: 500,
    });
    expect(sandbox.server.sandbox.faults.seen).toEqual({
      'GET /contact': 1,
      'GET /channel': 1,
      'POST /send_message': 1,
    });
    expect(sandbox.server.sandbox.faults.rules).toEqual([]);
  });

  it('delays, then answers normally', async () => {
    sandbox.server.sandbox.faults.set([{ path: '/channel', delayMs: 300 }]);
    const started = Date.now();
    const response = await api.get('/channel?limit=1');
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('drops the connection before storing: nothing is sent', async () => {
    sandbox.server.sandbox.faults.set([{ path: '/send_message', resetBeforeStore: true }]);
    const id = randomUUID();
    expect(await connectionError(api.send(message(id)))).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    expect(await api.rows(`/message?id=eq.${id}`)).toEqual([]);
    expect((await api.send(message(id))).status).toBe(200);
  });

  it('drops the connection after storing: the message exists and a retry with its id gets 409', async () => {
    sandbox.server.sandbox.faults.set([{ path: '/send_message', resetAfterStore: true }]);
    const id = randomUUID();
    expect(await connectionError(api.send(message(id)))).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    expect(await api.rows(`/message?id=eq.${id}`)).toHaveLength(1);
    const retry = await api.send(message(id));
    expect(retry.status).toBe(409);
    expect(await retry.json()).toMatchObject({ code: '23505' });
  });

  it('clears with DELETE and refuses malformed rules', async () => {
    await faults('POST', { rules: [{ path: '/channel', times: 5, status: 503 }] });
    expect(((await (await faults('GET')).json()) as { rules: unknown[] }).rules).toHaveLength(1);
    const cleared = (await (await faults('DELETE')).json()) as { rules: unknown[]; seen: object };
    expect(cleared).toEqual({ rules: [], seen: {} });
    expect((await api.get('/channel?limit=1')).status).toBe(200);
    const bad = await faults('POST', { rules: [{ path: '/channel', status: 200 }] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'invalid_faults', statusCode: 400 });
    expect(
      (await faults('POST', { rules: [{ path: '/x', status: 503, resetAfterStore: true }] }))
        .status,
    ).toBe(400);
    // A rule with times 0 is dropped at once.
    expect(
      (
        (await (
          await faults('POST', { rules: [{ path: '/channel', times: 0, status: 503 }] })
        ).json()) as { rules: unknown[] }
      ).rules,
    ).toEqual([]);
  });

  it('is out of reach below /api/v1', async () => {
    expect((await api.get('/__faults')).status).toBe(404);
  });
});
