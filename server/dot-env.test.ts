import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv as parseEnvText } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { envFileProblems, loadDotEnv, PROJECT_ROOT } from './dot-env';
import { EnvError, parseEnv } from './env';

// Names no one sets, so the test neither reads nor clobbers a real setting.
const FROM_FILE = 'MATEO_DOTENV_TEST_FROM_FILE';
const SET_IN_BOTH = 'MATEO_DOTENV_TEST_SET_IN_BOTH';
const KEY = 'mk_live_dotenv_5e8a1c3b';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mateo-dotenv-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  delete process.env[FROM_FILE];
  delete process.env[SET_IN_BOTH];
});

function writeEnv(text: string) {
  writeFileSync(join(dir, '.env'), text);
}

function loadError(): EnvError {
  try {
    loadDotEnv(dir);
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error('expected loadDotEnv to refuse the file');
}

describe('loading .env', () => {
  it('fills in what the environment does not set, and the real environment wins', () => {
    process.env[SET_IN_BOTH] = 'from the shell';
    writeEnv(`# settings\n${FROM_FILE}=from the file\n${SET_IN_BOTH}=from the file\n`);
    expect(loadDotEnv(dir)).toBe('loaded');
    expect(process.env[FROM_FILE]).toBe('from the file');
    expect(process.env[SET_IN_BOTH]).toBe('from the shell');
  });

  it('leaves a variable the environment sets empty as it is', () => {
    process.env[SET_IN_BOTH] = '';
    writeEnv(`${SET_IN_BOTH}=from the file\n`);
    loadDotEnv(dir);
    expect(process.env[SET_IN_BOTH]).toBe('');
  });

  it('reads quotes, export, comments after values and values over several lines', () => {
    writeEnv(`export ${FROM_FILE}="first line\nsecond line" # note\n${SET_IN_BOTH}='x'\n`);
    loadDotEnv(dir);
    expect(process.env[FROM_FILE]).toBe('first line\nsecond line');
    expect(process.env[SET_IN_BOTH]).toBe('x');
  });

  it('is fine without a .env', () => {
    expect(loadDotEnv(dir)).toBe('missing');
    expect(process.env[FROM_FILE]).toBeUndefined();
  });

  it('refuses a malformed file, naming each bad line but never its text, and loads nothing', () => {
    writeEnv(`${FROM_FILE}=ok\nMATEO_API_KEY ${KEY}\n\n# fine\n${SET_IN_BOTH}="never closed\n`);
    const error = loadError();
    expect(error.problems).toEqual([
      expect.stringMatching(/\.env line 2: expected NAME=value/),
      expect.stringMatching(/\.env line 5: the value opens a " quote that is never closed/),
    ]);
    expect(error.message).toContain(join(dir, '.env'));
    expect(error.message).not.toContain(KEY);
    expect(process.env[FROM_FILE]).toBeUndefined();
  });

  it('says so when .env cannot be read', () => {
    mkdirSync(join(dir, '.env'));
    expect(loadError().problems).toEqual([
      expect.stringMatching(/\.env cannot be read \(EISDIR\)/),
    ]);
  });
});

describe('.env.example', () => {
  it('is a well-formed .env whose values the server accepts, so copying it is a good start', () => {
    const text = readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8');
    expect(envFileProblems(text)).toEqual([]);
    expect(() => parseEnv(parseEnvText(text))).not.toThrow();
  });
});
