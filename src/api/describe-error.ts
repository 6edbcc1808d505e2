import { ApiError } from './client';

export interface ErrorDescription {
  title: string;
  detail: string;
  code?: string;
  hint?: string;
}

/** For each status a title and a sentence that say what happened and what to do next; shared by the composer and the history. */
export function describeError(error: unknown): ErrorDescription {
  if (!(error instanceof ApiError)) {
    return {
      title: 'Something went wrong',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
  const { code, message, hint } = error.body;
  const base = { code, hint };
  switch (true) {
    case error.status === 0:
      return {
        ...base,
        title: 'The server could not be reached',
        detail: 'Check your connection and try again.',
      };
    case error.status === 400:
      return { ...base, title: 'Mateo refused the message', detail: message };
    case error.status === 401:
      return {
        ...base,
        title: 'No API key',
        detail: `${message} The server has no valid MATEO_API_KEY: set it in the server's environment (.env) and restart.`,
      };
    case error.status === 403:
      return {
        ...base,
        title: 'Not allowed',
        detail: `${message} If this is Mateo's answer, the API key is invalid or lacks rights: create a new one under Settings → Integration → API Key.`,
      };
    case error.status === 409:
      return { ...base, title: 'This message exists already', detail: message };
    case error.status === 429:
      return {
        ...base,
        title: 'Too many requests',
        detail: `Mateo allows 2 requests per second. Try again${error.retryAfterSeconds !== undefined ? ` in ${error.retryAfterSeconds} s` : ' in a moment'}.`,
      };
    case error.status === 502 || error.status === 504:
      return {
        ...base,
        title: 'Mateo did not answer',
        detail: `${message} Try again in a moment.`,
      };
    case error.status >= 500:
      return { ...base, title: 'Mateo had a problem', detail: `${message} Try again in a moment.` };
    default:
      return { ...base, title: `Error ${error.status}`, detail: message };
  }
}
