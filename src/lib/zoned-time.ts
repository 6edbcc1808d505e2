import { TZDate } from '@date-fns/tz';
import { i18n } from '../i18n';

export interface ZonedInstant {
  /** The instant, for comparisons. */
  instant: Date;
  /** The contract's date-time with the zone's offset, e.g. `2026-11-25T09:00:00+01:00`. */
  iso: string;
  /** `+01:00` */
  offset: string;
  /** The wall time actually used (differs from the asked one in a skipped hour). */
  wall: { date: string; time: string };
  /**
   * `gap`: the asked time does not exist (clocks went forward) and was moved forward by the
   * gap; `overlap`: it exists twice (clocks went back) and the earlier one is used.
   */
  adjusted: 'gap' | 'overlap' | null;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function wallOf(time: number, zone: string) {
  const z = new TZDate(time, zone);
  return {
    date: `${pad(z.getFullYear(), 4)}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`,
    time: `${pad(z.getHours())}:${pad(z.getMinutes())}`,
    offsetMinutes: -z.getTimezoneOffset(),
  };
}

export function formatOffset(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/**
 * Turns a wall-clock date and time in an IANA zone into an instant, the way people mean it
 * across daylight-saving changes: a skipped time moves forward, a doubled time takes the
 * earlier (summer-time) occurrence.
 */
export function zonedToInstant(date: string, time: string, zone: string): ZonedInstant | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day || hour > 23 || minute > 59)
    return null;

  let instant = new TZDate(year, month - 1, day, hour, minute, 0, zone).getTime();
  let adjusted: ZonedInstant['adjusted'] = null;
  const asked = `${date}T${time}`;
  const found = wallOf(instant, zone);
  if (`${found.date}T${found.time}` !== asked) adjusted = 'gap';
  else {
    const earlier = wallOf(instant - 60 * 60_000, zone);
    if (`${earlier.date}T${earlier.time}` === asked) {
      instant -= 60 * 60_000;
      adjusted = 'overlap';
    }
  }
  const wall = wallOf(instant, zone);
  const offset = formatOffset(wall.offsetMinutes);
  return {
    instant: new Date(instant),
    iso: `${wall.date}T${wall.time}:00${offset}`,
    offset,
    wall: { date: wall.date, time: wall.time },
    adjusted,
  };
}

/** The wall date and time of an instant in a zone. */
export function instantToZoned(instant: Date, zone: string): { date: string; time: string } {
  const { date, time } = wallOf(instant.getTime(), zone);
  return { date, time };
}

/** Adds whole days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(next.getUTCFullYear(), 4)}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

/** Presets for "Send later", as wall times in the agent's zone, labelled in the reader's language. */
export function schedulePresets(now: Date, zone: string) {
  const inOneHour = instantToZoned(new Date(now.getTime() + 60 * 60_000), zone);
  const today = instantToZoned(now, zone).date;
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const daysToMonday = (8 - weekday) % 7 || 7;
  return [
    {
      label: i18n.t('builders.schedule.presets.inOneHour'),
      date: inOneHour.date,
      time: inOneHour.time,
    },
    {
      label: i18n.t('builders.schedule.presets.tomorrow'),
      date: addDays(today, 1),
      time: '09:00',
    },
    {
      label: i18n.t('builders.schedule.presets.nextMonday'),
      date: addDays(today, daysToMonday),
      time: '09:00',
    },
  ];
}

/** Single-zone countries, for a recipient's local time (countries with several zones are left out). */
export const COUNTRY_ZONES: Record<string, string> = {
  DE: 'Europe/Berlin',
  AT: 'Europe/Vienna',
  CH: 'Europe/Zurich',
  LI: 'Europe/Vaduz',
  LU: 'Europe/Luxembourg',
  NL: 'Europe/Amsterdam',
  BE: 'Europe/Brussels',
  FR: 'Europe/Paris',
  IT: 'Europe/Rome',
  PL: 'Europe/Warsaw',
  CZ: 'Europe/Prague',
  DK: 'Europe/Copenhagen',
  SE: 'Europe/Stockholm',
  NO: 'Europe/Oslo',
  FI: 'Europe/Helsinki',
  GB: 'Europe/London',
  IE: 'Europe/Dublin',
  GR: 'Europe/Athens',
  TR: 'Europe/Istanbul',
  HU: 'Europe/Budapest',
  HR: 'Europe/Zagreb',
  SI: 'Europe/Ljubljana',
  SK: 'Europe/Bratislava',
  RO: 'Europe/Bucharest',
  UA: 'Europe/Kyiv',
  IN: 'Asia/Kolkata',
  JP: 'Asia/Tokyo',
  CN: 'Asia/Shanghai',
  IL: 'Asia/Jerusalem',
  AE: 'Asia/Dubai',
};
