import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_BUDGETS, buildAndMeasure, type BundleSizes } from '../bench/bundle-size';

/**
 * The bundle budgets, on a fresh production build (deterministic, so here rather than in the
 * benchmarks): what the browser fetches before the app runs, all JS, the CSS, no chunk-size
 * warning, and the heavy parts outside the first load.
 */
let outDir: string;
let sizes: BundleSizes;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'mateo-bundle-'));
  sizes = await buildAndMeasure(outDir);
}, 180_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the production bundle', () => {
  it(`loads at most ${BUNDLE_BUDGETS.initialGzipKiB} KiB of JavaScript (gzip) before the app runs`, () => {
    expect(sizes.initialGzipKiB).toBeGreaterThan(0);
    expect(sizes.initialGzipKiB).toBeLessThanOrEqual(BUNDLE_BUDGETS.initialGzipKiB);
  });

  it(`has at most ${BUNDLE_BUDGETS.totalGzipKiB} KiB of JavaScript (gzip) in all, lazy parts included`, () => {
    expect(sizes.totalGzipKiB).toBeGreaterThan(sizes.initialGzipKiB);
    expect(sizes.totalGzipKiB).toBeLessThanOrEqual(BUNDLE_BUDGETS.totalGzipKiB);
  });

  it(`has at most ${BUNDLE_BUDGETS.cssGzipKiB} KiB of CSS and no chunk-size warning`, () => {
    expect(sizes.cssGzipKiB).toBeGreaterThan(0);
    expect(sizes.cssGzipKiB).toBeLessThanOrEqual(BUNDLE_BUDGETS.cssGzipKiB);
    expect(sizes.chunkSizeWarning).toBe(false);
  });

  it('builds the style sheet into the page, so the first paint waits for no second request', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<link\b[^>]*rel="stylesheet"/);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    // Tailwind's own rules and the app's: the whole sheet, not a fragment.
    expect(style).toContain('--tw-');
    expect(style).toMatch(/\.bg-slate-50\b/);
    expect(sizes.files.some((file) => file.file.endsWith('.css'))).toBe(false);
    // And no chunk asks for a sheet when it loads (a lazy part would fail to load).
    for (const file of sizes.files.filter((f) => f.file.endsWith('.js'))) {
      const code = readFileSync(join(outDir, file.file), 'utf8');
      expect(code.match(/assets\/[\w-]+\.css/g) ?? [], file.file).toEqual([]);
    }
  });

  it('keeps the rich editor, zod, the phone checks and the HTML sanitiser out of the first load', () => {
    const initial = sizes.files.filter((file) => file.initial);
    expect(initial.length).toBeGreaterThan(0);
    const firstLoad = initial
      .map((file) => readFileSync(join(outDir, file.file), 'utf8'))
      .join('\n');
    const everything = sizes.files
      .filter((file) => file.file.endsWith('.js'))
      .map((file) => readFileSync(join(outDir, file.file), 'utf8'))
      .join('\n');
    // A mark of each part that survives minification: each is in the build, none in the first load.
    for (const mark of ['ProseMirror', 'ZodError', 'INVALID_COUNTRY', 'DOMPurify']) {
      expect(everything, mark).toContain(mark);
      expect(firstLoad, mark).not.toContain(mark);
    }
  });

  it("makes no code at run time: the page's CSP allows no eval, and zod's small build needs none", () => {
    for (const file of sizes.files.filter((f) => f.file.endsWith('.js'))) {
      const code = readFileSync(join(outDir, file.file), 'utf8');
      expect(code.match(/\bFunction\s*\(|=\s*Function\b|\beval\s*\(/g) ?? [], file.file).toEqual(
        [],
      );
    }
  });
});
