import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { apiErrorBody, type ApiErrorBody } from '../../schemas/api-error';

/** An answer other than 2xx, in Mateo's error shape (`{code, message, hint?, statusCode}`). */
export class SandboxError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }

  body(): ApiErrorBody {
    return apiErrorBody(this.status, this.code, this.message, this.hint);
  }
}

/**
 * PostgreSQL errors that a client caused, answered the way PostgREST answers them: the SQLSTATE
 * as `code` and PostgreSQL's own message. Anything else is a fault of the sandbox and stays a 500.
 */
export function fromDatabaseError(error: unknown): SandboxError | undefined {
  const { code, message, detail } = error as {
    code?: unknown;
    message?: unknown;
    detail?: unknown;
  };
  if (typeof code !== 'string' || typeof message !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) {
    return undefined;
  }
  // PostgreSQL's detail names the key, e.g. `Key (id)=(…) already exists.`
  if (code === '23505') {
    return new SandboxError(409, code, message, typeof detail === 'string' ? detail : undefined);
  }
  // Class 22 is bad data (22P02 invalid uuid, 22007 bad timestamp); 42703/42804/42883 come from
  // a filter on a column of the wrong type.
  if (code.startsWith('22') || code === '42703' || code === '42804' || code === '42883') {
    return new SandboxError(400, code, message);
  }
  if (code === '23503') return new SandboxError(409, code, message);
  return undefined;
}

/** `['to', 0, 'contact_id']` as `to[0].contact_id`, the way the messages name a field. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(body)';
}
