import type { PGlite } from '@electric-sql/pglite';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { apiErrorBody } from '../../schemas/api-error';
import { faultMiddleware, faultRoutes, type FaultController } from './faults';
import { parseReadQuery, project, selectSql } from './filters';
import {
  getMediaObject,
  isMediaPath,
  MEDIA_MAX_BYTES,
  putMediaObject,
  readBodyLimited,
  SIGNED_URL_TTL_MS,
  type UrlSigner,
} from './media-library';
import { fromDatabaseError, SandboxError } from './sandbox-error';
import { sendMessage } from './send-message';
import {
  READABLE_TABLES,
  refreshConversationLatest,
  TABLES,
  toJsonRow,
  type Row,
  type TableSpec,
} from './store';

export interface SandboxAppDeps {
  db: PGlite;
  faults: FaultController;
  now: () => Date;
  signer: UrlSigner;
  /** Origin put into signed upload URLs; the request's own origin when left out. */
  publicOrigin?: string;
}

/** Mateo's documented rate (reference/mateo-api.md §3); announced, not enforced. */
export const RATE_LIMIT_PER_SECOND = 2;
export const API_PREFIX = '/api/v1';
const SIGN_PREFIX = `${API_PREFIX}/storage/upload/sign/media_library/`;
const UPLOAD_PREFIX = '/storage/v1/upload/media_library/';
const OBJECT_PREFIX = '/storage/v1/object/media_library/';
const SEND_MESSAGE_MAX_BYTES = 1024 * 1024;
const PGRST_OBJECT = 'application/vnd.pgrst.object+json';

const errorResponse = (c: Context, error: SandboxError) => c.json(error.body(), error.status);

/** `ratelimit-*` headers on every answer, counted per wall-clock second. */
function rateLimitHeaders(): MiddlewareHandler {
  let second = 0;
  let count = 0;
  return async (c, next) => {
    const current = Math.floor(Date.now() / 1000);
    if (current !== second) {
      second = current;
      count = 0;
    }
    count++;
    const remaining = Math.max(0, RATE_LIMIT_PER_SECOND - count);
    await next();
    c.res.headers.set('ratelimit-limit', String(RATE_LIMIT_PER_SECOND));
    if (!c.res.headers.has('ratelimit-remaining')) {
      c.res.headers.set('ratelimit-remaining', String(remaining));
    }
    c.res.headers.set('ratelimit-reset', '1');
  };
}

/** Any non-empty Bearer token passes; Mateo answers 401 without a key and 403 for a bad one. */
const requireBearer: MiddlewareHandler = async (c, next) => {
  const header = c.req.header('authorization')?.trim();
  if (!header) {
    c.header('www-authenticate', 'Bearer');
    return errorResponse(
      c,
      new SandboxError(
        401,
        'missing_api_key',
        'No API key found in request',
        'Send the header Authorization: Bearer <API key>.',
      ),
    );
  }
  if (!/^Bearer\s+\S+$/i.test(header)) {
    return errorResponse(
      c,
      new SandboxError(
        403,
        'invalid_api_key',
        'The API key is malformed',
        'The header must read Authorization: Bearer <API key>; the sandbox accepts any non-empty key.',
      ),
    );
  }
  await next();
};

function tableFor(name: string): TableSpec {
  const table = Object.hasOwn(READABLE_TABLES, name) ? READABLE_TABLES[name] : undefined;
  if (!table) {
    throw new SandboxError(
      404,
      'PGRST205',
      `Could not find the table 'public.${name}' in the schema cache`,
    );
  }
  return table;
}

/** A JSON array, or one object when the client asks for PostgREST's singular media type. */
function answerRows(c: Context, rows: Row[], offset: number): Response {
  if ((c.req.header('accept') ?? '').includes(PGRST_OBJECT)) {
    if (rows.length !== 1) {
      throw new SandboxError(
        406,
        'PGRST116',
        'JSON object requested, multiple (or no) rows returned',
        `The result contains ${rows.length} rows`,
      );
    }
    return c.body(JSON.stringify(rows[0]), 200, { 'content-type': PGRST_OBJECT });
  }
  c.header('content-range', rows.length ? `${offset}-${offset + rows.length - 1}/*` : '*/*');
  return c.json(rows);
}

export function createSandboxApp({ db, faults, now, signer, publicOrigin }: SandboxAppDeps): Hono {
  const app = new Hono();
  app.use('*', rateLimitHeaders());
  app.route('/__faults', faultRoutes(faults));
  app.use('*', faultMiddleware(faults));

  // The browser PUTs the file from the app's origin straight to the signed URL.
  app.use(
    '/storage/v1/*',
    cors({
      origin: '*',
      allowMethods: ['PUT', 'GET', 'OPTIONS'],
      allowHeaders: ['content-type'],
      maxAge: 600,
    }),
  );

  app.put(`${UPLOAD_PREFIX}*`, async (c) => {
    const path = c.req.path.slice(UPLOAD_PREFIX.length);
    if (!isMediaPath(path)) {
      return errorResponse(
        c,
        new SandboxError(400, 'invalid_path', `"${path}" is not a valid media library path`),
      );
    }
    const check = signer.verify(path, c.req.query('token') ?? '', now().getTime());
    if (check !== 'valid') {
      return errorResponse(
        c,
        new SandboxError(
          403,
          check === 'expired' ? 'signature_expired' : 'invalid_signature',
          check === 'expired'
            ? 'The signed upload URL has expired'
            : 'The upload URL is not signed for this path',
          'Sign the path again: POST /api/v1/storage/upload/sign/media_library/<path>.',
        ),
      );
    }
    const bytes = await readBodyLimited(c.req.raw, MEDIA_MAX_BYTES);
    if (bytes === 'too_large') {
      return errorResponse(
        c,
        new SandboxError(
          413,
          'payload_too_large',
          `The file is larger than ${MEDIA_MAX_BYTES / 1024 / 1024} MiB`,
        ),
      );
    }
    const contentType = c.req.header('content-type') || 'application/octet-stream';
    await putMediaObject(
      db,
      { path, content_type: contentType, size: bytes.byteLength, bytes },
      now(),
    );
    return c.json({ Key: `media_library/${path}` });
  });

  app.get(`${OBJECT_PREFIX}*`, async (c) => {
    const path = c.req.path.slice(OBJECT_PREFIX.length);
    const object = isMediaPath(path) ? await getMediaObject(db, path) : undefined;
    if (!object) {
      return errorResponse(
        c,
        new SandboxError(404, 'not_found', `No media library object at "${path}"`),
      );
    }
    return c.body(object.bytes, 200, {
      'content-type': object.content_type,
      'cache-control': 'no-store',
    });
  });

  app.use(`${API_PREFIX}/*`, requireBearer);

  app.post(`${API_PREFIX}/send_message`, async (c) => {
    const text = await c.req.text();
    if (Buffer.byteLength(text) > SEND_MESSAGE_MAX_BYTES) {
      throw new SandboxError(413, 'payload_too_large', 'The request body is larger than 1 MiB');
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new SandboxError(
        400,
        'PGRST102',
        'Empty or invalid json',
        'Send the message as a JSON object.',
      );
    }
    const answer = await sendMessage(db, body, now());
    return c.body(JSON.stringify(answer), 200, { 'content-type': PGRST_OBJECT });
  });

  // Mateo answers the signed URL as plain text (reference/mateo-api.md §9).
  app.post(`${SIGN_PREFIX}*`, (c) => {
    const path = c.req.path.slice(SIGN_PREFIX.length);
    if (!isMediaPath(path)) {
      throw new SandboxError(
        400,
        'invalid_path',
        `"${path}" is not a valid media library path`,
        'Use segments of letters, digits, ".", "_" and "-", separated by "/".',
      );
    }
    const token = signer.sign(path, now().getTime() + SIGNED_URL_TTL_MS);
    const origin = publicOrigin ?? new URL(c.req.url).origin;
    return c.text(`${origin}${UPLOAD_PREFIX}${path}?token=${token}`);
  });

  app.get(`${API_PREFIX}/:table`, async (c) => {
    const table = tableFor(c.req.param('table'));
    const query = parseReadQuery(table, new URL(c.req.url).searchParams, c.req.header('range'));
    const { sql, params } = selectSql(table, query);
    const result = await db.query<Row>(sql, params);
    return answerRows(
      c,
      result.rows.map((row) => toJsonRow(table, row)),
      query.offset,
    );
  });

  // Cancelling a scheduled send (reference/mateo-api.md §8): the deleted rows come back. Whether
  // the message may still be cancelled is the proxy's call, as it is with live Mateo.
  app.delete(`${API_PREFIX}/message`, async (c) => {
    const table = TABLES.message;
    const query = parseReadQuery(table, new URL(c.req.url).searchParams);
    if (!query.where) {
      throw new SandboxError(
        400,
        '21000',
        'DELETE requires a WHERE clause',
        'Name the message: DELETE /message?id=eq.<uuid>',
      );
    }
    const deleted = await db.transaction(async (tx) => {
      // Recipients and actions go with the message (ON DELETE CASCADE).
      const result = await tx.query<Row>(
        `DELETE FROM message ${query.where} RETURNING *`,
        query.params,
      );
      const at = now();
      for (const conversationId of new Set(
        result.rows.map((row) => row.conversation_id as string),
      )) {
        await refreshConversationLatest(tx, conversationId, at);
      }
      return result.rows;
    });
    return answerRows(
      c,
      project(
        deleted.map((row) => toJsonRow(table, row)),
        query.selected,
      ),
      0,
    );
  });

  app.all(`${API_PREFIX}/:table`, (c) => {
    tableFor(c.req.param('table'));
    throw new SandboxError(
      405,
      'method_not_allowed',
      `The sandbox does not support ${c.req.method} on ${c.req.path}`,
    );
  });

  app.notFound((c) =>
    errorResponse(
      c,
      new SandboxError(
        404,
        'not_found',
        `${c.req.method} ${c.req.path} is not a route of the sandbox`,
      ),
    ),
  );

  app.onError((error, c) => {
    const known = error instanceof SandboxError ? error : fromDatabaseError(error);
    if (known) return errorResponse(c, known);
    console.error('Mateo sandbox: unexpected error', error);
    return c.json(
      apiErrorBody(
        500,
        'internal_error',
        'The sandbox failed to handle the request',
        error.message,
      ),
      500,
    );
  });
  return app;
}
