import { ApiError } from '../../api/client';
import { describeError as describeApiError } from '../../api/describe-error';
import { i18n } from '../../i18n';

/**
 * One sentence for the history, in the reader's language: the shared description, except where
 * a status read or a cancel gives 404 and 409 a meaning of their own.
 */
export function describeError(error: unknown): string {
  if (error instanceof ApiError && error.status === 404) return i18n.t('sent.errors.noSuchMessage');
  if (error instanceof ApiError && error.status === 409)
    return i18n.t('sent.errors.tooLate', { message: error.body.message });
  const { title, detail } = describeApiError(error);
  return i18n.t('sent.errors.sentence', { title, detail });
}
