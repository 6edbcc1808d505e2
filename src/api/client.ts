import type { z } from '../../schemas/zod';
import type { ApiErrorBody } from '../../schemas/api-error';
import type * as AnswersModule from './answers';
import { i18n } from '../i18n';
import { lazyModule } from '../lib/lazy-module';

export type Answers = typeof AnswersModule;

/**
 * The schemas answers are checked with, and zod with them: loaded once, beside the first
 * request, so that they are not part of what the page needs before it can draw.
 */
export const loadAnswers = lazyModule(() => import('./answers'));

/** An answer that was not 2xx, or a network failure (status 0), in one shape. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody & { issues?: { path: string; message: string }[] };
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, body: ApiError['body'], retryAfterSeconds?: number) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** What the client saw of the last answer, for the request inspector. */
export interface ApiAnswer<T> {
  data: T;
  status: number;
  headers: Record<string, string>;
}

export interface RequestOptions<S extends z.ZodMiniType> {
  method?: 'GET' | 'POST' | 'DELETE';
  /** Path after `/api`, with its query. */
  path: string;
  body?: unknown;
  /** Picks the schema the answer must pass from the answer schemas. */
  schema: (answers: Answers) => S;
  signal?: AbortSignal;
  /** Most answers are JSON; the media library's signed URL comes as plain text. */
  answer?: 'json' | 'text';
  /** Where the proxy is: same origin in the app; a full URL in tests that run outside a page. */
  base?: string;
}

const BASE = '/api';

function retryAfter(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * The one place that turns HTTP into data or an `ApiError`: same-origin fetch to the proxy,
 * the answer parsed with the caller's schema.
 */
export async function apiRequest<S extends z.ZodMiniType>({
  method = 'GET',
  path,
  body,
  schema,
  signal,
  answer = 'json',
  base = BASE,
}: RequestOptions<S>): Promise<ApiAnswer<z.output<S>>> {
  const checks = loadAnswers();
  // Awaited below; a failure that comes while the request is on its way is handled there.
  checks.catch(() => undefined);
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, {
      code: 'network_error',
      message: i18n.t('errors.client.network'),
      statusCode: 0,
    });
  }
  const headers = Object.fromEntries(response.headers);
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  let schemas: Answers;
  try {
    schemas = await checks;
  } catch {
    throw new ApiError(0, {
      code: 'network_error',
      message: i18n.t('errors.client.network'),
      statusCode: 0,
    });
  }
  if (!response.ok) {
    const parsed = schemas.ApiErrorSchema.safeParse(json);
    const issues =
      json && typeof json === 'object' && Array.isArray((json as { issues?: unknown }).issues)
        ? (json as { issues: { path: string; message: string }[] }).issues
        : undefined;
    throw new ApiError(
      response.status,
      parsed.success
        ? { ...parsed.data, ...(issues ? { issues } : {}) }
        : {
            code: `http_${response.status}`,
            message: text.slice(0, 300) || response.statusText || `HTTP ${response.status}`,
            statusCode: response.status,
          },
      retryAfter(response.headers),
    );
  }
  const parsed = schema(schemas).safeParse(answer === 'text' ? text : json);
  if (!parsed.success) {
    throw new ApiError(response.status, {
      code: 'unexpected_answer',
      message: i18n.t('errors.client.unexpectedAnswer', {
        path: parsed.error.issues[0]?.path.join('.') ?? '',
        issue: parsed.error.issues[0]?.message ?? '',
      }),
      statusCode: response.status,
    });
  }
  return { data: parsed.data, status: response.status, headers };
}
