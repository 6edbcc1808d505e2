/**
 * Bundle sizes of a production build, shared by `npm run bench` and the bundle budget test.
 *
 * - first load: the entry script of `index.html` and every `<link rel="modulepreload">` it
 *   lists, i.e. all JavaScript the browser fetches before the app can run;
 * - total: every `.js` file the build wrote;
 * - CSS: every `.css` file and every `<style>` element of `index.html` (the entry's sheet is
 *   built into the page).
 *
 * Each file is gzipped on its own with zlib level 9 (what a static server with gzip sends);
 * KiB = 1,024 bytes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const ROOT = resolve(import.meta.dirname, '..');

export const BUNDLE_BUDGETS = {
  initialGzipKiB: 150,
  totalGzipKiB: 300,
  cssGzipKiB: 15,
} as const;

export interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
  initial: boolean;
}

export interface BundleSizes {
  initialGzipKiB: number;
  totalGzipKiB: number;
  cssGzipKiB: number;
  /** Vite printed "Some chunks are larger than 500 kB after minification". */
  chunkSizeWarning: boolean;
  files: BundleFile[];
}

const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

function listFiles(dir: string, base = ''): string[] {
  return readdirSync(join(dir, base), { withFileTypes: true }).flatMap((entry) => {
    const path = base ? `${base}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(dir, path) : [path];
  });
}

/** The entry and modulepreload URLs of a built `index.html`, as paths inside the out dir. */
export function initialScripts(html: string): string[] {
  const urls = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isEntry = /^<script\b/.test(tag) && /\btype="module"/.test(tag);
    const isPreload = /^<link\b/.test(tag) && /\brel="modulepreload"/.test(tag);
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if ((isEntry || isPreload) && url && !/^[a-z]+:/i.test(url)) urls.add(url.replace(/^\//, ''));
  }
  return [...urls];
}

/** Sizes of an existing build in `outDir`. */
/** The `<style>` elements of a built `index.html`, as pseudo files `index.html#style1`, …. */
export function inlineStyles(html: string): { file: string; content: Buffer }[] {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((match, i) => ({
    file: `index.html#style${i + 1}`,
    content: Buffer.from(match[1] ?? ''),
  }));
}

export function measureBundle(outDir: string, chunkSizeWarning = false): BundleSizes {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const initial = new Set(initialScripts(html));
  const sized = (file: string, content: Buffer): BundleFile => ({
    file,
    bytes: content.length,
    gzipBytes: gzipSync(content, { level: 9 }).length,
    initial: initial.has(file),
  });
  const files = listFiles(outDir)
    .filter((file) => file.endsWith('.js') || file.endsWith('.css'))
    .map((file) => sized(file, readFileSync(join(outDir, file))))
    .concat(inlineStyles(html).map(({ file, content }) => sized(file, content)))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  for (const file of initial) {
    if (!files.some((f) => f.file === file)) throw new Error(`index.html loads ${file}, not built`);
  }
  const sum = (list: BundleFile[]) => list.reduce((n, f) => n + f.gzipBytes, 0);
  const js = files.filter((f) => f.file.endsWith('.js'));
  return {
    initialGzipKiB: kib(sum(js.filter((f) => f.initial))),
    totalGzipKiB: kib(sum(js)),
    cssGzipKiB: kib(sum(files.filter((f) => /\.css$|#style\d+$/.test(f.file)))),
    chunkSizeWarning,
    files,
  };
}

/**
 * A fresh production build into `outDir` (the app's own Vite config), then its sizes. Vite's
 * warnings are collected, so a chunk-size warning is seen as well.
 */
export async function buildAndMeasure(
  outDir: string,
  chunkSizeWarningLimit?: number,
): Promise<BundleSizes & { warnings: string[] }> {
  const { build, createLogger } = await import('vite');
  const logger = createLogger('warn', { allowClearScreen: false });
  const warnings: string[] = [];
  const warn = logger.warn.bind(logger);
  logger.warn = (message, options) => {
    warnings.push(message);
    // The config loader's notes about import extensions are not about the bundle.
    if (!/configLoader|without a file extension/.test(message)) warn(message, options);
  };
  logger.warnOnce = logger.warn;
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      mode: 'production',
      root: ROOT,
      logLevel: 'warn',
      customLogger: logger,
      build: {
        outDir,
        emptyOutDir: true,
        ...(chunkSizeWarningLimit ? { chunkSizeWarningLimit } : {}),
      },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const chunkSizeWarning = warnings.some((w) => /larger than \d+ kB after minification/.test(w));
  return { ...measureBundle(outDir, chunkSizeWarning), warnings };
}
