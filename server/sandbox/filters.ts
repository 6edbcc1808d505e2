import { SandboxError } from './sandbox-error';
import { quoteIdent, type ColumnType, type TableSpec } from './store';

/**
 * PostgREST's query grammar as Mateo documents it (reference/mateo-api.md §2): `col=op.value`
 * filters, `or=(...)`/`and=(...)` trees, `select`, `order`, `limit`/`offset` (or a `Range`
 * header), turned into one parameterised SQL statement. Column names are checked against the
 * table's allowlist; values only ever travel as parameters.
 */

/** Mateo's hard cap: a larger `limit` is quietly lowered (reference/mateo-api.md §2). */
export const MAX_ROWS = 50;

const RESERVED = new Set([
  'select',
  'order',
  'limit',
  'offset',
  'or',
  'and',
  'not.or',
  'not.and',
  'on_conflict',
  'columns',
]);

// Maps, not object literals, so that `constructor` or `__proto__` never count as operators.
const COMPARISONS = new Map([
  ['eq', '='],
  ['neq', '<>'],
  ['gt', '>'],
  ['gte', '>='],
  ['lt', '<'],
  ['lte', '<='],
]);
const IS_VALUES = new Map([
  ['null', 'NULL'],
  ['true', 'TRUE'],
  ['false', 'FALSE'],
  ['unknown', 'UNKNOWN'],
]);

export interface ReadQuery {
  /** Quoted column list for SELECT. */
  columns: string;
  /** The selected column names, or null for all of them. */
  selected: string[] | null;
  /** `WHERE ...`, or empty when no filter was given. */
  where: string;
  orderBy: string;
  limit: number;
  offset: number;
  params: unknown[];
}

const parseError = (message: string, hint?: string) =>
  new SandboxError(400, 'PGRST100', message, hint);

class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

function column(table: TableSpec, name: string): { sql: string; type: ColumnType } {
  const type = Object.hasOwn(table.columns, name) ? table.columns[name] : undefined;
  if (type === undefined) {
    throw new SandboxError(
      400,
      '42703',
      `column ${table.name}.${name} does not exist`,
      `Columns of ${table.name}: ${Object.keys(table.columns).join(', ')}`,
    );
  }
  return { sql: quoteIdent(name), type };
}

/**
 * Splits on commas that are outside parentheses and double quotes, so that
 * `a.in.(1,2),b.eq."x,y"` gives two parts.
 */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (quoted && char === '\\') {
      current += char + (text[index + 1] ?? '');
      index++;
      continue;
    }
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '(') depth++;
    else if (!quoted && char === ')') depth--;
    if (!quoted && depth === 0 && char === ',') {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (quoted || depth !== 0) throw parseError(`failed to parse logic tree or list (${text})`);
  parts.push(current);
  return parts;
}

/** PostgREST lets a value in a list or tree be double-quoted to carry commas and dots. */
function unquote(value: string): string {
  return /^".*"$/s.test(value) ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
}

/** One `op.value` (optionally `not.op.value`) applied to a column. */
function condition(
  table: TableSpec,
  name: string,
  expression: string,
  params: Params,
  inTree: boolean,
): string {
  const { sql: col, type } = column(table, name);
  let rest = expression;
  let negate = false;
  if (rest.startsWith('not.')) {
    negate = true;
    rest = rest.slice(4);
  }
  const dot = rest.indexOf('.');
  if (dot < 0) {
    throw parseError(`failed to parse filter (${expression})`, 'Filters look like column=eq.value');
  }
  const op = rest.slice(0, dot);
  const raw = rest.slice(dot + 1);
  const value = inTree ? unquote(raw) : raw;
  // The value is cast in SQL so PostgreSQL, not JavaScript, judges it (22P02 for a bad uuid).
  const typed = (param: string) => `CAST(${param}::text AS ${type})`;
  let sql: string;
  const comparison = COMPARISONS.get(op);
  if (comparison !== undefined) {
    sql = `${col} ${comparison} ${typed(params.add(value))}`;
  } else if (op === 'like' || op === 'ilike') {
    sql = `${col}::text ${op === 'like' ? 'LIKE' : 'ILIKE'} ${params.add(value.replaceAll('*', '%'))}`;
  } else if (op === 'in') {
    const list = /^\((.*)\)$/s.exec(raw);
    if (!list) {
      throw parseError(`failed to parse filter (${expression})`, 'Lists look like in.(a,b)');
    }
    const items = (list[1] as string) === '' ? [] : splitTopLevel(list[1] as string).map(unquote);
    sql =
      items.length === 0
        ? 'false'
        : `${col} IN (${items.map((item) => typed(params.add(item))).join(', ')})`;
  } else if (op === 'is') {
    const keyword = IS_VALUES.get(value.toLowerCase());
    if (keyword === undefined) {
      throw parseError(
        `failed to parse filter (${expression})`,
        'is. takes null, true, false or unknown',
      );
    }
    sql = `${col} IS ${keyword}`;
  } else {
    throw parseError(
      `failed to parse filter (${expression})`,
      'Operators: eq, neq, gt, gte, lt, lte, like, ilike, in, is, each optionally after not.',
    );
  }
  return negate ? `NOT (${sql})` : sql;
}

/** The inside of `or=(...)`/`and=(...)`, with nested `and(...)`, `or(...)` and `not.` groups. */
function logicTree(table: TableSpec, inner: string, joiner: 'AND' | 'OR', params: Params): string {
  const parts = splitTopLevel(inner).map((part) => part.trim());
  if (parts.some((part) => part === '')) throw parseError(`failed to parse logic tree (${inner})`);
  const sql = parts.map((part) => {
    const group = /^(not\.)?(and|or)\((.*)\)$/s.exec(part);
    if (group) {
      const nested = logicTree(
        table,
        group[3] as string,
        group[2] === 'and' ? 'AND' : 'OR',
        params,
      );
      return group[1] ? `NOT ${nested}` : nested;
    }
    const dot = part.indexOf('.');
    if (dot < 0) {
      throw parseError(`failed to parse logic tree (${inner})`, 'Items look like column.op.value');
    }
    return condition(table, part.slice(0, dot), part.slice(dot + 1), params, true);
  });
  return `(${sql.join(` ${joiner} `)})`;
}

function selectedColumns(table: TableSpec, select: string | null): string[] | null {
  if (select === null || select.trim() === '' || select.trim() === '*') return null;
  const names: string[] = [];
  for (const item of select.split(',').map((part) => part.trim())) {
    if (item === '*') return null;
    if (item.includes('(')) {
      throw new SandboxError(
        400,
        'PGRST200',
        `Could not embed "${item}": the sandbox does not embed related resources`,
      );
    }
    column(table, item);
    names.push(item);
  }
  return names;
}

function orderList(table: TableSpec, order: string | null): string {
  const terms: string[] = [];
  for (const part of (order ?? '').split(',').filter((item) => item.trim() !== '')) {
    const [name = '', ...modifiers] = part.trim().split('.');
    let direction = 'ASC';
    let nulls = '';
    for (const modifier of modifiers) {
      if (modifier === 'asc' || modifier === 'desc') direction = modifier.toUpperCase();
      else if (modifier === 'nullsfirst') nulls = ' NULLS FIRST';
      else if (modifier === 'nullslast') nulls = ' NULLS LAST';
      else throw parseError(`failed to parse order (${part})`, 'Use column.asc or column.desc');
    }
    terms.push(`${column(table, name).sql} ${direction}${nulls}`);
  }
  // A stable tie-breaker, so limit/offset pages never overlap.
  if (Object.hasOwn(table.columns, 'id')) terms.push('"id" ASC');
  return terms.join(', ');
}

function nonNegativeInt(name: string, value: string): number {
  if (!/^\d{1,9}$/.test(value)) {
    throw parseError(`"${name}" must be a non-negative integer, got "${value}"`);
  }
  return Number(value);
}

/** Reads filters, selection, order and paging from a query string (and a `Range` header). */
export function parseReadQuery(
  table: TableSpec,
  search: URLSearchParams,
  range?: string | null,
): ReadQuery {
  const params = new Params();
  const conditions: string[] = [];
  for (const [key, value] of search) {
    if (key === 'or' || key === 'and' || key === 'not.or' || key === 'not.and') {
      const inner = /^\((.*)\)$/s.exec(value);
      if (!inner) {
        throw parseError(`failed to parse logic tree (${value})`, 'Write or=(a.eq.1,b.eq.2)');
      }
      const tree = logicTree(table, inner[1] as string, key.endsWith('or') ? 'OR' : 'AND', params);
      conditions.push(key.startsWith('not.') ? `NOT ${tree}` : tree);
    } else if (!RESERVED.has(key)) {
      conditions.push(condition(table, key, value, params, false));
    }
  }

  let limit = MAX_ROWS;
  let offset = 0;
  const rangeMatch = range ? /^\s*(\d+)-(\d*)\s*$/.exec(range) : null;
  if (rangeMatch) {
    offset = Number(rangeMatch[1]);
    if (rangeMatch[2]) limit = Math.max(0, Number(rangeMatch[2]) - offset + 1);
  }
  const limitParam = search.get('limit');
  const offsetParam = search.get('offset');
  if (limitParam !== null) limit = nonNegativeInt('limit', limitParam);
  if (offsetParam !== null) offset = nonNegativeInt('offset', offsetParam);

  const selected = selectedColumns(table, search.get('select'));
  return {
    columns: selected ? selected.map(quoteIdent).join(', ') : '*',
    selected,
    where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '',
    orderBy: orderList(table, search.get('order')),
    limit: Math.min(limit, MAX_ROWS),
    offset,
    params: params.values,
  };
}

/** The SELECT for a read query. */
export function selectSql(table: TableSpec, query: ReadQuery): { sql: string; params: unknown[] } {
  const params = [...query.params, query.limit, query.offset];
  const n = query.params.length;
  return {
    sql: [
      `SELECT ${query.columns} FROM ${quoteIdent(table.name)}`,
      query.where,
      `ORDER BY ${query.orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`,
    ]
      .filter(Boolean)
      .join(' '),
    params,
  };
}

/** Keeps only the selected columns of rows read with `*` (for DELETE's returned rows). */
export function project(
  rows: Record<string, unknown>[],
  selected: string[] | null,
): Record<string, unknown>[] {
  if (!selected) return rows;
  return rows.map((row) => Object.fromEntries(selected.map((name) => [name, row[name]])));
}
