import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mateoServer } from './dev-plugin';
import { rawRequest, startStub } from './test-support';

const KEY = 'mk_live_dev_7c4e1a9b2d';
const SETTINGS = { MATEO_API_KEY: KEY, HOST: '0.0.0.0' };

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const stub = await startStub(() => ({ status: 200, body: '[]' }));
const logged: string[] = [];
let middleware: Middleware | undefined;
let http: Server;
let port: number;
const realEnv = { ...process.env };

/** The plugin mounted as Vite mounts it, on a plain HTTP server in Vite's place. */
beforeAll(async () => {
  Object.assign(process.env, SETTINGS, { MATEO_API_URL: stub.url });
  http = createServer((req, res) =>
    middleware?.(req, res, () => {
      res.statusCode = 418;
      res.end();
    }),
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  port = (http.address() as AddressInfo).port;
  const devServer = {
    config: { server: { port }, logger: { info: (line: string) => logged.push(line) } },
    middlewares: { use: (handler: Middleware) => (middleware = handler) },
    httpServer: null,
  } as unknown as ViteDevServer;
  const { configureServer } = mateoServer();
  if (typeof configureServer !== 'function') throw new Error('expected a configureServer hook');
  await configureServer.call({} as never, devServer);
});
afterAll(async () => {
  for (const name of [...Object.keys(SETTINGS), 'MATEO_API_URL']) {
    if (realEnv[name] === undefined) delete process.env[name];
    else process.env[name] = realEnv[name];
  }
  http.closeAllConnections();
  await new Promise((resolve) => http.close(resolve));
  await stub.close();
});

describe('the server app in npm run dev', () => {
  it('names the upstream with the Authorization as Bearer ***, never the key', () => {
    const line = logged.find((entry) => entry.includes('Mateo API:'));
    expect(line).toContain(`Mateo at ${stub.url}`);
    expect(line).toContain('Authorization: Bearer ***');
    expect(logged.join('\n')).not.toContain(KEY);
  });

  it('proxies /api with the key to the upstream', async () => {
    const res = await rawRequest(port, { path: '/api/channel' });
    expect(res.status).toBe(200);
    expect(stub.seen.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(JSON.stringify(res)).not.toContain(KEY);
  });

  it('accepts only loopback Host headers, as the dev server listens on loopback whatever HOST says', async () => {
    const seen = stub.seen.length;
    const res = await rawRequest(port, {
      path: '/api/channel',
      headers: { host: `0.0.0.0:${port}` },
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'forbidden_host' });
    expect(stub.seen).toHaveLength(seen);
  });
});
