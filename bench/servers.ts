/**
 * What the browser benchmarks run against: the production server (`npm start` on a spare port
 * with an in-memory sandbox) and a bare static page with one textarea, the floor.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { ROOT } from './bundle-size';

export const BENCH_PORT = Number(process.env.BENCH_PORT ?? 5410);

export interface AppServer {
  url: string;
  stop: () => Promise<void>;
}

/** `tsx server/index.ts` with an in-memory sandbox; resolves once it answers. */
export async function startAppServer(port = BENCH_PORT): Promise<AppServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'server/index.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        SANDBOX_PORT: String(port + 1),
        SANDBOX_DATA_DIR: ':memory:',
        UPSTREAM_RATE_PER_SECOND: '100',
        MATEO_API_KEY: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped:\n${output}`);
    try {
      const response = await fetch(`${url}/`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`the server did not start within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

const FLOOR_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Floor</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><label for="floor">Floor</label><br><textarea id="floor" rows="7" cols="60"></textarea></body></html>`;

/** A page with one bare textarea and nothing else, served from loopback. */
export async function startFloorServer(port = BENCH_PORT + 2): Promise<AppServer> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(FLOOR_PAGE);
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
