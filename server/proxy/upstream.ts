import { ApiErrorSchema, apiErrorBody, type ApiErrorBody } from '../../schemas/api-error';
import { httpFetch } from './http-fetch';
import type { Pacer } from './pacer';

export interface UpstreamConfig {
  /** Base URL without trailing slash, e.g. https://integration.getmateo.com/api/v1 */
  baseUrl: string;
  token: string;
  timeoutMs: number;
}

/** Headers of the browser's request that may go upstream; everything else is dropped. */
const FORWARDED_REQUEST_HEADERS = ['accept', 'content-type', 'prefer', 'range', 'range-unit'];

/** Headers of the upstream's answer that reach the browser. */
const PASSED_RESPONSE_HEADERS = ['content-type', 'content-range', 'retry-after'];

export class UpstreamError extends Error {
  constructor(
    public readonly status: number,
    public readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
}

export interface UpstreamCall {
  method: string;
  path: string;
  query: string;
  headers: Headers;
  body?: ArrayBuffer | string;
}

export interface Upstream {
  /** Sends one call, paced, with the token added; network failures become `UpstreamError`. */
  call(request: UpstreamCall): Promise<Response>;
}

export function createUpstream(
  config: UpstreamConfig,
  pacer: Pacer,
  fetchImpl: typeof fetch = httpFetch,
): Upstream {
  return {
    call({ method, path, query, headers, body }) {
      const url = `${config.baseUrl}${path}${query ? `?${query}` : ''}`;
      const outgoing = new Headers();
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = headers.get(name);
        if (value !== null) outgoing.set(name, value);
      }
      outgoing.set('authorization', `Bearer ${config.token}`);
      return pacer.schedule(async () => {
        try {
          return await fetchImpl(url, {
            method,
            headers: outgoing,
            body: body ?? null,
            redirect: 'manual',
            signal: AbortSignal.timeout(config.timeoutMs),
          });
        } catch (error) {
          throw toUpstreamError(error, config.timeoutMs);
        }
      });
    },
  };
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

/**
 * Turns an upstream answer into the browser's answer: only the allowed headers and
 * `ratelimit-*` pass; Set-Cookie and hop-by-hop headers never do; error bodies are normalised
 * to the `ApiErrorSchema` shape.
 */
export async function relayResponse(response: Response): Promise<Response> {
  const headers = new Headers();
  for (const [name, value] of response.headers) {
    if (PASSED_RESPONSE_HEADERS.includes(name) || name.startsWith('ratelimit-')) {
      headers.set(name, value);
    }
  }
  if (response.status < 400) {
    const nullBody = response.status === 204 || response.status === 304;
    return new Response(nullBody ? null : await response.arrayBuffer(), {
      status: response.status,
      headers,
    });
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const normalised = ApiErrorSchema.safeParse(
    parsed && typeof parsed === 'object' && !('statusCode' in parsed) && !('status' in parsed)
      ? { ...parsed, statusCode: response.status }
      : parsed,
  );
  const body: ApiErrorBody = normalised.success
    ? normalised.data
    : apiErrorBody(
        response.status,
        `upstream_${response.status}`,
        text.trim().slice(0, 500) || `Mateo answered ${response.status}.`,
      );
  headers.set('content-type', 'application/json');
  return new Response(JSON.stringify(body), { status: response.status, headers });
}
