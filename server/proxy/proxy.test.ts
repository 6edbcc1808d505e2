import { format } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiErrorSchema } from '../../schemas/api-error';
import { parseEnv } from '../env';
import { startServer } from '../start';
import {
  rawRequest,
  serveProxy,
  startStub,
  type RawAnswer,
  type StubHandler,
} from '../test-support';
import { createCircuitBreaker, type CircuitBreaker } from './circuit-breaker';

const KEY = 'mk_live_4f1c2a9e7b3d5a8c';
const CHANNEL = '2b0b2b8e-4c1a-4b7e-9f3a-1c2d3e4f5a6b';
const MESSAGE = '7d2c1b0a-9e8f-4a6b-8c5d-3e2f1a0b9c8d';
const validSend = JSON.stringify({
  from: CHANNEL,
  to: [{ handle: '+4915112345678' }],
  text: 'Hallo',
});

let answer: StubHandler = () => ({ status: 200, body: '[]' });
const stub = await startStub((seen) => answer(seen));

function proxyFor(
  options: { rate?: number; timeoutMs?: number; baseUrl?: string; breaker?: CircuitBreaker } = {},
) {
  return serveProxy(
    {
      baseUrl: options.baseUrl ?? stub.url,
      token: KEY,
      timeoutMs: options.timeoutMs ?? 2_000,
      breaker: options.breaker,
    },
    options.rate,
  );
}

/**
 * Everything the server writes to the console while these tests run (calls still go through),
 * checked after every test: the key must never be in a log line, whatever failed.
 */
const logged: string[] = [];
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  const original = console[method].bind(console);
  vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
    logged.push(format(...args));
    original(...args);
  });
}

/** The whole answer as the browser gets it (status, every header, body) holds no trace of the key. */
function expectNoKey(res: RawAnswer) {
  expect(JSON.stringify(res)).not.toContain(KEY);
}

const proxy = await proxyFor();
afterAll(async () => {
  await proxy.close();
  await stub.close();
  vi.restoreAllMocks();
});
afterEach(() => {
  stub.seen.length = 0;
  answer = () => ({ status: 200, body: '[]' });
  expect(logged.filter((line) => line.includes(KEY))).toEqual([]);
});

const json = { 'content-type': 'application/json' };

describe('token injection and header hygiene', () => {
  it('sends exactly the server key upstream and none of the client credentials', async () => {
    answer = () => ({
      status: 200,
      body: '{}',
      headers: {
        'set-cookie': 'session=upstream',
        'ratelimit-remaining': '1',
        'ratelimit-limit': '2',
        connection: 'close',
        'x-upstream-internal': 'secret',
      },
    });
    const res = await rawRequest(proxy.port, {
      method: 'POST',
      path: '/api/send_message',
      headers: {
        ...json,
        authorization: 'Bearer browser-token',
        cookie: 'sid=1',
        forwarded: 'for=1.2.3.4',
        'x-forwarded-for': '1.2.3.4',
        'x-forwarded-host': 'evil.example',
      },
      body: validSend,
    });
    expect(res.status).toBe(200);
    expect(stub.seen).toHaveLength(1);
    const seen = stub.seen[0]!;
    expect(seen.url).toBe('/send_message');
    expect(seen.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers.forwarded).toBeUndefined();
    expect(Object.keys(seen.headers).filter((h) => h.startsWith('x-forwarded'))).toEqual([]);
    expect(JSON.parse(seen.body)).toEqual(JSON.parse(validSend));
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['x-upstream-internal']).toBeUndefined();
    expect(res.headers['ratelimit-remaining']).toBe('1');
    expect(JSON.stringify(res)).not.toContain(KEY);
  });

  it('never prints the key when the server starts against live Mateo', async () => {
    const lines: string[] = [];
    const server = await startServer(
      parseEnv({ PORT: '0', MATEO_API_KEY: KEY, MATEO_API_URL: stub.url }),
      { log: (line) => lines.push(line), build: false },
    );
    try {
      const res = await fetch(`${server.url}/api/channel?select=id,name`);
      expect(res.status).toBe(200);
      expect(stub.seen.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(lines.join('\n')).toContain(stub.url);
      expect(lines.join('\n')).not.toContain(KEY);
    } finally {
      await server.close();
    }
  });

  it('shows the Authorization as Bearer *** in the start line, on the console too', async () => {
    const from = logged.length;
    const server = await startServer(
      parseEnv({ PORT: '0', MATEO_API_KEY: KEY, MATEO_API_URL: stub.url }),
      { build: false },
    );
    try {
      const started = logged.slice(from).find((line) => line.startsWith('Mateo Composer on'));
      expect(started).toContain(`sending through Mateo at ${stub.url}`);
      expect(started).toContain('Authorization: Bearer ***');
      expect(started).not.toContain(KEY);
    } finally {
      await server.close();
    }
  });
});

describe('refused before any upstream I/O', () => {
  const cases: [string, Parameters<typeof rawRequest>[1], number][] = [
    [
      'a foreign Host (DNS rebinding)',
      { path: '/api/channel', headers: { host: 'evil.example:80' } },
      403,
    ],
    [
      'a cross-site POST as text/plain',
      {
        method: 'POST',
        path: '/api/send_message',
        headers: {
          'content-type': 'text/plain',
          origin: 'https://evil.example',
          'sec-fetch-site': 'cross-site',
        },
        body: validSend,
      },
      403,
    ],
    [
      'a same-origin POST as text/plain',
      {
        method: 'POST',
        path: '/api/send_message',
        headers: { 'content-type': 'text/plain' },
        body: validSend,
      },
      415,
    ],
    [
      'a form-encoded POST',
      {
        method: 'POST',
        path: '/api/send_message',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'from=x',
      },
      415,
    ],
    [
      'a JSON POST from another site',
      {
        method: 'POST',
        path: '/api/send_message',
        headers: { ...json, origin: 'http://localhost:3000' },
        body: validSend,
      },
      403,
    ],
    [
      'Sec-Fetch-Site: same-site',
      { path: '/api/channel', headers: { 'sec-fetch-site': 'same-site' } },
      403,
    ],
    ['a dot-dot path', { path: '/api/../api/channel' }, 400],
    ['an encoded dot-dot path', { path: '/api/%2e%2e/admin' }, 400],
    ['an encoded slash', { path: '/api/storage/upload/sign/media_library/a%2F..%2Fb' }, 400],
    ['a double slash', { path: '/api//evil.example/channel' }, 400],
    ['an encoded backslash', { path: '/api/%5cchannel' }, 400],
    ['an absolute-form target', { path: 'http://evil.example/api/channel' }, 400],
    [
      'PATCH /send_message',
      { method: 'PATCH', path: '/api/send_message', headers: json, body: '{}' },
      404,
    ],
    ['PUT /channel', { method: 'PUT', path: '/api/channel', headers: json, body: '{}' }, 404],
    ['DELETE /channel', { method: 'DELETE', path: '/api/channel' }, 404],
    ['GET /send_message', { path: '/api/send_message' }, 404],
    ['OPTIONS /send_message', { method: 'OPTIONS', path: '/api/send_message' }, 404],
    [
      'GET /storage/upload/sign/media_library/<path>',
      { path: '/api/storage/upload/sign/media_library/a.png' },
      404,
    ],
    ['GET /contact_details', { path: '/api/contact_details' }, 404],
    ['an unknown route', { path: '/api/webhook' }, 404],
    [
      'DELETE /message by status',
      { method: 'DELETE', path: '/api/message?status=eq.scheduled' },
      400,
    ],
    [
      'DELETE /message with an extra filter',
      { method: 'DELETE', path: `/api/message?id=eq.${MESSAGE}&select=id` },
      400,
    ],
    [
      'DELETE /message with in.()',
      { method: 'DELETE', path: `/api/message?id=in.(${MESSAGE})` },
      400,
    ],
    ['DELETE /message without a filter', { method: 'DELETE', path: '/api/message' }, 400],
    ['GET /message without an id filter', { path: '/api/message?status=eq.sent' }, 400],
    ['GET /channel with an unknown filter', { path: '/api/channel?organisation_id=eq.x' }, 400],
    ['GET /channel with a limit over 50', { path: '/api/channel?limit=51' }, 400],
    [
      'GET /contact with an injected or() term',
      { path: '/api/contact?or=(full_name.ilike.*a*,is_blocked.eq.true)' },
      400,
    ],
    [
      'a query name inherited by every object (constructor)',
      { path: '/api/channel?constructor=x' },
      400,
    ],
    [
      'a query name inherited by every object (__proto__)',
      { path: '/api/channel?__proto__=x' },
      400,
    ],
    [
      'a query name inherited by every object (toString)',
      { path: '/api/message?id=eq.7d2c1b0a-9e8f-4a6b-8c5d-3e2f1a0b9c8d&toString=x' },
      400,
    ],
    ['a repeated parameter', { path: '/api/channel?limit=1&limit=2' }, 400],
    [
      'a 2 MiB body',
      {
        method: 'POST',
        path: '/api/send_message',
        headers: json,
        body: 'x'.repeat(2 * 1024 * 1024),
      },
      413,
    ],
    [
      'malformed JSON',
      { method: 'POST', path: '/api/send_message', headers: json, body: '{"from":' },
      400,
    ],
    [
      'a schema-invalid body',
      {
        method: 'POST',
        path: '/api/send_message',
        headers: json,
        body: JSON.stringify({ from: 'not-a-uuid', to: 'x' }),
      },
      400,
    ],
    [
      'a media path with dot segments',
      {
        method: 'POST',
        path: '/api/storage/upload/sign/media_library/../secret',
        headers: json,
        body: '{}',
      },
      400,
    ],
  ];

  it.each(cases)('%s', async (_name, request, status) => {
    const res = await rawRequest(proxy.port, request);
    expect(res.status).toBe(status);
    expect(stub.seen).toEqual([]);
    expect(ApiErrorSchema.safeParse(JSON.parse(res.body)).success).toBe(true);
    expectNoKey(res);
  });

  it('answers a method the allowlist does not name like an unknown path: 404 not_found', async () => {
    const wrongMethod = await rawRequest(proxy.port, {
      method: 'PATCH',
      path: '/api/send_message',
      headers: json,
      body: validSend,
    });
    const unknownPath = await rawRequest(proxy.port, { path: '/api/webhook' });
    for (const res of [wrongMethod, unknownPath]) {
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe('application/json');
      expect(JSON.parse(res.body)).toMatchObject({ code: 'not_found', statusCode: 404 });
    }
    expect(stub.seen).toEqual([]);
  });

  it('a backslash in the target is refused by the HTTP parser itself', async () => {
    const res = await rawRequest(proxy.port, { path: '/api\\channel' });
    expect(res.status).toBe(400);
    expect(stub.seen).toEqual([]);
  });

  it('names each schema issue with its path', async () => {
    const res = await rawRequest(proxy.port, {
      method: 'POST',
      path: '/api/send_message',
      headers: json,
      body: JSON.stringify({
        from: CHANNEL,
        send_after: '2026-03-01 09:00',
        actions: [{ text: 'Ja' }],
      }),
    });
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body) as { issues: { path: string; message: string }[] };
    expect(body.issues.map((i) => i.path).sort()).toEqual(['actions.0.type', 'send_after']);
    expect(stub.seen).toEqual([]);
    expectNoKey(res);
  });

  it('forwards allowed list queries rebuilt from the checked parameters', async () => {
    const res = await rawRequest(proxy.port, {
      path: '/api/contact?select=id,full_name,whatsapp&or=(full_name.ilike.*m%C3%BCller*,whatsapp.ilike.*491*)&limit=20',
    });
    expect(res.status).toBe(200);
    expect(decodeURIComponent(stub.seen[0]!.url)).toBe(
      '/contact?select=id,full_name,whatsapp&or=(full_name.ilike.*müller*,whatsapp.ilike.*491*)&limit=20',
    );
  });
});

describe('upstream failures', () => {
  it('passes a 429 with Retry-After and rate-limit headers on, in the error shape', async () => {
    answer = () => ({
      status: 429,
      headers: { 'retry-after': '2', 'ratelimit-remaining': '0' },
      body: JSON.stringify({ code: '429', message: 'Too many requests', status: 429 }),
    });
    const res = await rawRequest(proxy.port, { path: '/api/channel' });
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('2');
    expect(res.headers['ratelimit-remaining']).toBe('0');
    expect(JSON.parse(res.body)).toEqual({
      code: '429',
      message: 'Too many requests',
      statusCode: 429,
    });
    expectNoKey(res);
  });

  it('normalises a non-JSON upstream error', async () => {
    answer = () => ({
      status: 500,
      headers: { 'content-type': 'text/html' },
      body: '<h1>Oops</h1>',
    });
    const res = await rawRequest(proxy.port, { path: '/api/channel' });
    expect(res.status).toBe(500);
    expect(JSON.parse(res.body)).toEqual({
      code: 'upstream_500',
      message: '<h1>Oops</h1>',
      statusCode: 500,
    });
    expectNoKey(res);
  });

  it('answers 504 when the upstream does not answer in time', async () => {
    const slow = await proxyFor({ timeoutMs: 300 });
    answer = () => 'hang';
    try {
      const res = await rawRequest(slow.port, { path: '/api/channel' });
      expect(res.status).toBe(504);
      expect(JSON.parse(res.body)).toMatchObject({ code: 'upstream_timeout', statusCode: 504 });
      expectNoKey(res);
    } finally {
      await slow.close();
    }
  });

  it('answers 502 when the upstream is down', async () => {
    const down = await proxyFor({ baseUrl: 'http://127.0.0.1:9' });
    try {
      const res = await rawRequest(down.port, { path: '/api/channel' });
      expect(res.status).toBe(502);
      expect(JSON.parse(res.body)).toMatchObject({ code: 'upstream_unreachable', statusCode: 502 });
      expectNoKey(res);
    } finally {
      await down.close();
    }
  });
});

describe('cancelling a scheduled message', () => {
  it('reads the message and deletes it only when it is scheduled', async () => {
    answer = (seen) =>
      seen.method === 'GET'
        ? { status: 200, body: JSON.stringify([{ id: MESSAGE, status: 'scheduled' }]) }
        : { status: 200, body: JSON.stringify([{ id: MESSAGE, status: 'scheduled' }]) };
    const res = await rawRequest(proxy.port, {
      method: 'DELETE',
      path: `/api/message?id=eq.${MESSAGE}`,
    });
    expect(res.status).toBe(200);
    expect(stub.seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      `GET /message?id=eq.${MESSAGE}&select=id,status`,
      `DELETE /message?id=eq.${MESSAGE}`,
    ]);
  });

  it('refuses to delete a message that was already sent', async () => {
    answer = () => ({ status: 200, body: JSON.stringify([{ id: MESSAGE, status: 'sent' }]) });
    const res = await rawRequest(proxy.port, {
      method: 'DELETE',
      path: `/api/message?id=eq.${MESSAGE}`,
    });
    expect(res.status).toBe(409);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'not_scheduled' });
    expect(stub.seen.map((s) => s.method)).toEqual(['GET']);
  });
});

describe('pacing', () => {
  let paced: Awaited<ReturnType<typeof proxyFor>>;
  beforeAll(async () => {
    paced = await proxyFor({ rate: 2 });
  });
  afterAll(() => paced.close());

  it('lets a burst of 20 sends reach the upstream at no more than 2 per second', async () => {
    answer = () => ({ status: 200, body: '{}' });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        rawRequest(paced.port, {
          method: 'POST',
          path: '/api/send_message',
          headers: json,
          body: validSend,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const times = stub.seen.map((s) => s.at).sort((a, b) => a - b);
    expect(times).toHaveLength(20);
    // In any window of 1,000 ms, at most two requests started.
    for (let i = 2; i < times.length; i++) {
      expect(times[i]! - times[i - 2]!).toBeGreaterThanOrEqual(1000);
    }
  }, 20_000);
});

describe('circuit breaker', () => {
  it('after repeated upstream failures fails fast with a clear 503, then tries again after the pause', async () => {
    const guarded = await proxyFor({
      breaker: createCircuitBreaker({ threshold: 3, pauseMs: 400 }),
    });
    try {
      answer = () => ({
        status: 503,
        body: JSON.stringify({ code: '503', message: 'down', statusCode: 503 }),
      });
      for (let i = 0; i < 3; i++) {
        expect((await rawRequest(guarded.port, { path: '/api/channel' })).status).toBe(503);
      }
      expect(stub.seen).toHaveLength(3);
      const fast = await rawRequest(guarded.port, { path: '/api/channel' });
      expect(fast.status).toBe(503);
      expect(JSON.parse(fast.body)).toMatchObject({ code: 'upstream_paused', statusCode: 503 });
      expect(JSON.parse(fast.body).message).toContain('failed 3 times in a row');
      expect(Number(fast.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expectNoKey(fast);
      expect(stub.seen).toHaveLength(3);

      await new Promise((resolve) => setTimeout(resolve, 450));
      answer = () => ({ status: 200, body: '[]' });
      expect((await rawRequest(guarded.port, { path: '/api/channel' })).status).toBe(200);
      expect((await rawRequest(guarded.port, { path: '/api/channel' })).status).toBe(200);
      expect(stub.seen).toHaveLength(5);
    } finally {
      await guarded.close();
    }
  });

  it('does not count answers such as 400 or 429 as failures', async () => {
    const guarded = await proxyFor({
      breaker: createCircuitBreaker({ threshold: 2, pauseMs: 10_000 }),
    });
    try {
      answer = () => ({
        status: 429,
        headers: { 'retry-after': '1' },
        body: '{"code":"429","message":"slow","status":429}',
      });
      for (let i = 0; i < 4; i++) {
        expect((await rawRequest(guarded.port, { path: '/api/channel' })).status).toBe(429);
      }
      expect(stub.seen).toHaveLength(4);
    } finally {
      await guarded.close();
    }
  });
});
