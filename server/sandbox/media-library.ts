import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from './store';

/**
 * The media library (reference/mateo-api.md §9): sign a path, PUT the bytes to the signed URL,
 * then attach `media_library://<path>`. Mateo documents neither the URL's lifetime nor a size
 * limit; the sandbox picks two hours and 25 MiB (the largest attachment any channel takes).
 */

export const MEDIA_MAX_BYTES = 25 * 1024 * 1024;
export const SIGNED_URL_TTL_MS = 2 * 60 * 60 * 1000;
export const MEDIA_LIBRARY_SCHEME = 'media_library://';

/** Paths are `/`-separated segments of letters, digits, `.`, `_` and `-`, never `..`. */
export function isMediaPath(path: string): boolean {
  if (path.length === 0 || path.length > 1024) return false;
  return path
    .split('/')
    .every(
      (segment) => /^[A-Za-z0-9._-]+$/.test(segment) && segment !== '.' && !segment.includes('..'),
    );
}

export type TokenCheck = 'valid' | 'invalid' | 'expired';

export interface UrlSigner {
  /** A token for uploading to `path` until `expiresAt` (ms since epoch). */
  sign(path: string, expiresAt: number): string;
  verify(path: string, token: string, nowMs: number): TokenCheck;
}

/** HMAC-signed upload tokens; the secret lives as long as the sandbox, so restarts void old URLs. */
export function createUrlSigner(secret: Buffer = randomBytes(32)): UrlSigner {
  const mac = (path: string, expiresAt: string) =>
    createHmac('sha256', secret).update(`${path}\n${expiresAt}`).digest();
  return {
    sign(path, expiresAt) {
      const expires = expiresAt.toString(36);
      return `${expires}.${mac(path, expires).toString('base64url')}`;
    },
    verify(path, token, nowMs) {
      const match = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
      if (!match) return 'invalid';
      const expires = match[1] as string;
      const given = Buffer.from(match[2] as string, 'base64url');
      const expected = mac(path, expires);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
      return parseInt(expires, 36) < nowMs ? 'expired' : 'valid';
    },
  };
}

export interface MediaObject {
  path: string;
  content_type: string;
  size: number;
  bytes: Uint8Array;
}

export async function putMediaObject(db: Queryable, object: MediaObject, now: Date): Promise<void> {
  // Uploading to the same path again replaces the file, as a re-signed upload would.
  await db.query(
    `INSERT INTO media_object (path, content_type, size, bytes, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $5)
     ON CONFLICT (path) DO UPDATE SET content_type = $2, size = $3, bytes = $4, updated_at = $5`,
    [object.path, object.content_type, object.size, object.bytes, now],
  );
}

/** PGlite hands bytea back as a Uint8Array over a plain ArrayBuffer. */
export interface StoredMediaObject extends MediaObject {
  bytes: Uint8Array<ArrayBuffer>;
}

export async function getMediaObject(
  db: Queryable,
  path: string,
): Promise<StoredMediaObject | undefined> {
  const result = await db.query<StoredMediaObject>(
    'SELECT path, content_type, size, bytes FROM media_object WHERE path = $1',
    [path],
  );
  return result.rows[0];
}

export async function mediaObjectExists(db: Queryable, path: string): Promise<boolean> {
  const result = await db.query('SELECT 1 FROM media_object WHERE path = $1', [path]);
  return result.rows.length > 0;
}

/** Reads a request body up to `limit` bytes; `'too_large'` as soon as it goes past. */
export async function readBodyLimited(
  request: Request,
  limit: number,
): Promise<Uint8Array | 'too_large'> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) return 'too_large';
  if (!request.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return 'too_large';
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
