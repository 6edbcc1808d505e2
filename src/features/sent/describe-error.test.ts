import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { describeError } from './describe-error';

const apiError = (status: number, message = 'Mateo says no.', retryAfterSeconds?: number) =>
  new ApiError(status, { code: `http_${status}`, message, statusCode: status }, retryAfterSeconds);

describe('describeError', () => {
  it('says in plain words what happened and what to do', () => {
    expect(describeError(apiError(0))).toBe(
      'The server could not be reached: Check your connection and try again.',
    );
    expect(describeError(apiError(404))).toBe('Mateo has no such message (any more).');
    expect(describeError(apiError(409, 'This one is sent.'))).toBe('Too late: This one is sent.');
    expect(describeError(apiError(429, '', 3))).toBe(
      'Too many requests: Mateo allows 2 requests per second. Try again in 3 s.',
    );
    expect(describeError(apiError(504, 'No answer in 10 s.'))).toBe(
      'Mateo did not answer: No answer in 10 s. Try again in a moment.',
    );
    expect(describeError(new Error('boom'))).toBe('Something went wrong: boom');
    expect(describeError(apiError(401, 'Key missing.'))).toContain('MATEO_API_KEY');
  });
});
