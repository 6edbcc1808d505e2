/**
 * After repeated upstream failures the proxy stops calling for a pause and answers at once, so
 * a failing Mateo is not hammered by retries and people get a clear message instead of waiting
 * for timeouts. After the pause one trial call goes through; its success closes the circuit.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreaker {
  /** Whether a call may go out now; when not, how long until the next trial. */
  allow(): { ok: true } | { ok: false; retryAfterMs: number; failures: number };
  success(): void;
  failure(): void;
  readonly state: CircuitState;
}

export interface CircuitOptions {
  /** Consecutive failures that open the circuit. */
  threshold?: number;
  /** How long it stays open before a trial call. */
  pauseMs?: number;
  now?: () => number;
}

export function createCircuitBreaker({
  threshold = 5,
  pauseMs = 30_000,
  now = Date.now,
}: CircuitOptions = {}): CircuitBreaker {
  let failures = 0;
  let openedAt = 0;
  let state: CircuitState = 'closed';
  let trialInFlight = false;

  return {
    allow() {
      if (state === 'open') {
        const waited = now() - openedAt;
        if (waited < pauseMs) return { ok: false, retryAfterMs: pauseMs - waited, failures };
        state = 'half-open';
        trialInFlight = false;
      }
      if (state === 'half-open') {
        if (trialInFlight) return { ok: false, retryAfterMs: 1000, failures };
        trialInFlight = true;
      }
      return { ok: true };
    },
    success() {
      failures = 0;
      state = 'closed';
      trialInFlight = false;
    },
    failure() {
      failures++;
      trialInFlight = false;
      if (state === 'half-open' || failures >= threshold) {
        state = 'open';
        openedAt = now();
      }
    },
    get state() {
      return state;
    },
  };
}
