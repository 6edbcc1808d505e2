import type { SendMessageRequest, SendMessageResponse } from '../../schemas/send-message';
import { i18n } from '../i18n';
import { ApiError, apiRequest, type ApiAnswer } from './client';

export async function sendMessage(
  request: SendMessageRequest,
  signal?: AbortSignal,
  base?: string,
) {
  return apiRequest({
    method: 'POST',
    path: '/send_message',
    body: request,
    schema: (answers) => answers.SendMessageResponseSchema,
    signal,
    base,
  });
}

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Retry-After is honoured up to this much. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

/** Only failures after which the message may or may not have been stored, or was refused for load. */
export function isRetryable(error: unknown): error is ApiError {
  return error instanceof ApiError && [0, 429, 502, 503, 504].includes(error.status);
}

/** Retry-After when the upstream gave one (capped), else exponential backoff with full jitter. */
export function retryDelayMs(
  attempt: number,
  error: ApiError,
  policy: RetryPolicy,
  random: () => number,
): number {
  if (error.retryAfterSeconds !== undefined)
    return Math.min(error.retryAfterSeconds * 1000, policy.maxRetryAfterMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** A 409 on our own message id: Mateo already has this message. */
export function isAlreadyStored(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409 && error.body.code === '23505';
}

export interface SafeSendOptions {
  signal?: AbortSignal;
  policy?: RetryPolicy;
  /** Told before each wait: which attempt failed, why, and how long until the next. */
  onRetry?: (info: { attempt: number; error: ApiError; delayMs: number }) => void;
  /** Told while the browser is offline and the send waits for the connection. */
  onOffline?: () => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  base?: string;
}

export interface SafeSendResult extends ApiAnswer<SendMessageResponse> {
  /** The answer was read back after a 409 on our id: an earlier try had stored it. */
  reconciled: boolean;
  attempts: number;
}

const sleepFor = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

function waitForOnline(signal?: AbortSignal): Promise<void> {
  if (typeof navigator === 'undefined' || navigator.onLine !== false) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = () => resolve();
    window.addEventListener('online', done, { once: true });
    signal?.addEventListener('abort', () => {
      window.removeEventListener('online', done);
      reject(signal.reason);
    });
  });
}

/**
 * Reads a message back after a 409 on our id, with its conversation, so the screen can show it
 * as sent. Recipients and buttons are not readable through the proxy, so they come back empty.
 */
export async function readBackMessage(
  id: string,
  signal?: AbortSignal,
  base?: string,
): Promise<ApiAnswer<SendMessageResponse>> {
  const message = await apiRequest({
    path: `/message?id=eq.${id}&select=*`,
    schema: (answers) => answers.MessageListSchema,
    signal,
    base,
  });
  const row = message.data[0];
  if (!row) {
    throw new ApiError(404, {
      code: 'not_found',
      message: i18n.t('errors.client.readBackFailed'),
      statusCode: 404,
    });
  }
  const conversation = await apiRequest({
    path: `/conversation?id=eq.${row.conversation_id}`,
    schema: (answers) => answers.ConversationListSchema,
    signal,
    base,
  });
  const conv = conversation.data[0];
  if (!conv) {
    throw new ApiError(404, {
      code: 'not_found',
      message: i18n.t('errors.client.conversationUnreadable'),
      statusCode: 404,
    });
  }
  return { ...message, data: { conversation: conv, message: row, recipients: [], actions: [] } };
}

/**
 * The one layer that retries a send. The request carries the draft's message id, so a retry
 * can never deliver twice: if an earlier try was stored, Mateo answers 409 and the message is
 * read back instead. Only network failures, 429, 502, 503 and 504 are retried.
 */
export async function sendMessageSafely(
  request: SendMessageRequest,
  options: SafeSendOptions = {},
): Promise<SafeSendResult> {
  const {
    signal,
    policy = DEFAULT_RETRY,
    onRetry,
    onOffline,
    sleep = sleepFor,
    random = Math.random,
    base,
  } = options;
  if (!request.id) throw new Error('A message id is needed for a safe send');
  for (let attempt = 1; ; attempt++) {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      onOffline?.();
      await waitForOnline(signal);
    }
    try {
      const answer = await sendMessage(request, signal, base);
      return { ...answer, reconciled: false, attempts: attempt };
    } catch (error) {
      if (isAlreadyStored(error)) {
        const answer = await readBackMessage(request.id, signal, base);
        return { ...answer, reconciled: true, attempts: attempt };
      }
      if (!isRetryable(error) || attempt >= policy.maxAttempts) throw error;
      const delayMs = retryDelayMs(attempt, error, policy, random);
      onRetry?.({ attempt, error, delayMs });
      await sleep(delayMs, signal);
    }
  }
}
