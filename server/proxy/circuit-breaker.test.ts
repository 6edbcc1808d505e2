import { describe, expect, it } from 'vitest';
import { createCircuitBreaker } from './circuit-breaker';

describe('circuit breaker', () => {
  it('opens after the threshold of consecutive failures, fails fast during the pause, then lets one trial through', () => {
    let t = 0;
    const breaker = createCircuitBreaker({ threshold: 3, pauseMs: 10_000, now: () => t });
    for (let i = 0; i < 2; i++) {
      expect(breaker.allow()).toEqual({ ok: true });
      breaker.failure();
    }
    expect(breaker.state).toBe('closed');
    breaker.allow();
    breaker.failure();
    expect(breaker.state).toBe('open');
    t = 4_000;
    expect(breaker.allow()).toEqual({ ok: false, retryAfterMs: 6_000, failures: 3 });

    t = 10_000;
    expect(breaker.allow()).toEqual({ ok: true });
    expect(breaker.state).toBe('half-open');
    // Only one trial at a time.
    expect(breaker.allow().ok).toBe(false);
    breaker.success();
    expect(breaker.state).toBe('closed');
    expect(breaker.allow()).toEqual({ ok: true });
  });

  it('opens again at once when the trial fails', () => {
    let t = 0;
    const breaker = createCircuitBreaker({ threshold: 1, pauseMs: 1_000, now: () => t });
    breaker.allow();
    breaker.failure();
    t = 1_000;
    expect(breaker.allow().ok).toBe(true);
    breaker.failure();
    expect(breaker.state).toBe('open');
    expect(breaker.allow()).toMatchObject({ ok: false, retryAfterMs: 1_000 });
  });

  it('a success resets the count', () => {
    const breaker = createCircuitBreaker({ threshold: 2 });
    breaker.failure();
    breaker.success();
    breaker.failure();
    expect(breaker.state).toBe('closed');
  });
});
