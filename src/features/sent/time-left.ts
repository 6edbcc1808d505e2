import { i18n } from '../../i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * How long until a scheduled message goes out, as a row shows it: "sends in 5 min",
 * "sends in 2 h 5 min", "sends in 3 days 4 h", in the reader's language. Rounded to the nearest
 * minute, because the list refreshes about every 15 seconds.
 */
export function formatTimeLeft(sendAfter: string, now: number): string {
  const at = Date.parse(sendAfter);
  if (Number.isNaN(at)) return i18n.t('sent.timeLeft.scheduled');
  const left = at - now;
  if (left <= 0) return i18n.t('sent.timeLeft.dueNow');
  if (left < MINUTE) return i18n.t('sent.timeLeft.underAMinute');
  const minutes = Math.round(left / MINUTE);
  if (minutes < 60) return i18n.t('sent.timeLeft.minutes', { minutes });
  if (minutes < 24 * 60) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest
      ? i18n.t('sent.timeLeft.hoursMinutes', { hours, minutes: rest })
      : i18n.t('sent.timeLeft.hours', { hours });
  }
  const hoursTotal = Math.round(left / HOUR);
  const days = Math.floor(hoursTotal / 24);
  const hours = hoursTotal % 24;
  return hours
    ? i18n.t('sent.timeLeft.daysHours', { count: days, hours })
    : i18n.t('sent.timeLeft.days', { count: days });
}
