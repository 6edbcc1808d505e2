import { CHANNEL_STATUSES, CHANNEL_TYPES } from '../../schemas/rows';
import { UUID_PATTERN } from '../../schemas/patterns';

/**
 * The proxy's allowlist (../shared/DESIGN.md, "Routes the proxy allows"): which method and path
 * may reach the upstream, and the exact query shape each accepts. Anything else is refused
 * before any upstream I/O.
 */
export type ParamCheck = (value: string) => boolean;

export interface RouteRule {
  method: 'GET' | 'POST' | 'DELETE';
  /** The browser path after `/api`. A trailing `*` accepts a validated path tail. */
  path: string;
  /** Query parameters this route accepts and how each value must look. */
  params: Record<string, ParamCheck>;
  /** Parameters that must be present. */
  required?: string[];
  body: 'send_message' | 'json' | 'none';
  /** Checks the path tail of a `*` route. */
  tail?: (tail: string) => boolean;
}

const MAX_ROWS = 50;
const identifier = /^[a-z_][a-z0-9_]{0,62}$/;
const isUuid = (value: string) => UUID_PATTERN.test(value);

const select: ParamCheck = (value) => {
  if (value === '*') return true;
  const columns = value.split(',');
  return columns.length <= 40 && columns.every((c) => identifier.test(c));
};

const order: ParamCheck = (value) =>
  value
    .split(',')
    .every((part) =>
      /^[a-z_][a-z0-9_]{0,62}(\.(asc|desc))?(\.(nullsfirst|nullslast))?$/.test(part),
    );

const limit: ParamCheck = (value) =>
  /^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_ROWS;
const offset: ParamCheck = (value) => /^\d{1,6}$/.test(value);

/** `eq.<one>` or `in.(<one>,<two>)` with at most 50 values, each passing `check`. */
function eqOrIn(check: (value: string) => boolean): ParamCheck {
  return (value) => {
    if (value.startsWith('eq.')) return check(value.slice(3));
    const list = /^in\.\((.*)\)$/.exec(value);
    if (!list) return false;
    const items = (list[1] as string).split(',');
    return items.length >= 1 && items.length <= MAX_ROWS && items.every(check);
  };
}

const eqUuid: ParamCheck = (value) => value.startsWith('eq.') && isUuid(value.slice(3));
const oneOf = (values: readonly string[]) => (value: string) => values.includes(value);
const booleanFilter: ParamCheck = (value) => /^(is|eq)\.(true|false)$/.test(value);

const CONTACT_SEARCH_COLUMNS = [
  'full_name',
  'display_name',
  'email',
  'sms',
  'whatsapp',
  'facebook',
  'instagram',
  'google_business_messaging',
  'external_id',
];
// Characters that would change PostgREST's grammar inside or=(...) are not allowed in a term.
const searchTerm = /^\*?[^,()"\\*]{1,80}\*?$/;

/** The contact search: `or=(col.ilike.*term*,...)` over handle and name columns only. */
const contactSearch: ParamCheck = (value) => {
  const match = /^\((.*)\)$/.exec(value);
  if (!match) return false;
  const terms = (match[1] as string).split(',');
  return (
    terms.length >= 1 &&
    terms.length <= CONTACT_SEARCH_COLUMNS.length &&
    terms.every((term) => {
      const parts = /^([a-z_]+)\.ilike\.(.+)$/.exec(term);
      return (
        parts !== null &&
        CONTACT_SEARCH_COLUMNS.includes(parts[1] as string) &&
        searchTerm.test(parts[2] as string)
      );
    })
  );
};

const listParams = { select, order, limit, offset };

/** Media library paths: 1 to 8 plain segments; no dots-only segments, no encoded separators. */
const mediaPath = (tail: string) => {
  const segments = tail.split('/');
  return (
    segments.length >= 1 &&
    segments.length <= 8 &&
    segments.every(
      (segment) => /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(segment) && !segment.includes('..'),
    )
  );
};

export const ROUTES: RouteRule[] = [
  {
    method: 'GET',
    path: '/channel',
    params: {
      ...listParams,
      id: eqOrIn(isUuid),
      type: eqOrIn(oneOf(CHANNEL_TYPES)),
      status: eqOrIn(oneOf(CHANNEL_STATUSES)),
      active: booleanFilter,
    },
    body: 'none',
  },
  {
    method: 'GET',
    path: '/contact',
    params: { ...listParams, id: eqOrIn(isUuid), or: contactSearch },
    body: 'none',
  },
  {
    method: 'GET',
    path: '/template',
    params: {
      ...listParams,
      id: eqOrIn(isUuid),
      channel_type: eqOrIn(oneOf(CHANNEL_TYPES)),
    },
    body: 'none',
  },
  { method: 'POST', path: '/send_message', params: {}, body: 'send_message' },
  {
    method: 'GET',
    path: '/message',
    params: { ...listParams, id: eqOrIn(isUuid) },
    required: ['id'],
    body: 'none',
  },
  // Cancelling a scheduled send; the handler also reads the message and requires `scheduled`.
  { method: 'DELETE', path: '/message', params: { id: eqUuid }, required: ['id'], body: 'none' },
  {
    method: 'GET',
    path: '/conversation',
    params: { select, id: eqUuid },
    required: ['id'],
    body: 'none',
  },
  {
    method: 'POST',
    path: '/storage/upload/sign/media_library/*',
    params: {},
    body: 'json',
    tail: mediaPath,
  },
];

export interface RouteMatch {
  rule: RouteRule;
  /** The upstream path (same as the browser path after `/api`). */
  upstreamPath: string;
}

/** Finds the rule for a method and path; `undefined` means 404 before any upstream I/O. */
export function matchRoute(method: string, path: string): RouteMatch | undefined {
  for (const rule of ROUTES) {
    if (rule.method !== method) continue;
    if (rule.path.endsWith('/*')) {
      const prefix = rule.path.slice(0, -1);
      if (path.startsWith(prefix) && rule.tail?.(path.slice(prefix.length))) {
        return { rule, upstreamPath: path };
      }
    } else if (rule.path === path) {
      return { rule, upstreamPath: path };
    }
  }
  return undefined;
}

export interface QueryProblem {
  param: string;
  message: string;
}

/** Text that form encoding leaves as it is, once `(`, `)` and `,` are kept literal (below). */
const FORM_LITERAL = /^[\w*\-.(),]*$/;

/**
 * One name or value as `URLSearchParams` serialises it, except that `(`, `)` and `,` stay
 * unescaped: PostgREST reads `*`, `(`, `)` and `,` literally; keeping them is more readable.
 * Most values need no escaping at all; the rest go through `URLSearchParams` itself.
 */
function formEncode(text: string): string {
  if (FORM_LITERAL.test(text)) return text;
  const one = new URLSearchParams();
  one.append('', text);
  return one
    .toString()
    .slice(1)
    .replace(/%2A/g, '*')
    .replace(/%28/g, '(')
    .replace(/%29/g, ')')
    .replace(/%2C/g, ',');
}

/**
 * Checks a request's query pairs (decoded, in order, as `URLSearchParams` yields them) against a
 * route's shape and returns the canonical query to send upstream (rebuilt from the checked
 * pairs, so nothing unchecked is smuggled through).
 */
export function checkQuery(
  rule: RouteRule,
  search: Iterable<[string, string]>,
): { query: string } | { problem: QueryProblem } {
  const seen = new Set<string>();
  let query = '';
  for (const [key, value] of search) {
    // Own entries only: `constructor` or `toString` must not find Object.prototype's functions.
    const check = Object.hasOwn(rule.params, key) ? rule.params[key] : undefined;
    if (!check) {
      return { problem: { param: key, message: `Query parameter "${key}" is not allowed here` } };
    }
    if (seen.has(key)) {
      return { problem: { param: key, message: `Query parameter "${key}" may appear only once` } };
    }
    seen.add(key);
    if (!check(value)) {
      return {
        problem: {
          param: key,
          message: `Query parameter "${key}" has a value this route does not accept`,
        },
      };
    }
    query += `${query ? '&' : ''}${formEncode(key)}=${formEncode(value)}`;
  }
  for (const key of rule.required ?? []) {
    if (!seen.has(key)) {
      return { problem: { param: key, message: `Query parameter "${key}" is required here` } };
    }
  }
  return { query };
}
