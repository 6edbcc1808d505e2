import { describe, expect, it } from 'vitest';
import { formatTimeLeft } from './time-left';

const now = Date.parse('2026-03-02T08:00:00Z');
const inMs = (ms: number) => new Date(now + ms).toISOString();
const MIN = 60_000;

describe('formatTimeLeft', () => {
  it('says minutes for the next hour, rounded to the nearest minute', () => {
    expect(formatTimeLeft(inMs(5 * MIN), now)).toBe('sends in 5 min');
    expect(formatTimeLeft(inMs(5 * MIN - 20_000), now)).toBe('sends in 5 min');
    expect(formatTimeLeft(inMs(59 * MIN), now)).toBe('sends in 59 min');
  });

  it('says hours and minutes within a day, days and hours beyond', () => {
    expect(formatTimeLeft(inMs(60 * MIN), now)).toBe('sends in 1 h');
    expect(formatTimeLeft(inMs(125 * MIN), now)).toBe('sends in 2 h 5 min');
    expect(formatTimeLeft(inMs(24 * 60 * MIN), now)).toBe('sends in 1 day');
    expect(formatTimeLeft(inMs((3 * 24 + 4) * 60 * MIN), now)).toBe('sends in 3 days 4 h');
  });

  it('says less than a minute, and due now once the time has come', () => {
    expect(formatTimeLeft(inMs(30_000), now)).toBe('sends in less than a minute');
    expect(formatTimeLeft(inMs(0), now)).toBe('due now');
    expect(formatTimeLeft(inMs(-5 * MIN), now)).toBe('due now');
  });

  it('reads offsets, not just UTC', () => {
    // 09:05 in Berlin (winter) is 08:05 UTC.
    expect(formatTimeLeft('2026-03-02T09:05+01:00', now)).toBe('sends in 5 min');
  });

  it('does not invent a time for a value that is not one', () => {
    expect(formatTimeLeft('tomorrow', now)).toBe('scheduled');
  });
});
