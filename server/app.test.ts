import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from './app';
import { createPacer } from './proxy/pacer';
import { createUpstream, type Upstream } from './proxy/upstream';
import { rawRequest, serveApp, startStub, type RawAnswer } from './test-support';

const stub = await startStub(({ url }) =>
  url.startsWith('/template')
    ? { status: 503, body: '{"code":"down","message":"Mateo is down"}' }
    : { status: 200, body: '[]', headers: { 'ratelimit-remaining': '1' } },
);

const staticRoot = mkdtempSync(join(tmpdir(), 'mateo-app-'));
writeFileSync(join(staticRoot, 'index.html'), '<!doctype html><title>Mateo Composer</title>');
mkdirSync(join(staticRoot, 'assets'));
writeFileSync(join(staticRoot, 'assets', 'app.js'), 'export {};');

/** The whole server app, served on a loopback port, in front of `upstream`. */
async function serve(upstream: Upstream) {
  const hosts = new Set<string>();
  const served = await serveApp(
    createApp({ upstream, allowedHosts: hosts, staticRoot, connectOrigins: ['https:'] }),
  );
  hosts.add(`127.0.0.1:${served.port}`);
  return served;
}

const app = await serve(
  createUpstream({ baseUrl: stub.url, token: 'test-key', timeoutMs: 2_000 }, createPacer(1_000)),
);

afterAll(async () => {
  await app.close();
  await stub.close();
  rmSync(staticRoot, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

function expectSecurityHeaders(res: RawAnswer) {
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['x-frame-options']).toBe('DENY');
}

describe('headers on every answer', () => {
  it('gives every /api answer the security headers, and no page policy', async () => {
    const answers: [string, RawAnswer][] = [
      ['relayed', await rawRequest(app.port, { path: '/api/channel?limit=1' })],
      ['relayed upstream error', await rawRequest(app.port, { path: '/api/template' })],
      [
        'foreign host',
        await rawRequest(app.port, { path: '/api/channel', headers: { host: 'evil.example' } }),
      ],
      ['unknown route', await rawRequest(app.port, { path: '/api/webhook' })],
      ['dot segment', await rawRequest(app.port, { path: '/api/../api/channel' })],
      ['query not allowed', await rawRequest(app.port, { path: '/api/channel?limit=51' })],
    ];
    expect(answers.map(([name, res]) => [name, res.status])).toEqual([
      ['relayed', 200],
      ['relayed upstream error', 503],
      ['foreign host', 403],
      ['unknown route', 404],
      ['dot segment', 400],
      ['query not allowed', 400],
    ]);
    for (const [, res] of answers) {
      expectSecurityHeaders(res);
      expect(res.headers['content-security-policy']).toBeUndefined();
    }
    expect(answers[0]?.[1].headers['ratelimit-remaining']).toBe('1');
  });

  it('gives pages, assets and the bare /api path the security headers and the page policy', async () => {
    const answers = [
      await rawRequest(app.port, { path: '/' }),
      await rawRequest(app.port, { path: '/compose/new' }),
      await rawRequest(app.port, { path: '/assets/app.js' }),
      await rawRequest(app.port, { path: '/api' }),
      await rawRequest(app.port, { path: '/assets/../index.html' }),
    ];
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 404, 400]);
    expect(answers[1]?.body).toContain('<title>Mateo Composer</title>');
    expect(JSON.parse(answers[3]?.body ?? '')).toMatchObject({ code: 'not_found' });
    for (const res of answers) {
      expectSecurityHeaders(res);
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("connect-src 'self' https:");
    }
  });
});

describe('a fault of the proxy itself', () => {
  const faults: [string, Upstream][] = [
    [
      'thrown',
      {
        call: () => {
          throw new Error('fault before the call');
        },
      },
    ],
    ['rejected', { call: () => Promise.reject(new Error('fault during the call')) }],
  ];

  it.each(faults)('is a logged 500 with the security headers (%s)', async (_name, upstream) => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const faulty = await serve(upstream);
    try {
      const res = await rawRequest(faulty.port, { path: '/api/channel' });
      expect(res.status).toBe(500);
      expect(res.body).toBe('Internal Server Error');
      expectSecurityHeaders(res);
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ message: expect.stringMatching(/^fault/) }),
      );
    } finally {
      await faulty.close();
    }
  });
});
