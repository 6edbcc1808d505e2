import { redact, type Env } from './env';
import { createCircuitBreaker } from './proxy/circuit-breaker';
import { createPacer } from './proxy/pacer';
import { createUpstream, type Upstream } from './proxy/upstream';
import type { SandboxServer } from './sandbox/server';

export interface UpstreamSetup {
  upstream: Upstream;
  /** Where the upstream is and how it is authorised, for the start-up line (the key as `***`). */
  description: string;
  /** The origin of the media library's signed upload URLs. */
  uploadOrigin: string;
  sandbox?: SandboxServer;
  close(): Promise<void>;
}

/**
 * Live Mateo when `MATEO_API_KEY` is set; otherwise the embedded sandbox, started on its own
 * loopback port and reached over HTTP exactly like Mateo, so both paths run the same proxy.
 */
export async function setUpUpstream(env: Env): Promise<UpstreamSetup> {
  const pacer = createPacer(env.UPSTREAM_RATE_PER_SECOND);
  const breaker = createCircuitBreaker({
    threshold: env.UPSTREAM_FAILURES_BEFORE_PAUSE,
    pauseMs: env.UPSTREAM_PAUSE_MS,
  });
  const key = env.MATEO_API_KEY;
  if (key) {
    const baseUrl = env.MATEO_API_URL.replace(/\/+$/, '');
    return {
      upstream: createUpstream(
        { baseUrl, token: key, timeoutMs: env.UPSTREAM_TIMEOUT_MS, breaker },
        pacer,
      ),
      // Shows that a key is sent without showing it; redacting the whole line also hides a
      // key that was pasted into MATEO_API_URL by mistake.
      description: redact(`Mateo at ${baseUrl} (Authorization: Bearer ${key})`, key),
      uploadOrigin: 'https:',
      close: async () => {},
    };
  }
  // Loaded only when needed: live Mateo never pays for PGlite.
  const { startSandboxServer } = await import('./sandbox/server');
  const sandbox = await startSandboxServer({
    host: '127.0.0.1',
    port: env.SANDBOX_PORT,
    dataDir: env.SANDBOX_DATA_DIR === ':memory:' ? null : env.SANDBOX_DATA_DIR,
  });
  return {
    upstream: createUpstream(
      { baseUrl: sandbox.url, token: 'sandbox', timeoutMs: env.UPSTREAM_TIMEOUT_MS, breaker },
      pacer,
    ),
    description: `the embedded sandbox at ${sandbox.url} (data: ${env.SANDBOX_DATA_DIR})`,
    uploadOrigin: sandbox.origin,
    sandbox,
    close: () => sandbox.close(),
  };
}
