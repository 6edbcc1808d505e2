import { afterAll, beforeAll } from 'vitest';
import { startSandboxServer, type SandboxServer, type SandboxServerOptions } from './server';

/**
 * A small fetch wrapper for the sandbox's tests: real HTTP to the sandbox's port with a Bearer
 * token, the way the proxy calls it.
 */
/** Opening a fresh PGlite takes about 5 s on an idle machine and far longer on a busy one. */
export const SANDBOX_START_TIMEOUT_MS = 120_000;

export interface TestClient {
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** GET that expects 200 and a JSON body. */
  rows<T = Record<string, unknown>>(path: string): Promise<T[]>;
  send(body: unknown): Promise<Response>;
  delete(path: string): Promise<Response>;
  post(path: string, body?: string): Promise<Response>;
}

export function createTestClient(
  server: { readonly url: string },
  token = 'test-token',
): TestClient {
  const auth = { authorization: `Bearer ${token}` };
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { headers: { ...auth, ...headers } });
  return {
    get,
    async rows<T>(path: string) {
      const response = await get(path);
      if (response.status !== 200) {
        throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
      }
      return (await response.json()) as T[];
    },
    send: (body) =>
      fetch(`${server.url}/send_message`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    delete: (path) => fetch(`${server.url}${path}`, { method: 'DELETE', headers: auth }),
    post: (path, body) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        ...(body !== undefined ? { body } : {}),
      }),
  };
}

/**
 * One in-memory sandbox for a test file, started before its tests and closed after, with a
 * client. `server` may be read only inside tests and hooks.
 */
export function useTestSandbox(options: Partial<SandboxServerOptions> = {}) {
  let started: SandboxServer | undefined;
  beforeAll(async () => {
    started = await startSandboxServer({
      port: 0,
      dataDir: null,
      schedulerIntervalMs: 0,
      ...options,
    });
  }, SANDBOX_START_TIMEOUT_MS);
  afterAll(() => started?.close());
  const current = (): SandboxServer => {
    if (!started) throw new Error('The sandbox is not started yet');
    return started;
  };
  return {
    get server() {
      return current();
    },
    // The URL is read per request, so the client works once the sandbox has started.
    api: createTestClient({
      get url() {
        return current().url;
      },
    }),
  };
}
