import { describe, expect, it } from 'vitest';
import { MAX_ROWS, parseReadQuery, selectSql, splitTopLevel } from './filters';
import { SandboxError } from './sandbox-error';
import { TABLES } from './store';

const parse = (query: string, range?: string) =>
  parseReadQuery(TABLES.contact, new URLSearchParams(query), range);

function errorOf(run: () => unknown): SandboxError {
  try {
    run();
  } catch (error) {
    if (error instanceof SandboxError) return error;
    throw error;
  }
  throw new Error('expected a SandboxError');
}

describe('parseReadQuery', () => {
  it('turns eq, in and is into parameterised SQL', () => {
    const query = parse(
      'full_name=eq.Anna Schmidt&city=in.(Berlin,"Frankfurt, Main")&email=not.is.null',
    );
    expect(query.where).toBe(
      'WHERE "full_name" = CAST($1::text AS text) AND "city" IN (CAST($2::text AS text), CAST($3::text AS text)) AND NOT ("email" IS NULL)',
    );
    expect(query.params).toEqual(['Anna Schmidt', 'Berlin', 'Frankfurt, Main']);
  });

  it('keeps values out of the SQL text', () => {
    const hostile = "x'); DROP TABLE contact; --";
    const query = parse(
      `full_name=eq.${encodeURIComponent(hostile)}&or=(email.ilike.*${encodeURIComponent("'")}*)`,
    );
    expect(query.where).not.toContain('DROP');
    expect(query.where).not.toContain("'");
    expect(query.params).toEqual([hostile, "%'%"]);
  });

  it('reads the contact search as an OR of ilike terms with * as %', () => {
    const query = parse('or=(full_name.ilike.*anna*,email.ilike.*anna*,whatsapp.ilike.*anna*)');
    expect(query.where).toBe(
      'WHERE ("full_name"::text ILIKE $1 OR "email"::text ILIKE $2 OR "whatsapp"::text ILIKE $3)',
    );
    expect(query.params).toEqual(['%anna%', '%anna%', '%anna%']);
  });

  it('nests and(...) and not.or(...) groups', () => {
    const query = parse(
      'or=(city.eq.Berlin,and(country.eq.SCHWEIZ,not.or(zipcode.eq.8001,zipcode.eq.8002)))',
    );
    expect(query.where).toBe(
      'WHERE ("city" = CAST($1::text AS text) OR ("country" = CAST($2::text AS text) AND NOT ("zipcode" = CAST($3::text AS text) OR "zipcode" = CAST($4::text AS text))))',
    );
  });

  it('answers 42703 for an unknown column in a filter, select or order', () => {
    for (const query of ['nope=eq.1', 'select=id,nope', 'order=nope.desc', 'or=(nope.eq.1)']) {
      const error = errorOf(() => parse(query));
      expect(error.status).toBe(400);
      expect(error.code).toBe('42703');
      expect(error.message).toBe('column contact.nope does not exist');
    }
  });

  it('refuses an unknown operator or a filter without one', () => {
    expect(errorOf(() => parse('city=Berlin')).code).toBe('PGRST100');
    expect(errorOf(() => parse('city=cs.{a}')).code).toBe('PGRST100');
    expect(errorOf(() => parse('city=is.maybe')).code).toBe('PGRST100');
    expect(errorOf(() => parse('city=constructor.x')).code).toBe('PGRST100');
    expect(errorOf(() => parse('city=is.constructor')).code).toBe('PGRST100');
    expect(errorOf(() => parse('constructor=eq.x')).code).toBe('42703');
  });

  it('caps limit at 50 quietly and reads offset and Range', () => {
    expect(parse('limit=500').limit).toBe(MAX_ROWS);
    expect(parse('limit=7&offset=14')).toMatchObject({ limit: 7, offset: 14 });
    expect(parse('', '10-19')).toMatchObject({ limit: 10, offset: 10 });
    expect(errorOf(() => parse('limit=-1')).code).toBe('PGRST100');
  });

  it('orders by the given columns, then by id so pages never overlap', () => {
    const query = parse('order=city.desc.nullslast,full_name');
    expect(query.orderBy).toBe('"city" DESC NULLS LAST, "full_name" ASC, "id" ASC');
    expect(selectSql(TABLES.contact, query).sql).toBe(
      'SELECT * FROM "contact" ORDER BY "city" DESC NULLS LAST, "full_name" ASC, "id" ASC LIMIT $1 OFFSET $2',
    );
  });

  it('selects only the named columns', () => {
    expect(parse('select=id,full_name')).toMatchObject({
      columns: '"id", "full_name"',
      selected: ['id', 'full_name'],
    });
    expect(parse('select=*').selected).toBeNull();
  });
});

describe('splitTopLevel', () => {
  it('splits on commas outside parentheses and quotes', () => {
    expect(splitTopLevel('a.in.(1,2),b.eq."x,y",c.eq.z')).toEqual([
      'a.in.(1,2)',
      'b.eq."x,y"',
      'c.eq.z',
    ]);
  });
});
