import { z } from 'zod';
import { apiErrorBody } from '../../schemas/api-error';
import { SendMessageRequestSchema } from '../../schemas/send-message';
import { gateRefusal, readLimitedBody } from './gate';
import { respond, respondError as error, respondJson } from './respond';
import { checkQuery, matchRoute, pathAndQuery, type RouteMatch } from './routes';
import { answerText, relayAnswer, UpstreamError, type Upstream } from './upstream';

export interface ProxyDeps {
  upstream: Upstream;
  allowedHosts: ReadonlySet<string>;
}

// Decodes as `Request.text()` would: UTF-8, a leading byte-order mark dropped.
const utf8 = new TextDecoder();

/**
 * Answers one `/api/*` request, as a fetch handler: `createApp` routes there. A fault of ours
 * (a bug) throws or rejects; the caller answers it with a 500.
 */
export type ProxyHandler = (request: Request) => Response | Promise<Response>;

/**
 * The `/api/*` proxy: gate, allowlist, body checks, then one paced call upstream.
 *
 * A plain function rather than an `async` one or a Hono sub-app: a GET, the common call, goes
 * from the gate to the upstream and back with one promise chain and no other frame, and the
 * checks before it answer synchronously.
 */
export function createProxy({ upstream, allowedHosts }: ProxyDeps): ProxyHandler {
  return (request) => {
    const refused = gateRefusal(request, allowedHosts);
    if (refused) return refused;

    const method = request.method;
    const url = pathAndQuery(request.url);
    const path = url.path.startsWith('/api') ? url.path.slice(4) : url.path;
    const match = matchRoute(method, path);
    // A method the allowlist does not name on a known path is answered like an unknown path
    // (DESIGN.md: everything else is 404), so the answer tells nothing about which routes exist.
    if (!match) {
      return error(404, 'not_found', `${method} /api${path} is not a route of this server.`);
    }
    const { rule, upstreamPath } = match;
    const checked = checkQuery(rule, url.query);
    if ('problem' in checked) {
      return error(
        400,
        'query_not_allowed',
        checked.problem.message,
        `Parameter: ${checked.problem.param}`,
      );
    }

    if (rule.body !== 'none') return forwardWithBody(request, upstream, match, checked.query);
    if (rule.method === 'DELETE') {
      return cancelScheduled(request, upstream, checked.query).catch(upstreamFailure);
    }
    return upstream
      .call({
        method: rule.method,
        path: upstreamPath,
        query: checked.query,
        headers: request.headers,
      })
      .then(relayAnswer, upstreamFailure);
  };
}

/** Reads and checks the body of a `json` or `send_message` route, then forwards it. */
async function forwardWithBody(
  request: Request,
  upstream: Upstream,
  { rule, upstreamPath }: RouteMatch,
  query: string,
): Promise<Response> {
  const raw = await readLimitedBody(request);
  if (raw === 'too_large') {
    return error(413, 'payload_too_large', 'The request body is larger than 1 MiB.');
  }
  let json: unknown;
  try {
    json = raw.byteLength === 0 && rule.body === 'json' ? {} : JSON.parse(utf8.decode(raw));
  } catch {
    return error(400, 'malformed_json', 'The request body is not valid JSON.');
  }
  if (rule.body === 'send_message') {
    const parsed = SendMessageRequestSchema.safeParse(json);
    if (!parsed.success) return schemaError(parsed.error);
  }
  return upstream
    .call({ method: rule.method, path: upstreamPath, query, headers: request.headers, body: raw })
    .then(relayAnswer, upstreamFailure);
}

/** An `UpstreamError` (timeout, unreachable, paused) as the browser's answer; others rethrown. */
function upstreamFailure(caught: unknown): Response {
  if (caught instanceof UpstreamError) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (caught.retryAfterSeconds !== undefined) {
      headers['retry-after'] = String(caught.retryAfterSeconds);
    }
    return respond(caught.status, headers, JSON.stringify(caught.body));
  }
  throw caught;
}

/** A 400 listing every issue with its path, in the shared error shape. */
function schemaError(zodError: z.core.$ZodError): Response {
  const issues = zodError.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  return respondJson(400, {
    ...apiErrorBody(
      400,
      'invalid_request',
      `The message does not match Mateo's contract: ${issues.length} problem${issues.length === 1 ? '' : 's'}${first ? `, first at ${first.path || '(body)'}: ${first.message}` : ''}.`,
    ),
    issues,
  });
}

const StatusRowsSchema = z.array(z.object({ id: z.string(), status: z.string() }));

/**
 * `DELETE /api/message?id=eq.<uuid>` cancels a scheduled send only: the message is read first
 * and must be `scheduled`; Mateo's DELETE alone would remove any message.
 */
async function cancelScheduled(
  request: Request,
  upstream: Upstream,
  query: string,
): Promise<Response> {
  const read = await upstream.call({
    method: 'GET',
    path: '/message',
    query: `${query}&select=id,status`,
    headers: new Headers({ accept: 'application/json' }),
  });
  if (read.status < 200 || read.status > 299) return relayAnswer(read);
  const rows = StatusRowsSchema.safeParse(JSON.parse(answerText(read)));
  if (!rows.success)
    return error(
      502,
      'upstream_bad_answer',
      'Mateo answered the message read in an unexpected shape.',
    );
  const row = rows.data[0];
  if (!row) return error(404, 'not_found', 'There is no such message.');
  if (row.status !== 'scheduled') {
    return error(
      409,
      'not_scheduled',
      `Only a scheduled message can be cancelled; this one is ${row.status}.`,
    );
  }
  const deleted = await upstream.call({
    method: 'DELETE',
    path: '/message',
    query,
    headers: new Headers({
      accept: 'application/json',
      prefer: request.headers.get('prefer') ?? 'return=representation',
    }),
  });
  return relayAnswer(deleted);
}
