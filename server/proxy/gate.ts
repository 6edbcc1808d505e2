import { respondError as refuse } from './respond';

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The gate in front of every `/api` call, before any upstream I/O: a proxy that adds a
 * powerful token on localhost is a target for every page the agent visits (DNS rebinding,
 * cross-site form posts, path tricks). Returns the refusal, or `undefined` to go on.
 */
export function gateRefusal(
  request: Request,
  /** `host[:port]` values the Host header may carry, lower case. */
  allowedHosts: ReadonlySet<string>,
): Response | undefined {
  const headers = request.headers;
  const host = (headers.get('host') ?? '').toLowerCase();
  if (!allowedHosts.has(host)) {
    return refuse(
      403,
      'forbidden_host',
      `Host "${host}" is not served here.`,
      'Open the app through the address the server printed, or add the host to ALLOWED_HOSTS.',
    );
  }

  const origin = headers.get('origin') ?? undefined;
  const originHost = origin?.toLowerCase().replace(/^https?:\/\//, '');
  if (origin !== undefined && (originHost === undefined || !allowedHosts.has(originHost))) {
    return refuse(403, 'forbidden_origin', 'Requests from other sites are refused.');
  }
  const fetchSite = headers.get('sec-fetch-site') ?? undefined;
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return refuse(403, 'forbidden_origin', 'Requests from other sites are refused.');
  }

  const method = request.method;
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    const type = (headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      return refuse(415, 'unsupported_media_type', 'The request body must be application/json.');
    }
    const length = Number(headers.get('content-length') ?? '0');
    if (length > MAX_BODY_BYTES) {
      return refuse(413, 'payload_too_large', 'The request body is larger than 1 MiB.');
    }
  }
  return undefined;
}

/**
 * Not starting with `/`, an empty segment (`//`, also at the start), a `.` or `..` segment, an
 * encoded dot, slash, backslash or NUL, or a backslash: one expression, as this runs on every
 * request.
 */
const REFUSED_PATH = /^(?!\/)|\/\/|(?:^|\/)\.\.?(?:\/|$)|%2e|%2f|%5c|%00|\\/i;

/**
 * Refuses request targets that routing would otherwise normalise: an absolute-form target
 * (`GET http://evil/api/...`), dot segments (also `%2e%2e`, which URL parsing resolves), encoded
 * separators, backslashes and empty segments. Runs on every request, before routing (see
 * `createApp`); `env` is what @hono/node-server passes, whose `incoming.url` is the target as
 * sent. Returns the refusal, or `undefined` to go on.
 */
export function rawPathRefusal(request: Request, env: unknown): Response | undefined {
  const rawTarget = (env as { incoming?: { url?: string } } | undefined)?.incoming?.url;
  const target = rawTarget ?? new URL(request.url).pathname + new URL(request.url).search;
  const queryStart = target.indexOf('?');
  const rawPath = queryStart === -1 ? target : target.slice(0, queryStart);
  if (REFUSED_PATH.test(rawPath)) {
    return refuse(400, 'bad_path', 'The request path is not allowed.');
  }
  return undefined;
}

/** Reads a body up to the limit, counting real bytes (a missing or lying Content-Length). */
export async function readLimitedBody(request: Request): Promise<ArrayBuffer | 'too_large'> {
  if (!request.body) return new ArrayBuffer(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return 'too_large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out.buffer;
}
