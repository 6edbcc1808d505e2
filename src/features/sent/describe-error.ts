import { ApiError } from '../../api/client';

/**
 * A sentence that says what went wrong with a status read or a cancel, and what to do next,
 * in the composer's tone.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
  }
  const { message } = error.body;
  switch (true) {
    case error.status === 0:
      return 'The server could not be reached. Check your connection and try again.';
    case error.status === 401:
      return `No API key: ${message} Set MATEO_API_KEY in the server's environment and restart.`;
    case error.status === 403:
      return `Not allowed: ${message}`;
    case error.status === 404:
      return 'Mateo has no such message (any more).';
    case error.status === 409:
      return `Too late: ${message}`;
    case error.status === 429:
      return `Too many requests; Mateo allows 2 per second. Try again${error.retryAfterSeconds !== undefined ? ` in ${error.retryAfterSeconds} s` : ' in a moment'}.`;
    case error.status === 502 || error.status === 504:
      return `Mateo did not answer: ${message} Try again in a moment.`;
    case error.status >= 500:
      return `Mateo had a problem: ${message} Try again in a moment.`;
    default:
      return `Error ${error.status}: ${message}`;
  }
}
