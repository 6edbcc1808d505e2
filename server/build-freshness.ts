import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the built app in `dist/` is made from, relative to the project root. A folder counts with
 * everything in it, and with its own time too: deleting a file changes only the folder's.
 */
export const BUILD_INPUTS = [
  'index.html',
  'package.json',
  'package-lock.json',
  'vite.config.ts',
  'src',
  'schemas',
  'public',
];

export type BuildState = 'missing' | 'stale' | 'current';

/** Modification time in ms, or `undefined` when the path does not exist (an optional input). */
function mtimeOf(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * Whether `path` (a file, or a folder and everything in it) changed after `since`. Stops at the
 * first newer entry, so a stale build is usually found within a few calls to stat.
 */
function changedSince(path: string, since: number): boolean {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return false;
  }
  if (stats.mtimeMs > since) return true;
  if (!stats.isDirectory()) return false;
  return readdirSync(path).some((name) => changedSince(join(path, name), since));
}

/**
 * Whether `<root>/dist/index.html` exists and is newer than every build input, so that
 * `npm start` after a `git pull` or an edit does not serve the old app.
 */
export function buildState(root: string): BuildState {
  const builtAt = mtimeOf(join(root, 'dist', 'index.html'));
  if (builtAt === undefined) return 'missing';
  return BUILD_INPUTS.some((input) => changedSince(join(root, input), builtAt))
    ? 'stale'
    : 'current';
}
