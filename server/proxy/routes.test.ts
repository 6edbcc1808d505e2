import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkQuery, matchRoute, pathAndQuery, ROUTES, type RouteRule } from './routes';

const channelRule = matchRoute('GET', '/channel')!.rule;

/** Whether `/channel` accepts `name=value` (the list checks are shared by every list route). */
const accepts = (name: string, value: string) =>
  'query' in checkQuery(channelRule, [[name, value]]);

// The checks as first written, one test per comma-separated part: the single expressions that
// replaced them for speed must accept exactly the same values.
const identifier = /^[a-z_][a-z0-9_]{0,62}$/;
const referenceSelect = (value: string) =>
  value === '*' ||
  (value.split(',').length <= 40 && value.split(',').every((c) => identifier.test(c)));
const referenceOrder = (value: string) =>
  value
    .split(',')
    .every((part) =>
      /^[a-z_][a-z0-9_]{0,62}(\.(asc|desc))?(\.(nullsfirst|nullslast))?$/.test(part),
    );

/** Values built from the pieces the checks care about, so that both outcomes are common. */
const listValue = fc
  .array(
    fc.constantFrom(
      'id',
      'name',
      '_x9',
      'a'.repeat(63),
      'a'.repeat(64),
      '9',
      'A',
      ',',
      ',',
      '.',
      '.asc',
      '.desc',
      '.nullsfirst',
      '.nullslast',
      '*',
      ' ',
      '\n',
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('query checks', () => {
  it('select takes *, or 1 to 40 column names, as the per-column check did', () => {
    fc.assert(
      fc.property(listValue, (value) => {
        expect(accepts('select', value)).toBe(referenceSelect(value));
      }),
    );
    const columns = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`).join(',');
    expect(accepts('select', columns(40))).toBe(true);
    expect(accepts('select', columns(41))).toBe(false);
  });

  it('order takes column[.asc|.desc][.nullsfirst|.nullslast] terms, as the per-term check did', () => {
    fc.assert(
      fc.property(listValue, (value) => {
        expect(accepts('order', value)).toBe(referenceOrder(value));
      }),
    );
  });

  it('limit takes 1 to 50 only', () => {
    for (const [value, ok] of [
      ['1', true],
      ['50', true],
      ['0', false],
      ['51', false],
      ['050', true],
      ['1000', false],
      ['', false],
      ['1e1', false],
    ] as const) {
      expect(accepts('limit', value)).toBe(ok);
    }
  });

  it('every parameter name is a plain identifier, so it goes upstream as it is', () => {
    for (const rule of ROUTES) {
      for (const name of Object.keys(rule.params)) expect(name).toMatch(/^[a-z_]+$/);
    }
  });
});

describe('pathAndQuery and checkQuery', () => {
  /** A rule that takes any value of a few names, so that the canonical query shows the pairs. */
  const open: RouteRule = {
    method: 'GET',
    path: '/open',
    params: Object.fromEntries(['a', 'b', 'select', 'id'].map((name) => [name, () => true])),
    body: 'none',
  };
  const piece = fc.constantFrom(
    'a',
    'b',
    'select',
    'id',
    'Z',
    '0',
    '/',
    '.',
    '..',
    '-',
    '_',
    '~',
    '!',
    '$',
    "'",
    '(',
    ')',
    '*',
    ',',
    ';',
    ':',
    '@',
    '=',
    '&',
    '+',
    '%',
    '%41',
    '%2F',
    '%zz',
    '?',
    '#',
    ' ',
    '"',
    '<',
    '`',
    '{',
    '|',
    '\\',
    'é',
  );
  const text = fc.array(piece, { maxLength: 16 }).map((parts) => parts.join(''));

  it('read the path and the query as new URL(url) and URLSearchParams do', () => {
    fc.assert(
      fc.property(text, fc.option(text), (path, query) => {
        const url = `http://127.0.0.1:5173/${path}${query === null ? '' : `?${query}`}`;
        const parsed = new URL(url);
        const fast = pathAndQuery(url);
        expect(fast.path).toBe(parsed.pathname);
        expect(checkQuery(open, fast.query)).toEqual(checkQuery(open, parsed.searchParams));
      }),
      { numRuns: 3000 },
    );
  });

  it('split a plain query as URLSearchParams does', () => {
    for (const query of ['', 'a', 'a=', '=b', 'a=b=c', 'a&b=1', 'a&&b', '&a=1&', 'id=(x,y)']) {
      expect(checkQuery(open, query)).toEqual(checkQuery(open, new URLSearchParams(query)));
    }
    expect(checkQuery(open, 'a=1&b=x=y&&select=*')).toEqual({ query: 'a=1&b=x%3Dy&select=*' });
    expect(checkQuery(open, 'a=1&a=2')).toMatchObject({ problem: { param: 'a' } });
  });
});
