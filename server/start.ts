import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { buildState } from './build-freshness';
import { PROJECT_ROOT } from './dot-env';
import { hostWarning, type Env } from './env';
import { setUpUpstream, type UpstreamSetup } from './upstream-setup';

export interface RunningServer {
  url: string;
  port: number;
  setup: UpstreamSetup;
  close(): Promise<void>;
}

export const DIST_DIR = resolve(PROJECT_ROOT, 'dist');

/**
 * Builds the app with Vite when `dist/` is missing (a fresh clone) or older than its sources (after
 * a `git pull` or an edit), so `npm start` never serves an app that no longer matches the code.
 */
export async function ensureBuilt(log: (line: string) => void): Promise<void> {
  const state = buildState(PROJECT_ROOT);
  if (state === 'current') return;
  log(
    state === 'missing'
      ? 'Building the app (first start)...'
      : 'Building the app (its sources changed since the last build)...',
  );
  const { build } = await import('vite');
  await build({ root: PROJECT_ROOT, logLevel: 'warn' });
}

export function allowedHostsFor(env: Env, port: number): string[] {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  hosts.add(`${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${port}`);
  for (const extra of env.ALLOWED_HOSTS) hosts.add(extra);
  return [...hosts];
}

/** Starts the production server: proxy on `/api`, the built app elsewhere. */
export async function startServer(
  env: Env,
  { log = console.log, build = true }: { log?: (line: string) => void; build?: boolean } = {},
): Promise<RunningServer> {
  if (build) await ensureBuilt(log);
  const setup = await setUpUpstream(env);
  const warning = hostWarning(env);
  if (warning) log(warning);
  // The port is known only after listening when PORT=0; hosts are checked per request.
  const hosts = new Set<string>();
  const app = createApp({
    upstream: setup.upstream,
    allowedHosts: hosts,
    staticRoot: DIST_DIR,
    connectOrigins: [setup.uploadOrigin],
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolvePromise, reject) => {
    const s = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, () =>
      resolvePromise(s),
    );
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  for (const host of allowedHostsFor(env, port)) hosts.add(host);
  const shownHost = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  const url = `http://${shownHost}:${port}`;
  log(`Mateo Composer on ${url}, sending through ${setup.description}`);
  return {
    url,
    port,
    setup,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await setup.close();
    },
  };
}
