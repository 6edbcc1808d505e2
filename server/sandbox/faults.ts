import type { Socket } from 'node:net';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { apiErrorBody } from '../../schemas/api-error';

/**
 * Faults the tests switch on to see how the proxy and the browser cope with a slow, failing or
 * vanishing upstream. The switch lives at `/__faults` on the sandbox's own port, outside
 * `/api/v1`, where the proxy never forwards.
 */

export const FaultRuleSchema = z
  .object({
    /** Path below `/api/v1` (`/send_message`), or a full path (`/storage/v1/...`); a trailing `*` matches a prefix. */
    path: z.string().startsWith('/'),
    /** Any method when left out. */
    method: z.string().toUpperCase().optional(),
    /** How many matching requests the rule still affects; 1 when left out. */
    times: z.number().int().min(0).default(1),
    /** Wait this long first, then carry on (or apply the other fields). */
    delayMs: z.number().int().min(0).max(120_000).default(0),
    /** Answer with this status and an error body instead of handling the request. */
    status: z.number().int().min(400).max(599).optional(),
    /** Seconds for the `Retry-After` header (a 429 gets 1 when left out). */
    retryAfter: z.number().int().min(0).optional(),
    code: z.string().optional(),
    message: z.string().optional(),
    /** Drop the connection without handling the request: nothing is stored. */
    resetBeforeStore: z.boolean().default(false),
    /** Handle the request (a message is stored), then drop the connection instead of answering. */
    resetAfterStore: z.boolean().default(false),
  })
  .refine(
    (rule) =>
      [rule.status !== undefined, rule.resetBeforeStore, rule.resetAfterStore].filter(Boolean)
        .length <= 1,
    {
      message: 'Use at most one of status, resetBeforeStore and resetAfterStore in a rule',
    },
  );
export type FaultRuleInput = z.input<typeof FaultRuleSchema>;
export type FaultRule = z.output<typeof FaultRuleSchema>;

export const FaultRulesBodySchema = z.object({ rules: z.array(FaultRuleSchema) });

export interface FaultController {
  /** Rules still to apply, first match wins. */
  readonly rules: readonly FaultRule[];
  /** Requests seen per `METHOD /path` since the last `set` or `clear`. */
  readonly seen: Readonly<Record<string, number>>;
  /** Replaces the rules (and restarts the `seen` counts). */
  set(rules: FaultRuleInput[]): void;
  clear(): void;
  /** Counts a request and returns the rule that applies to it, using up one of its `times`. */
  take(method: string, path: string): FaultRule | undefined;
}

function matches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method !== undefined && rule.method !== method) return false;
  return rule.path.endsWith('*') ? path.startsWith(rule.path.slice(0, -1)) : rule.path === path;
}

export function createFaultController(): FaultController {
  let rules: FaultRule[] = [];
  let seen: Record<string, number> = {};
  return {
    get rules() {
      return rules;
    },
    get seen() {
      return seen;
    },
    set(input) {
      rules = input.map((rule) => FaultRuleSchema.parse(rule)).filter((rule) => rule.times > 0);
      seen = {};
    },
    clear() {
      rules = [];
      seen = {};
    },
    take(method, path) {
      const key = `${method} ${path}`;
      seen = { ...seen, [key]: (seen[key] ?? 0) + 1 };
      const rule = rules.find((candidate) => matches(candidate, method, path));
      if (!rule) return undefined;
      const used = { ...rule, times: rule.times - 1 };
      rules = rules
        .map((candidate) => (candidate === rule ? used : candidate))
        .filter((candidate) => candidate.times > 0);
      return rule;
    },
  };
}

/** The path a rule names: below `/api/v1` without the prefix, anything else as is. */
export function faultPath(path: string): string {
  return path.startsWith('/api/v1/') ? path.slice('/api/v1'.length) : path;
}

/** @hono/node-server hands the Node request over as `c.env.incoming`. */
function socketOf(c: Context): Socket | undefined {
  return (c.env as { incoming?: { socket?: Socket } } | undefined)?.incoming?.socket;
}

function resetConnection(c: Context): Response {
  const socket = socketOf(c);
  if (!socket) {
    throw new Error('A connection reset fault needs the sandbox served by @hono/node-server');
  }
  socket.destroy();
  // Never reaches the client; node-server needs a Response to finish the request.
  return new Response(null, { status: 500 });
}

const DEFAULT_CODES: Record<number, string> = {
  429: 'rate_limited',
  500: 'internal_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

export function faultMiddleware(faults: FaultController): MiddlewareHandler {
  return async (c, next) => {
    const rule = faults.take(c.req.method, faultPath(c.req.path));
    if (!rule) return next();
    if (rule.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, rule.delayMs));
    if (rule.resetBeforeStore) return resetConnection(c);
    if (rule.status !== undefined) {
      const status = rule.status as ContentfulStatusCode;
      const retryAfter = rule.retryAfter ?? (status === 429 ? 1 : undefined);
      if (retryAfter !== undefined) c.header('retry-after', String(retryAfter));
      if (status === 429) c.header('ratelimit-remaining', '0');
      const body = apiErrorBody(
        status,
        rule.code ?? DEFAULT_CODES[status] ?? `fault_${status}`,
        rule.message ?? `Injected fault: the sandbox answers ${status}.`,
        retryAfter !== undefined ? `Retry after ${retryAfter} s.` : undefined,
      );
      return c.json(body, status);
    }
    await next();
    if (rule.resetAfterStore) c.res = resetConnection(c);
  };
}

/** `GET`, `POST` (replace) and `DELETE` (clear) on `/__faults`. */
export function faultRoutes(faults: FaultController): Hono {
  const app = new Hono();
  const state = () => ({ rules: faults.rules, seen: faults.seen });
  app.get('/', (c) => c.json(state()));
  app.post('/', async (c) => {
    const parsed = FaultRulesBodySchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return c.json(
        apiErrorBody(
          400,
          'invalid_faults',
          `${issue?.path.join('.') || '(body)'}: ${issue?.message ?? 'invalid'}`,
        ),
        400,
      );
    }
    faults.set(parsed.data.rules);
    return c.json(state());
  });
  app.delete('/', (c) => {
    faults.clear();
    return c.json(state());
  });
  return app;
}
