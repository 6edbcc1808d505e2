/**
 * The npm registry reachable here does not serve every platform build of a few native
 * packages (Tailwind's oxide, the TypeScript resolver's bindings), so `npm install` leaves them
 * out of package-lock.json and `npm ci` then refuses the lock as out of sync. This adds the
 * missing optional platform entries with their `os`/`cpu`/`libc`, which `npm ci` skips on other
 * platforms without fetching. Run it after changing dependencies: `npm run lockfile:complete`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;
const platform =
  /-(android|darwin|freebsd|linux|openharmony|win32|wasm32)-?([a-z0-9]*)-?([a-z0-9]*)$/;
const added = [];

for (const meta of Object.values(packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const match = platform.exec(name);
    if (packages[key] || !match) continue;
    const [, os, cpu, abi] = match;
    const entry = { version, optional: true };
    if (os === 'wasm32') entry.cpu = ['wasm32'];
    else {
      entry.os = [os];
      entry.cpu = [cpu];
      if (abi.includes('musl')) entry.libc = ['musl'];
      else if (abi.includes('gnu')) entry.libc = ['glibc'];
    }
    packages[key] = entry;
    added.push(name);
  }
}

lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) =>
    a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  ),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  added.length
    ? `Added ${added.length} platform entries: ${added.join(', ')}`
    : 'The lock file is complete.',
);
