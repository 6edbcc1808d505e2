import {
  CHANNEL_STATUSES,
  CHANNEL_TYPES,
  CONVERSATION_CHANNEL_TYPES,
} from '../../schemas/constants';
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
const isUuid = (value: string) => UUID_PATTERN.test(value);

// Each check is one regular expression over the whole value rather than a split and a test per
// part: the allowlist runs on every call, and one match costs a fraction of many.
const IDENTIFIER = '[a-z_][a-z0-9_]{0,62}';
/** `*`, or 1 to 40 comma-separated column names. */
const SELECT = new RegExp(`^(?:\\*|${IDENTIFIER}(?:,${IDENTIFIER}){0,39})$`);
const ORDER_TERM = `${IDENTIFIER}(?:\\.(?:asc|desc))?(?:\\.(?:nullsfirst|nullslast))?`;
/** One or more `column[.asc|.desc][.nullsfirst|.nullslast]`, comma-separated. */
const ORDER = new RegExp(`^${ORDER_TERM}(?:,${ORDER_TERM})*$`);

const select: ParamCheck = (value) => SELECT.test(value);
const order: ParamCheck = (value) => ORDER.test(value);

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

/** A contact's names, its handle on each channel type (a column each), and its external id. */
const CONTACT_SEARCH_COLUMNS = [
  'full_name',
  'display_name',
  ...CONVERSATION_CHANNEL_TYPES,
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

// A plain target: letters, digits and `-._~!$&'()*+,;=:@/`, `%` escapes in the query only.
const PLAIN_PATH = /^\/[\w\-.~!$&'()*+,;=:@/]*$/;
const PLAIN_QUERY = /^[\w\-.~!$&'()*,;=:@/]*$/;
const ESCAPED_QUERY = /^[\w\-.~!$&'()*+,;=:@/%]*$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;

/**
 * A request URL's path and query as `new URL(url)` gives them, the query in the form `checkQuery`
 * takes. For a plain target without dot segments the text after the origin already is the
 * pathname and the search, and a plain query without `%` or `+` has nothing to decode, so it is
 * handed on as text; anything else is parsed. This runs on every call, and building a URL costs
 * more than the rest of the allowlist.
 */
export function pathAndQuery(url: string): { path: string; query: QueryInput } {
  const pathStart = url.indexOf('/', url.indexOf('//') + 2);
  if (pathStart !== -1) {
    const queryStart = url.indexOf('?', pathStart);
    const path = queryStart === -1 ? url.slice(pathStart) : url.slice(pathStart, queryStart);
    const query = queryStart === -1 ? '' : url.slice(queryStart + 1);
    if (PLAIN_PATH.test(path) && !DOT_SEGMENT.test(path)) {
      if (PLAIN_QUERY.test(query)) return { path, query };
      if (ESCAPED_QUERY.test(query)) return { path, query: new URLSearchParams(query) };
    }
  }
  const parsed = new URL(url);
  return { path: parsed.pathname, query: parsed.searchParams };
}

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
 * Each rule's parameter checks as a Map. A Map has no inherited entries (`constructor` or
 * `toString` must not find Object.prototype's functions), and looking up a name sliced from the
 * URL in it is cheaper than in an object, which would first look the text up among V8's
 * internalised strings.
 */
const PARAM_CHECKS = new WeakMap<RouteRule, ReadonlyMap<string, ParamCheck>>();
function paramChecks(rule: RouteRule): ReadonlyMap<string, ParamCheck> {
  let checks = PARAM_CHECKS.get(rule);
  if (!checks) {
    checks = new Map(Object.entries(rule.params));
    PARAM_CHECKS.set(rule, checks);
  }
  return checks;
}

/**
 * A query as `checkQuery` takes it: its pairs (decoded, in order, as `URLSearchParams` yields
 * them), or the text of a query with nothing to decode (no `%`, no `+`), which it splits itself.
 */
export type QueryInput = Iterable<[string, string]> | string;

/**
 * Checks a request's query against a route's shape and returns the canonical query to send
 * upstream (rebuilt from the checked pairs, so nothing unchecked is smuggled through).
 */
export function checkQuery(
  rule: RouteRule,
  search: QueryInput,
): { query: string } | { problem: QueryProblem } {
  const checks = paramChecks(rule);
  // A route takes a handful of parameters: a list is cheaper to build and search than a Set.
  const seen: string[] = [];
  let query = '';
  if (typeof search === 'string') {
    // Split as URLSearchParams does: on `&`, empty parts skipped, name and value at the first
    // `=`; each pair is checked as it is found, without building the list of pairs.
    for (let start = 0; start < search.length;) {
      let end = search.indexOf('&', start);
      if (end === -1) end = search.length;
      if (end > start) {
        const eq = search.indexOf('=', start);
        const pair =
          eq === -1 || eq > end
            ? checkPair(checks, seen, search.slice(start, end), '')
            : checkPair(checks, seen, search.slice(start, eq), search.slice(eq + 1, end));
        if (typeof pair !== 'string') return { problem: pair };
        query = query ? `${query}&${pair}` : pair;
      }
      start = end + 1;
    }
  } else {
    for (const [key, value] of search) {
      const pair = checkPair(checks, seen, key, value);
      if (typeof pair !== 'string') return { problem: pair };
      query = query ? `${query}&${pair}` : pair;
    }
  }
  for (const key of rule.required ?? []) {
    if (!seen.includes(key)) {
      return { problem: { param: key, message: `Query parameter "${key}" is required here` } };
    }
  }
  return { query };
}

/** One pair checked against the route: its canonical `name=value`, or what is wrong with it. */
function checkPair(
  checks: ReadonlyMap<string, ParamCheck>,
  seen: string[],
  key: string,
  value: string,
): string | QueryProblem {
  const check = checks.get(key);
  if (!check) return { param: key, message: `Query parameter "${key}" is not allowed here` };
  if (seen.includes(key)) {
    return { param: key, message: `Query parameter "${key}" may appear only once` };
  }
  seen.push(key);
  if (!check(value)) {
    return {
      param: key,
      message: `Query parameter "${key}" has a value this route does not accept`,
    };
  }
  // The name is one of the allowlist's own, a plain identifier (routes.test.ts): only the value
  // can need encoding.
  return `${key}=${formEncode(value)}`;
}
