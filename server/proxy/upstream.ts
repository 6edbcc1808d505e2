import { ApiErrorSchema, apiErrorBody, type ApiErrorBody } from '../../schemas/api-error';
import { createHttpClient, type HttpAnswer } from './http-client';
import type { CircuitBreaker } from './circuit-breaker';
import type { Pacer } from './pacer';
import { respond } from './respond';

export interface UpstreamConfig {
  /** Base URL without trailing slash, e.g. https://integration.getmateo.com/api/v1 */
  baseUrl: string;
  token: string;
  timeoutMs: number;
  /** Fails fast after repeated upstream failures (see circuit-breaker.ts). */
  breaker?: CircuitBreaker;
}

/** Headers of the browser's request that may go upstream; everything else is dropped. */
const FORWARDED_REQUEST_HEADERS = ['accept', 'content-type', 'prefer', 'range', 'range-unit'];

/** Headers of the upstream's answer that reach the browser (and `ratelimit-*`). */
const PASSED_RESPONSE_HEADERS = ['content-type', 'content-range', 'retry-after'];

/** What a body without a declared type is sent as: text, never left to sniffing. */
const UNTYPED_BODY_TYPE = 'text/plain; charset=UTF-8';

// Decodes as `Response.text()` does: UTF-8, a leading byte-order mark dropped.
const utf8 = new TextDecoder();
const NO_BYTES = new Uint8Array(0);

export class UpstreamError extends Error {
  constructor(
    public readonly status: number,
    public readonly body: ApiErrorBody,
    public readonly retryAfterSeconds?: number,
  ) {
    super(body.message);
  }
}

export interface UpstreamCall {
  method: string;
  path: string;
  query: string;
  /** The browser's request headers (a `Headers` will do); only the forwarded ones are read. */
  headers: { get(name: string): string | null };
  body?: ArrayBuffer | string;
}

/** The upstream's whole answer, buffered; hand it to `relayAnswer` before it reaches a browser. */
export type UpstreamAnswer = HttpAnswer;

export interface Upstream {
  /** Sends one call, paced, with the token added; network failures become `UpstreamError`. */
  call(request: UpstreamCall): Promise<UpstreamAnswer>;
}

/** The upstream client, on node:http (see http-client.ts); the tests put a real loopback stub behind it. */
export function createUpstream(config: UpstreamConfig, pacer: Pacer): Upstream {
  const send = createHttpClient(config.baseUrl);
  const authorization = `Bearer ${config.token}`;
  const fail = (error: unknown): never => {
    throw toUpstreamError(error, config.timeoutMs);
  };
  return {
    call({ method, path, query, headers, body }) {
      const outgoing: Record<string, string> = {};
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = headers.get(name);
        if (value !== null) outgoing[name] = value;
      }
      outgoing.authorization = authorization;
      const target = query ? `${path}?${query}` : path;
      const { breaker } = config;
      if (!breaker) {
        return pacer.schedule(() =>
          send({ method, target, headers: outgoing, body, timeoutMs: config.timeoutMs }).catch(
            fail,
          ),
        );
      }
      const allowed = breaker.allow();
      if (!allowed.ok) return Promise.reject(circuitOpen(allowed.failures, allowed.retryAfterMs));
      return pacer.schedule(() =>
        send({ method, target, headers: outgoing, body, timeoutMs: config.timeoutMs }).then(
          (answer) => {
            // Server faults count; a 4xx or a 429 is an answer, not a failing upstream.
            if (answer.status >= 500) breaker.failure();
            else breaker.success();
            return answer;
          },
          (error: unknown) => {
            breaker.failure();
            return fail(error);
          },
        ),
      );
    },
  };
}

function circuitOpen(failures: number, retryAfterMs: number): UpstreamError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new UpstreamError(
    503,
    apiErrorBody(
      503,
      'upstream_paused',
      `Mateo failed ${failures} times in a row, so this server pauses calls to it for ${seconds} s.`,
      'Nothing was sent. Try again after the pause; your message stays in the form.',
    ),
    seconds,
  );
}

function toUpstreamError(error: unknown, timeoutMs: number): UpstreamError {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new UpstreamError(
      504,
      apiErrorBody(
        504,
        'upstream_timeout',
        `Mateo did not answer within ${timeoutMs / 1000} s.`,
        'Try again; a message sent with the same id is never delivered twice.',
      ),
    );
  }
  const code = (error as { cause?: { code?: string } }).cause?.code ?? 'unknown';
  const message =
    code === 'ECONNREFUSED'
      ? 'Mateo could not be reached (connection refused).'
      : code === 'ECONNRESET' || code === 'UND_ERR_SOCKET'
        ? 'The connection to Mateo broke before an answer came.'
        : `Mateo could not be reached (${code}).`;
  return new UpstreamError(
    502,
    apiErrorBody(502, 'upstream_unreachable', message, 'Check the network, then try again.'),
  );
}

/** The answer's body as text, decoded as `Response.text()` would. */
export function answerText(answer: UpstreamAnswer): string {
  return utf8.decode(answer.body ?? NO_BYTES);
}

/**
 * Turns an upstream answer into the browser's answer: only the allowed headers and
 * `ratelimit-*` pass; Set-Cookie and hop-by-hop headers never do; error bodies are normalised
 * to the `ApiErrorSchema` shape.
 */
export function relayAnswer(answer: UpstreamAnswer): Response {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(answer.headers)) {
    if (PASSED_RESPONSE_HEADERS.includes(name) || name.startsWith('ratelimit-')) {
      const value = answer.headers[name];
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  const { status } = answer;
  if (status < 400) {
    if (answer.body !== null) headers['content-type'] ??= UNTYPED_BODY_TYPE;
    return respond(status, headers, answer.body);
  }
  const text = answerText(answer);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const normalised = ApiErrorSchema.safeParse(
    parsed && typeof parsed === 'object' && !('statusCode' in parsed) && !('status' in parsed)
      ? { ...parsed, statusCode: status }
      : parsed,
  );
  const body: ApiErrorBody = normalised.success
    ? normalised.data
    : apiErrorBody(
        status,
        `upstream_${status}`,
        text.trim().slice(0, 500) || `Mateo answered ${status}.`,
      );
  headers['content-type'] = 'application/json';
  return respond(status, headers, JSON.stringify(body));
}
