import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const KEY = 'mk_live_never_in_the_bundle_7f3a9c';
const outDir = mkdtempSync(join(tmpdir(), 'mateo-dist-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

it('a build made with MATEO_API_KEY in the environment contains no trace of it', async () => {
  const { build } = await import('vite');
  const previous = process.env.MATEO_API_KEY;
  process.env.MATEO_API_KEY = KEY;
  try {
    await build({
      root: resolve(import.meta.dirname, '..'),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (previous === undefined) delete process.env.MATEO_API_KEY;
    else process.env.MATEO_API_KEY = previous;
  }
  const built = files(outDir);
  expect(built.some((file) => file.endsWith('.js'))).toBe(true);
  const leaks = built.filter((file) => readFileSync(file).includes(KEY));
  expect(leaks).toEqual([]);
}, 120_000);
