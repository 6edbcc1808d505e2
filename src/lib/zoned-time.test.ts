import { describe, expect, it } from 'vitest';
import { DATE_TIME_PATTERN } from '../../schemas/patterns';
import { schedulePresets, zonedToInstant } from './zoned-time';

describe('zonedToInstant (send_after in a time zone)', () => {
  it('writes winter and summer offsets for Berlin', () => {
    const winter = zonedToInstant('2026-11-25', '09:00', 'Europe/Berlin');
    expect(winter?.iso).toBe('2026-11-25T09:00:00+01:00');
    expect(winter?.instant.toISOString()).toBe('2026-11-25T08:00:00.000Z');
    const summer = zonedToInstant('2026-07-01', '09:00', 'Europe/Berlin');
    expect(summer?.iso).toBe('2026-07-01T09:00:00+02:00');
    expect(summer?.adjusted).toBeNull();
    for (const value of [winter, summer]) expect(DATE_TIME_PATTERN.test(value!.iso)).toBe(true);
  });

  it('moves a time in the skipped hour forward (clocks go forward on 29 March 2026)', () => {
    const result = zonedToInstant('2026-03-29', '02:30', 'Europe/Berlin');
    expect(result?.adjusted).toBe('gap');
    expect(result?.iso).toBe('2026-03-29T03:30:00+02:00');
    expect(result?.instant.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the earlier of a doubled hour (clocks go back on 25 October 2026)', () => {
    const result = zonedToInstant('2026-10-25', '02:30', 'Europe/Berlin');
    expect(result?.adjusted).toBe('overlap');
    expect(result?.iso).toBe('2026-10-25T02:30:00+02:00');
    expect(result?.instant.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedToInstant('2026-10-25', '03:30', 'Europe/Berlin')?.iso).toBe(
      '2026-10-25T03:30:00+01:00',
    );
  });

  it('knows 29 February', () => {
    expect(zonedToInstant('2028-02-29', '09:00', 'Europe/Berlin')?.iso).toBe(
      '2028-02-29T09:00:00+01:00',
    );
    expect(zonedToInstant('2027-02-29', '09:00', 'Europe/Berlin')).toBeNull();
    expect(zonedToInstant('2100-02-29', '09:00', 'UTC')).toBeNull();
    expect(zonedToInstant('2000-02-29', '09:00', 'UTC')?.iso).toBe('2000-02-29T09:00:00+00:00');
  });

  it('handles zones west of UTC and half hours', () => {
    expect(zonedToInstant('2026-11-25', '09:00', 'America/New_York')?.iso).toBe(
      '2026-11-25T09:00:00-05:00',
    );
    expect(zonedToInstant('2026-11-25', '09:00', 'Asia/Kolkata')?.iso).toBe(
      '2026-11-25T09:00:00+05:30',
    );
  });

  it('refuses malformed input', () => {
    expect(zonedToInstant('2026-13-01', '09:00', 'UTC')).toBeNull();
    expect(zonedToInstant('2026-11-25', '24:00', 'UTC')).toBeNull();
    expect(zonedToInstant('25.11.2026', '09:00', 'UTC')).toBeNull();
  });
});

describe('schedulePresets', () => {
  it('offers in one hour, tomorrow 09:00 and next Monday 09:00 in the agent’s zone', () => {
    // Tuesday 24 November 2026, 23:30 in Berlin.
    const presets = schedulePresets(new Date('2026-11-24T22:30:00Z'), 'Europe/Berlin');
    expect(presets).toEqual([
      { label: 'In one hour', date: '2026-11-25', time: '00:30' },
      { label: 'Tomorrow 09:00', date: '2026-11-25', time: '09:00' },
      { label: 'Next Monday 09:00', date: '2026-11-30', time: '09:00' },
    ]);
    // On a Monday, next Monday is a week away.
    expect(schedulePresets(new Date('2026-11-30T08:00:00Z'), 'Europe/Berlin')[2]?.date).toBe(
      '2026-12-07',
    );
  });
});
