import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { apiErrorBody } from '../../schemas/api-error';
import { API_PREFIX } from './app';
import { createSandbox, type Sandbox } from './sandbox';

export interface SandboxServerOptions {
  /** 127.0.0.1 when left out. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  dataDir: string | null;
  /** How often scheduled and sending messages are moved on; 1000 ms by default, 0 turns it off. */
  schedulerIntervalMs?: number;
  now?: () => Date;
}

export interface SandboxServer {
  /** Base URL of the API, with the `/api/v1` prefix. */
  url: string;
  /** `http://host:port`: signed upload URLs and `/__faults` live here. */
  origin: string;
  port: number;
  sandbox: Sandbox;
  close(): Promise<void>;
}

/** How the listening address is written in a URL a browser on this machine can open. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive connections from fetch would otherwise hold close() open.
    (server as Server).closeAllConnections?.();
  });
}

/**
 * Listens first (so a taken port fails fast, and the signed URLs can carry the real port), then
 * opens the database; requests in between get a 503.
 */
export async function startSandboxServer(options: SandboxServerOptions): Promise<SandboxServer> {
  const host = options.host ?? '127.0.0.1';
  let sandbox: Sandbox | undefined;
  const server = await new Promise<ServerType>((resolve, reject) => {
    const started = serve(
      {
        hostname: host,
        port: options.port,
        fetch: (request, env) =>
          sandbox
            ? sandbox.app.fetch(request, env)
            : Response.json(
                apiErrorBody(503, 'sandbox_starting', 'The sandbox is still opening its database'),
                {
                  status: 503,
                  headers: { 'retry-after': '1' },
                },
              ),
      },
      () => resolve(started),
    );
    started.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${urlHost(host)}:${port}`;
  try {
    sandbox = await createSandbox({
      dataDir: options.dataDir,
      publicOrigin: origin,
      ...(options.now ? { now: options.now } : {}),
    });
  } catch (error) {
    await closeServer(server);
    throw error;
  }
  const ready = sandbox;

  let pass: Promise<unknown> | undefined;
  const interval = options.schedulerIntervalMs ?? 1000;
  const timer =
    interval > 0
      ? setInterval(() => {
          pass ??= ready
            .runScheduler()
            .catch((error: unknown) => console.error('Mateo sandbox: scheduler pass failed', error))
            .finally(() => {
              pass = undefined;
            });
        }, interval)
      : undefined;
  timer?.unref();

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}${API_PREFIX}`,
    origin,
    port,
    sandbox: ready,
    close: () =>
      (closing ??= (async () => {
        clearInterval(timer);
        await pass;
        await closeServer(server);
        await ready.close();
      })()),
  };
}
