const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * How long until a scheduled message goes out, as a row shows it: "sends in 5 min",
 * "sends in 2 h 5 min", "sends in 3 days 4 h". Rounded to the nearest minute, because the list
 * refreshes about every 15 seconds.
 */
export function formatTimeLeft(sendAfter: string, now: number): string {
  const at = Date.parse(sendAfter);
  if (Number.isNaN(at)) return 'scheduled';
  const left = at - now;
  if (left <= 0) return 'due now';
  if (left < MINUTE) return 'sends in less than a minute';
  const minutes = Math.round(left / MINUTE);
  if (minutes < 60) return `sends in ${minutes} min`;
  if (minutes < 24 * 60) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest ? `sends in ${hours} h ${rest} min` : `sends in ${hours} h`;
  }
  const hoursTotal = Math.round(left / HOUR);
  const days = Math.floor(hoursTotal / 24);
  const hours = hoursTotal % 24;
  const dayText = `${days} ${days === 1 ? 'day' : 'days'}`;
  return hours ? `sends in ${dayText} ${hours} h` : `sends in ${dayText}`;
}

/** A date and time in the reader's locale; the raw value when it is not a date. */
export function formatDateTime(value: string, locale?: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
