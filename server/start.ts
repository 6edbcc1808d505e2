import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { isLoopbackHost, type Env } from './env';
import { setUpUpstream, type UpstreamSetup } from './upstream-setup';

export interface RunningServer {
  url: string;
  port: number;
  setup: UpstreamSetup;
  close(): Promise<void>;
}

export const DIST_DIR = resolve(import.meta.dirname, '..', 'dist');

/** Builds the app with Vite when `dist/` is missing, so `npm start` works on a fresh clone. */
export async function ensureBuilt(log: (line: string) => void): Promise<void> {
  if (existsSync(resolve(DIST_DIR, 'index.html'))) return;
  log('Building the app (first start)...');
  const { build } = await import('vite');
  await build({ root: resolve(import.meta.dirname, '..'), logLevel: 'warn' });
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
  if (!isLoopbackHost(env.HOST)) {
    log(
      `Warning: HOST=${env.HOST} is not a loopback address. Anyone who can reach it can send messages with this server's key.`,
    );
  }
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
