import { ApiError } from '../../api/client';
import { describeError as describeApiError } from '../../api/describe-error';

/**
 * One sentence for the history: the shared description, except where a status read or a cancel
 * gives 404 and 409 a meaning of their own.
 */
export function describeError(error: unknown): string {
  if (error instanceof ApiError && error.status === 404)
    return 'Mateo has no such message (any more).';
  if (error instanceof ApiError && error.status === 409) return `Too late: ${error.body.message}`;
  const { title, detail } = describeApiError(error);
  return `${title}: ${detail}`;
}
