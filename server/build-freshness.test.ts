import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildState } from './build-freshness';

// Fixed times in the past: a folder created during a test gets the current time, later than all.
const BEFORE = new Date('2020-02-28T09:00:00Z');
const BUILT_AT = new Date('2020-03-01T09:00:00Z');
const AFTER = new Date('2020-03-02T09:00:00Z');

let root: string;

/** Writes a file (making its folders) with the modification time `at`. */
function put(path: string, at: Date) {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, path);
  utimesSync(full, at, at);
}

function touch(path: string, at: Date) {
  utimesSync(join(root, path), at, at);
}

/** A project whose sources all date from before the build. */
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mateo-build-'));
  put('index.html', BEFORE);
  put('package.json', BEFORE);
  put('vite.config.ts', BEFORE);
  put('src/main.tsx', BEFORE);
  put('src/features/compose/compose-page.tsx', BEFORE);
  put('src/features/sent/history.tsx', BEFORE);
  put('schemas/send-message.ts', BEFORE);
  for (const folder of [
    'src/features/compose',
    'src/features/sent',
    'src/features',
    'src',
    'schemas',
  ])
    touch(folder, BEFORE);
  put('dist/index.html', BUILT_AT);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('whether npm start must build first', () => {
  it('builds when there is no build yet', () => {
    rmSync(join(root, 'dist'), { recursive: true });
    expect(buildState(root)).toBe('missing');
  });

  it('keeps a build newer than every source (public/ and the lock file may be absent)', () => {
    expect(buildState(root)).toBe('current');
  });

  it.each([
    'index.html',
    'package.json',
    'vite.config.ts',
    'schemas/send-message.ts',
    'src/features/compose/compose-page.tsx',
  ])('rebuilds when %s changed after the build', (path) => {
    touch(path, AFTER);
    expect(buildState(root)).toBe('stale');
  });

  it('rebuilds when a file was added, even with an old time (as a pull or copy may give it)', () => {
    put('public/favicon.svg', BEFORE);
    // Creating public/ and its file stamped the folder with the current time.
    expect(buildState(root)).toBe('stale');
  });

  it('rebuilds when a source file was deleted', () => {
    rmSync(join(root, 'src/features/sent/history.tsx'));
    expect(buildState(root)).toBe('stale');
  });

  it('ignores files outside the build inputs', () => {
    put('e2e/compose.spec.ts', AFTER);
    put('server/index.ts', AFTER);
    put('README.md', AFTER);
    expect(buildState(root)).toBe('current');
  });
});
