import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiErrorSchema, SendMessageErrorBodySchema, apiErrorBody } from './api-error';

describe('ApiErrorSchema', () => {
  it('reads the spec’s 400 body, which names the status statusCode', () => {
    const body = {
      code: 'invalid_input',
      message: 'from must be a UUID',
      hint: 'Use a channel id from GET /channel',
      statusCode: 400,
    };
    expect(ApiErrorSchema.parse(body)).toStrictEqual(body);
  });

  it('reads the introduction page’s shape, which names it status', () => {
    expect(
      ApiErrorSchema.parse({ code: 'unauthorized', message: 'Invalid API key', status: 401 }),
    ).toStrictEqual({ code: 'unauthorized', message: 'Invalid API key', statusCode: 401 });
  });

  it('reads PostgREST’s shape: hint null is dropped, details kept', () => {
    const body = {
      code: 'PGRST116',
      details: 'The result contains 0 rows',
      hint: null,
      message: 'JSON object requested, multiple (or no) rows returned',
      status: 406,
    };
    expect(ApiErrorSchema.parse(body)).toStrictEqual({
      code: 'PGRST116',
      message: 'JSON object requested, multiple (or no) rows returned',
      details: 'The result contains 0 rows',
      statusCode: 406,
    });
  });

  it('drops details: null as well', () => {
    expect(
      ApiErrorSchema.parse({
        code: '42501',
        message: 'denied',
        details: null,
        hint: null,
        status: 403,
      }),
    ).toStrictEqual({ code: '42501', message: 'denied', statusCode: 403 });
  });

  it('turns a numeric code into a string', () => {
    const parsed = ApiErrorSchema.parse({ code: 23505, message: 'duplicate key', statusCode: 409 });
    expect(parsed.code).toBe('23505');
  });

  it('prefers statusCode when a body carries both spellings', () => {
    expect(
      ApiErrorSchema.parse({ code: 'x', message: 'y', statusCode: 400, status: 500 }).statusCode,
    ).toBe(400);
  });

  it('rejects a body with neither statusCode nor status, pointing at statusCode', () => {
    const result = ApiErrorSchema.safeParse({ code: 'x', message: 'y' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['statusCode']]);
  });

  it.each([
    ['no code', { message: 'y', statusCode: 400 }],
    ['no message', { code: 'x', statusCode: 400 }],
    ['a string status', { code: 'x', message: 'y', status: '400' }],
    ['a fractional status', { code: 'x', message: 'y', statusCode: 400.5 }],
    ['a non-object body', 'Bad Request'],
  ])('rejects %s', (_label, body) => {
    expect(ApiErrorSchema.safeParse(body).success).toBe(false);
  });

  it('keeps exactly code, message, hint, details and statusCode: other keys are dropped', () => {
    const parsed = ApiErrorSchema.parse({
      code: 'rate_limited',
      message: 'Slow down',
      hint: 'Retry after 30 s',
      details: 'limit 100/min',
      status: 429,
      retry_after: 30,
      error: 'Too Many Requests',
    });
    expect(parsed).toStrictEqual({
      code: 'rate_limited',
      message: 'Slow down',
      hint: 'Retry after 30 s',
      details: 'limit 100/min',
      statusCode: 429,
    });
    expect(Object.keys(parsed)).toEqual(['code', 'message', 'hint', 'details', 'statusCode']);
  });

  it('normalises any spec 400 body with an HTTP status to the same fields', () => {
    const body = fc.record(
      {
        code: fc.string(),
        message: fc.string(),
        hint: fc.string({ minLength: 1 }),
        statusCode: fc.integer({ min: 400, max: 599 }),
      },
      { requiredKeys: ['code', 'message', 'statusCode'] },
    );
    fc.assert(
      fc.property(body, (value) => {
        expect(SendMessageErrorBodySchema.safeParse(value).success).toBe(true);
        expect(ApiErrorSchema.parse(value)).toStrictEqual({ ...value });
      }),
      { numRuns: 200 },
    );
  });
});

describe('apiErrorBody', () => {
  it('builds the normalised shape with a hint', () => {
    expect(
      apiErrorBody(502, 'upstream_unreachable', 'Mateo did not answer', 'Try again'),
    ).toStrictEqual({
      code: 'upstream_unreachable',
      message: 'Mateo did not answer',
      hint: 'Try again',
      statusCode: 502,
    });
  });

  it('omits hint when none is given, rather than sending hint: undefined', () => {
    const body = apiErrorBody(400, 'invalid_input', 'from is required');
    expect(body).toStrictEqual({
      code: 'invalid_input',
      message: 'from is required',
      statusCode: 400,
    });
    expect('hint' in body).toBe(false);
  });

  it('builds a body that both the spec’s 400 schema and ApiErrorSchema accept unchanged', () => {
    const body = apiErrorBody(400, 'invalid_input', 'from is required', 'Pick a channel');
    expect(SendMessageErrorBodySchema.parse(body)).toStrictEqual(body);
    expect(ApiErrorSchema.parse(body)).toStrictEqual(body);
  });
});
