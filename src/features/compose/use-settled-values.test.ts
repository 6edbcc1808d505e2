import { createFormControl } from 'react-hook-form';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_WAIT_MS, SETTLE_MS, onSettled } from './use-settled-values';

afterEach(() => {
  vi.useRealTimers();
});

describe('onSettled', () => {
  it('hands every follower of one form the values in the same task, after a pause or at least every 250 ms', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'], now: 0 });
    const form = createFormControl({ defaultValues: { subject: '', text: '' } });
    const text = form.register('text');
    const handed: string[] = [];
    const stopPreview = onSettled(form.control, () => handed.push(`preview:${Date.now()}`));
    const stopCounter = onSettled(form.control, () => handed.push(`counter:${Date.now()}`));
    const type = (value: string) =>
      text.onChange({ target: { name: 'text', value }, type: 'change' });

    await type('H');
    // One clock for both: one timer, so both render in one task and are drawn in one frame.
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(SETTLE_MS - 1);
    expect(handed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(handed).toEqual([`preview:${SETTLE_MS}`, `counter:${SETTLE_MS}`]);

    // Keys every 50 ms never pause for 80 ms; the values still come every 250 ms.
    handed.length = 0;
    for (let i = 0; i < 10; i++) {
      await type(`Hello ${i}`);
      vi.advanceTimersByTime(50);
    }
    const at = handed.filter((h) => h.startsWith('counter')).map((h) => Number(h.split(':')[1]));
    expect(at).toEqual([SETTLE_MS + MAX_WAIT_MS, SETTLE_MS + 2 * MAX_WAIT_MS]);

    // A follower that leaves is not called; when the last one leaves the clock stops.
    stopPreview();
    handed.length = 0;
    await type('Bye');
    vi.advanceTimersByTime(SETTLE_MS);
    expect(handed.map((h) => h.split(':')[0])).toEqual(['counter']);
    stopCounter();
    await type('Gone');
    vi.advanceTimersByTime(1000);
    expect(handed.length).toBe(1);
  });
});
