import { currentLocale } from './locale';

/**
 * One formatter per locale and options, made once: making an Intl formatter costs far more than
 * using one, and counters are formatted again on every keystroke.
 */
function cached<F>(cache: Map<string, F>, make: (locale: string, options?: object) => F) {
  return (locale: string, options?: object): F => {
    const key = `${locale} ${options ? JSON.stringify(options) : ''}`;
    let format = cache.get(key);
    if (!format) cache.set(key, (format = make(locale, options)));
    return format;
  };
}

export const numberFormat = cached(
  new Map<string, Intl.NumberFormat>(),
  (locale, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options),
);
const dateTimeFormat = cached(
  new Map<string, Intl.DateTimeFormat>(),
  (locale, options?: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options),
);

/** A number as the reader's region writes it: 10,000 in English, 10.000 in German. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return numberFormat(currentLocale(), options).format(value);
}

/**
 * Date and time to the second, all in digits ("11/30/2026, 11:10:05 PM", "30.11.2026, 23:10:05"),
 * as `toLocaleString()` writes them.
 */
export const DIGITS_DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
};

/**
 * A date and time in the reader's language and region; the raw value when it is not a date.
 * Short by default ("Nov 30, 2026, 11:10 PM", "30.11.2026, 23:10").
 */
export function formatDateTime(
  value: string | number | Date,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return dateTimeFormat(currentLocale(), options).format(date);
}

/** A time of day in the reader's language and region ("11:10:05 PM", "23:10:05"). */
export function formatTime(value: string | number | Date): string {
  return formatDateTime(value, { timeStyle: 'medium' });
}
