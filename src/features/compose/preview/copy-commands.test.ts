import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SendMessageRequest } from '../../../../schemas/send-message';
import { proxySendUrl, toCurl, toFetch } from './copy-commands';

const URL_ = 'http://127.0.0.1:5173/api/send_message';

const request: SendMessageRequest = {
  id: '7d2c1b0a-9e8f-4a6b-8c5d-3e2f1a0b9c8d',
  from: 'c0000000-0000-4000-8000-000000000003',
  to: [{ handle: '+4915123456789', country_codes: ['DE'], full_name: 'O\'Brien "Jo"' }],
  // Everything a shell or a JavaScript parser could trip over.
  text: 'Kosten: $HOME `date` $(rm -rf /) \\n \'single\' "double" ${x}\nJSON\nZeile 2 \u2028 😀',
  actions: [{ type: 'quick_reply', text: 'Ja' }],
  content: { nested: { list: [1, 2.5, null, true], empty: {} } },
};

/** The body of the heredoc as the text states it, without a shell. */
function heredocBody(command: string): string {
  const lines = command.split('\n');
  const start = lines.findIndex((line) => /<<'([A-Z_]+)'$/.test(line));
  const delimiter = /<<'([A-Z_]+)'$/.exec(lines[start] ?? '')?.[1];
  const end = lines.findIndex((line, index) => index > start && line === delimiter);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return lines.slice(start + 1, end).join('\n');
}

/** Runs the command in bash with `curl` replaced by a function: its arguments and its stdin. */
function runInBash(command: string, key = 'test-key-123'): { args: string[]; stdin: string } {
  const script = `curl() { printf '%s\\0' "$@" >&2; cat; }\n${command}\n`;
  const result = spawnSync('bash', ['--noprofile', '--norc', '-c', script], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', MATEO_API_KEY: key, HOME: '/nonexistent' },
    encoding: 'utf8',
  });
  expect(result.status).toBe(0);
  return { args: result.stderr.split('\0').filter(Boolean), stdin: result.stdout };
}

interface Captured {
  url: string;
  init: { method: string; headers: Record<string, string>; body: string };
}

/** Runs the fetch snippet with a stand-in fetch and returns what it would send. */
async function runFetchSnippet(code: string, key = 'test-key-123'): Promise<Captured> {
  const captured: Captured[] = [];
  const fakeFetch = (url: string, init: Captured['init']) => {
    captured.push({ url, init });
    return Promise.resolve({ status: 200, text: () => Promise.resolve('{}') });
  };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<void>;
  const run = new AsyncFunction('fetch', 'process', 'console', code);
  await run(fakeFetch, { env: { MATEO_API_KEY: key } }, { log: () => {} });
  expect(captured).toHaveLength(1);
  return captured[0] as Captured;
}

describe('proxySendUrl', () => {
  it('targets the proxy on the page origin', () => {
    expect(proxySendUrl('http://127.0.0.1:5173')).toBe(URL_);
    expect(proxySendUrl('https://composer.example.de/')).toBe(
      'https://composer.example.de/api/send_message',
    );
  });
});

describe('toCurl', () => {
  it('posts JSON to the URL with the key from the environment, never a literal key', () => {
    const command = toCurl(request, URL_);
    expect(command.split('\n').slice(0, 4)).toEqual([
      `curl -sS -X POST "${URL_}" \\`,
      '  -H "Content-Type: application/json" \\',
      '  -H "Authorization: Bearer $MATEO_API_KEY" \\',
      "  --data-binary @- <<'JSON'",
    ]);
    expect(command.endsWith('\nJSON')).toBe(true);
  });

  it('carries the body in the heredoc exactly: it parses back to the same request', () => {
    const command = toCurl(request, URL_);
    expect(JSON.parse(heredocBody(command))).toEqual(request);
    expect(heredocBody(command)).toBe(JSON.stringify(request, null, 2));
  });

  it('survives a real shell: bash hands curl the URL, the headers and the body unchanged', () => {
    const { args, stdin } = runInBash(toCurl(request, URL_));
    expect(args).toEqual([
      '-sS',
      '-X',
      'POST',
      URL_,
      '-H',
      'Content-Type: application/json',
      '-H',
      'Authorization: Bearer test-key-123',
      '--data-binary',
      '@-',
    ]);
    expect(JSON.parse(stdin)).toEqual(request);
  });

  it('quotes an unusual URL so the shell takes it literally', () => {
    const odd = "http://127.0.0.1:5173/api/send_message?x=$HOME&y='`!`'";
    const { args } = runInBash(toCurl(request, odd));
    expect(args[3]).toBe(odd);
  });

  it('round-trips any JSON body, through the text and through one bash run of them all', () => {
    const bodies = fc.sample(
      fc.record({
        text: fc.string({ unit: 'binary' }),
        content: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
      }),
      30,
    );
    const values = bodies.map((body): SendMessageRequest => ({ from: request.from, ...body }));
    const expected = values.map((value) => JSON.parse(JSON.stringify(value)) as unknown);
    const commands = values.map((value) => toCurl(value, URL_));
    commands.forEach((command, index) => {
      expect(JSON.parse(heredocBody(command))).toEqual(expected[index]);
    });
    // One shell for all: each stand-in curl prints its stdin and a NUL after it.
    const script = `curl() { cat; printf '\\0'; }\n${commands.join('\n')}\n`;
    const result = spawnSync('bash', ['--noprofile', '--norc', '-c', script], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', MATEO_API_KEY: 'k' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    const received = result.stdout.split('\0').slice(0, -1);
    expect(received.map((body) => JSON.parse(body) as unknown)).toEqual(expected);
  });
});

describe('toFetch', () => {
  it('reads the key from process.env and posts the same JSON', async () => {
    const code = toFetch(request, URL_);
    expect(code).toContain('Bearer ${process.env.MATEO_API_KEY}');
    expect(code).not.toContain('test-key-123');
    const { url, init } = await runFetchSnippet(code);
    expect(url).toBe(URL_);
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({
      'Content-Type': 'application/json',
      Authorization: 'Bearer test-key-123',
    });
    expect(JSON.parse(init.body)).toEqual(request);
  });

  it('keeps a "__proto__" key as data, where an object literal would drop it', async () => {
    const hostile = JSON.parse(
      '{"from":"c0000000-0000-4000-8000-000000000003","content":{"__proto__":{"polluted":true}}}',
    ) as SendMessageRequest;
    const { init } = await runFetchSnippet(toFetch(hostile, URL_));
    expect(init.body).toBe(JSON.stringify(hostile));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('round-trips any JSON body', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary' }),
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
        async (text, content) => {
          const value: SendMessageRequest = { from: request.from, text, content };
          const { init } = await runFetchSnippet(toFetch(value, URL_));
          expect(JSON.parse(init.body)).toEqual(JSON.parse(JSON.stringify(value)));
        },
      ),
      { numRuns: 100 },
    );
  });
});
