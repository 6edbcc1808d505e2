import { i18n } from '../i18n';
import { ApiError } from './client';

export interface ErrorDescription {
  title: string;
  detail: string;
  code?: string;
  hint?: string;
}

/**
 * For each status a title and a sentence that say what happened and what to do next, in the
 * reader's language with Mateo's own message as it came; shared by the composer and the history.
 */
export function describeError(error: unknown): ErrorDescription {
  if (!(error instanceof ApiError)) {
    return {
      title: i18n.t('errors.somethingWentWrong'),
      detail: error instanceof Error ? error.message : String(error),
    };
  }
  const { code, message, hint } = error.body;
  const base = { code, hint };
  switch (true) {
    case error.status === 0:
      return {
        ...base,
        title: i18n.t('errors.unreachable'),
        detail: i18n.t('errors.checkConnection'),
      };
    case error.status === 400:
      return { ...base, title: i18n.t('errors.refused'), detail: message };
    case error.status === 401:
      return {
        ...base,
        title: i18n.t('errors.noApiKey'),
        detail: i18n.t('errors.noApiKeyDetail', { message }),
      };
    case error.status === 403:
      return {
        ...base,
        title: i18n.t('errors.forbidden'),
        detail: i18n.t('errors.forbiddenDetail', { message }),
      };
    case error.status === 409:
      return { ...base, title: i18n.t('errors.exists'), detail: message };
    case error.status === 429:
      return {
        ...base,
        title: i18n.t('errors.tooManyRequests'),
        detail:
          error.retryAfterSeconds !== undefined
            ? i18n.t('errors.rateLimitIn', { seconds: error.retryAfterSeconds })
            : i18n.t('errors.rateLimit'),
      };
    case error.status === 502 || error.status === 504:
      return {
        ...base,
        title: i18n.t('errors.noAnswer'),
        detail: i18n.t('errors.tryAgainSoon', { message }),
      };
    case error.status >= 500:
      return {
        ...base,
        title: i18n.t('errors.upstreamProblem'),
        detail: i18n.t('errors.tryAgainSoon', { message }),
      };
    default:
      return { ...base, title: i18n.t('errors.status', { status: error.status }), detail: message };
  }
}
