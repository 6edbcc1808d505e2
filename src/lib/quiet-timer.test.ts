import { afterEach, describe, expect, it, vi } from 'vitest';
import { quietTimer } from './quiet-timer';

afterEach(() => {
  vi.useRealTimers();
});

describe('quietTimer', () => {
  it('runs after a quiet spell, at least every maxWait while pokes keep coming, and not after a cancel', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'], now: 0 });
    const runs: number[] = [];
    const timer = quietTimer(() => runs.push(performance.now()), 400, 2000);

    timer.poke();
    vi.advanceTimersByTime(399);
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual([400]);

    // A key every 100 ms for 5 s never leaves 400 ms of quiet: a run every 2 s all the same,
    // counted from the first poke after the last run.
    runs.length = 0;
    const start = performance.now();
    for (let i = 0; i < 50; i++) {
      timer.poke();
      vi.advanceTimersByTime(100);
    }
    expect(runs.map((at) => at - start)).toEqual([2000, 4000]);
    vi.advanceTimersByTime(400);
    expect(runs).toHaveLength(3);

    timer.poke();
    timer.cancel();
    vi.advanceTimersByTime(5000);
    expect(runs).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(0);
  });
});
