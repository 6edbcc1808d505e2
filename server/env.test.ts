import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, hostWarning, parseEnv } from './env';

/** The problems `parseEnv` reports for an environment, or `[]` when it is accepted. */
function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
}

describe('a bad environment value', () => {
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['SANDBOX_PORT', '-1'],
    ['MATEO_API_URL', 'not-a-url'],
    ['MATEO_API_URL', 'http://mateo.example/api/v1'],
    ['UPSTREAM_TIMEOUT_MS', 'soon'],
    ['UPSTREAM_FAILURES_BEFORE_PAUSE', '0'],
    ['UPSTREAM_PAUSE_MS', '1.5'],
    ['UPSTREAM_RATE_PER_SECOND', '0'],
  ])('%s=%s is refused with a message naming the variable', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^${name}: `))]);
    expect(new EnvError(problems).message).toContain(`- ${name}: `);
  });

  it('lists every bad variable at once', () => {
    const problems = problemsOf({ PORT: 'abc', MATEO_API_URL: 'not-a-url' });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'MATEO_API_URL',
      'PORT',
    ]);
  });

  it('accepts the defaults and plain http to a loopback Mateo', () => {
    expect(problemsOf({})).toEqual([]);
    expect(problemsOf({ MATEO_API_URL: 'http://127.0.0.1:5180/api/v1', PORT: '0' })).toEqual([]);
  });

  it('stops `npm start` with exit code 1 and the variable named, before listening', () => {
    const root = resolve(import.meta.dirname, '..');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', resolve(root, 'server/index.ts')],
      // A real PORT wins over any .env in the project, so this fails the same on every machine.
      { cwd: root, env: { ...process.env, PORT: 'abc' }, encoding: 'utf8', timeout: 30_000 },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Invalid environment');
    expect(run.stderr).toMatch(/- PORT: /);
    expect(run.stdout).not.toContain('Mateo Composer on');
  });
});

describe('the warning about HOST', () => {
  it.each(['0.0.0.0', '::', '192.168.1.20', 'composer.example'])(
    'warns when HOST=%s is not loopback',
    (host) => {
      const warning = hostWarning(parseEnv({ HOST: host }));
      expect(warning).toContain(`HOST=${host} is not a loopback address`);
      expect(warning).toContain("send messages with this server's key");
    },
  );

  it.each(['127.0.0.1', '127.8.9.10', 'localhost', '::1'])('says nothing for HOST=%s', (host) => {
    expect(hostWarning(parseEnv({ HOST: host }))).toBeUndefined();
  });

  it('says nothing for the default HOST', () => {
    expect(hostWarning(parseEnv({}))).toBeUndefined();
  });
});
