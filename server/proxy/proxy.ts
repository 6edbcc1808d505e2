import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { apiErrorBody } from '../../schemas/api-error';
import { SendMessageRequestSchema } from '../../schemas/send-message';
import { gateRefusal, readLimitedBody } from './gate';
import { respond, respondError as error, respondJson } from './respond';
import { checkQuery, matchRoute, pathAndQuery } from './routes';
import { answerText, relayAnswer, UpstreamError, type Upstream } from './upstream';

export interface ProxyDeps {
  upstream: Upstream;
  allowedHosts: ReadonlySet<string>;
}

// Decodes as `Request.text()` would: UTF-8, a leading byte-order mark dropped.
const utf8 = new TextDecoder();

/** The `/api/*` proxy: gate, allowlist, body checks, then one paced call upstream. */
export function createProxy({ upstream, allowedHosts }: ProxyDeps): Hono {
  const app = new Hono();

  // One handler rather than a gate middleware and a handler: each Hono layer is another
  // async frame per request.
  app.all('*', async (c) => {
    const refused = gateRefusal(c, allowedHosts);
    if (refused) return refused;

    const url = pathAndQuery(c.req.url);
    const path = url.path.replace(/^\/api/, '');
    const match = matchRoute(c.req.method, path);
    // A method the allowlist does not name on a known path is answered like an unknown path
    // (DESIGN.md: everything else is 404), so the answer tells nothing about which routes exist.
    if (!match) {
      return error(404, 'not_found', `${c.req.method} /api${path} is not a route of this server.`);
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

    let body: ArrayBuffer | undefined;
    if (rule.body !== 'none') {
      const raw = await readLimitedBody(c.req.raw);
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
      body = raw;
    }

    try {
      if (rule.method === 'DELETE') return await cancelScheduled(c, upstream, checked.query);
      const answer = await upstream.call({
        method: rule.method,
        path: upstreamPath,
        query: checked.query,
        headers: c.req.raw.headers,
        body,
      });
      return relayAnswer(answer);
    } catch (caught) {
      if (caught instanceof UpstreamError) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (caught.retryAfterSeconds !== undefined)
          headers['retry-after'] = String(caught.retryAfterSeconds);
        return respond(caught.status, headers, JSON.stringify(caught.body));
      }
      throw caught;
    }
  });
  return app;
}

/** A 400 listing every issue with its path, in the shared error shape. */
function schemaError(zodError: z.ZodError): Response {
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
async function cancelScheduled(c: Context, upstream: Upstream, query: string): Promise<Response> {
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
      prefer: c.req.header('prefer') ?? 'return=representation',
    }),
  });
  return relayAnswer(deleted);
}
