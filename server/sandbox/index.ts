import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadDotEnv } from '../dot-env';
import { EnvError, EnvSchema } from '../env';
import { startSandboxServer } from './server';

/**
 * `npm run sandbox`: the Mateo sandbox on its own (SANDBOX_PORT, SANDBOX_DATA_DIR), for
 * integrators who want a local Mateo. `npm run sandbox:reset`: deletes its data, so the next
 * start seeds afresh.
 */

try {
  loadDotEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const parsed = EnvSchema.pick({ SANDBOX_PORT: true, SANDBOX_DATA_DIR: true }).safeParse(
  process.env,
);
if (!parsed.success) {
  for (const issue of parsed.error.issues)
    console.error(`${issue.path.join('.')}: ${issue.message}`);
  process.exit(1);
}
const { SANDBOX_PORT: port, SANDBOX_DATA_DIR: dataDirSetting } = parsed.data;
const dataDir = dataDirSetting === ':memory:' ? null : resolve(dataDirSetting);

/** Deletes the data folder, but only when it holds a PGlite database (or nothing). */
async function reset(dir: string): Promise<void> {
  if (!existsSync(dir)) {
    console.log(`Nothing to reset: ${dir} does not exist. The next start seeds fresh data.`);
    return;
  }
  const entries = await readdir(dir);
  if (entries.length > 0 && !existsSync(join(dir, 'PG_VERSION'))) {
    console.error(
      `Refusing to delete ${dir}: it does not look like a sandbox database (no PG_VERSION).`,
    );
    process.exit(1);
  }
  await rm(dir, { recursive: true, force: true });
  console.log(`Deleted the sandbox data in ${dir}. The next start seeds fresh data.`);
}

if (process.argv.includes('--reset')) {
  if (dataDir === null) console.log('SANDBOX_DATA_DIR is :memory:; there is nothing to delete.');
  else await reset(dataDir);
  process.exit(0);
}

const server = await startSandboxServer({ port, dataDir });
console.log(`Mateo sandbox on ${server.url}`);
console.log('Any Authorization: Bearer <token> is accepted (401 without one, 403 when malformed).');
console.log(`Data: ${dataDir ?? 'in memory'}. Faults for tests: ${server.origin}/__faults`);
const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
