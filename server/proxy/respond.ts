import { apiErrorBody } from '../../schemas/api-error';

/** Headers every answer of this server carries, `/api` or not (see `createApp`). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** Marks answers built by `respond`, which already carry `SECURITY_HEADERS`. */
const secured = Symbol('securityHeaders');
type Marked = Response & { [secured]?: true };

/**
 * Builds an answer with a plain header object and a string or byte body, `SECURITY_HEADERS`
 * added to `headers` (which the answer takes over). Setting a header on a finished Response
 * later (Hono's `c.header`) copies it into a streamed web Response, which costs more than the
 * whole proxy hop; this shape is written by @hono/node-server with one `writeHead` and one `end`.
 * (Headers are copied by assignment: object spread is several microseconds per call in V8 here.)
 */
export function respond(
  status: number,
  headers: Record<string, string>,
  body: string | Uint8Array | null,
): Response {
  for (const name in SECURITY_HEADERS) headers[name] = SECURITY_HEADERS[name] as string;
  // A Node Buffer is typed over ArrayBufferLike, which BodyInit does not name; any byte view works.
  const response: Marked = new Response(body as BodyInit | null, { status, headers });
  response[secured] = true;
  return response;
}

/** A JSON answer (what `Response.json` would build), with `SECURITY_HEADERS`. */
export function respondJson(status: number, value: unknown): Response {
  return respond(status, { 'content-type': 'application/json' }, JSON.stringify(value));
}

/** An error answer in the shared `{code, message, hint?, statusCode}` shape. */
export function respondError(
  status: number,
  code: string,
  message: string,
  hint?: string,
): Response {
  return respondJson(status, apiErrorBody(status, code, message, hint));
}

/**
 * The answer to a fault of ours (a bug), logged: what Hono's default error handler says, with
 * `SECURITY_HEADERS`.
 */
export function respondInternalError(caught: unknown): Response {
  console.error(caught);
  return respond(500, { 'content-type': 'text/plain; charset=UTF-8' }, 'Internal Server Error');
}

/** Whether `respond` built this answer, so that the security headers are already on it. */
export function hasSecurityHeaders(response: Response): boolean {
  return (response as Marked)[secured] === true;
}
