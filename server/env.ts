import { z } from 'zod';

const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const port = z.coerce.number().int().min(0).max(65535);

export const EnvSchema = z.object({
  HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  PORT: z.preprocess(emptyToUndefined, port.default(5173)),
  MATEO_API_KEY: z.preprocess(emptyToUndefined, z.string().min(8).optional()),
  MATEO_API_URL: z.preprocess(
    emptyToUndefined,
    z
      .url({ protocol: /^https?$/ })
      .default('https://integration.getmateo.com/api/v1')
      .refine((value) => {
        // zod runs this check even when the url check failed; that one already names the problem.
        if (!URL.canParse(value)) return true;
        const url = new URL(value);
        return url.protocol === 'https:' || isLoopbackHost(url.hostname);
      }, 'must use https:// (plain http is only allowed to a loopback address)'),
  ),
  ALLOWED_HOSTS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((host) => host.trim().toLowerCase())
          .filter(Boolean),
      ),
  ),
  SANDBOX_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('.data/sandbox')),
  SANDBOX_PORT: z.preprocess(emptyToUndefined, port.default(5180)),
  UPSTREAM_TIMEOUT_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(100).max(120_000).default(10_000),
  ),
  UPSTREAM_FAILURES_BEFORE_PAUSE: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(1000).default(5),
  ),
  UPSTREAM_PAUSE_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(100).max(600_000).default(30_000),
  ),
  UPSTREAM_RATE_PER_SECOND: z.preprocess(
    emptyToUndefined,
    z.coerce.number().positive().max(1000).default(2),
  ),
});
export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment, failing with every problem listed by variable name. */
export function parseEnv(source: NodeJS.ProcessEnv | Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`),
  );
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * The warning printed at start when the server listens beyond this machine: the proxy adds the
 * key to every call, so whoever can reach it sends as this business.
 */
export function hostWarning(env: Pick<Env, 'HOST'>): string | undefined {
  if (isLoopbackHost(env.HOST)) return undefined;
  return `Warning: HOST=${env.HOST} is not a loopback address. Anyone who can reach it can send messages with this server's key.`;
}

/** Redacts the API key wherever it might appear in text meant for a log. */
export function redact(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join('***') : text;
}
