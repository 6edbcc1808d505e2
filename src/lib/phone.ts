/**
 * Phone numbers for SMS and WhatsApp recipients, normalised to E.164 as Mateo expects.
 *
 * Uses the "min" metadata (83 kB of JSON against 157 kB for "max") to keep the bundle small.
 * It checks each country's general number pattern, not the ranges of each number type, so it
 * is lenient: +49 30 123 passes (the German plan allows fixed-line numbers that short, and so
 * does "max"), and so does a German mobile number one digit short, +49 151 1234567, which
 * "max" would reject.
 *
 * The library and its metadata weigh about 29 KiB gzip, so this module is never imported
 * statically by the page: phone-loader.ts loads it on demand, and phone-countries.ts knows the
 * countries without it.
 */
import {
  getCountryCallingCode,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/min';
import { currentLocale, i18n } from '../i18n';

export type { CountryCode } from 'libphonenumber-js/min';

/** A number in E.164, or why it is not one (in the reader's language). */
export type NormalizedPhone =
  | { ok: true; e164: string; country: CountryCode | undefined; display: string }
  | { ok: false; reason: string };

// One per locale: a pasted list of thousands of numbers asks for a name each.
const regionNames = new Map<string, Intl.DisplayNames | undefined>();

/** A country's name in the reader's language ("Germany", "Deutschland"). */
function countryName(country: CountryCode): string {
  const locale = currentLocale();
  if (!regionNames.has(locale)) {
    try {
      regionNames.set(locale, new Intl.DisplayNames([locale], { type: 'region' }));
    } catch {
      regionNames.set(locale, undefined);
    }
  }
  return regionNames.get(locale)?.of(country) ?? country;
}

/**
 * Where a number belongs, for messages: its own country when known, else the default country
 * when it shares the calling code, else the main country of that code (listed first by
 * libphonenumber, e.g. US for +1, GB for +44), else the bare code ("+999"); undefined when
 * the number has no home yet.
 */
function placeOf(
  parsed: PhoneNumber | undefined,
  defaultCountry: CountryCode | undefined,
  international: boolean,
): string | undefined {
  // An unparsable "+43 6" is not Austrian or German yet; only a national entry has a home.
  if (!parsed) return defaultCountry && !international ? countryName(defaultCountry) : undefined;
  if (parsed.country) return countryName(parsed.country);
  if (defaultCountry && getCountryCallingCode(defaultCountry) === parsed.countryCallingCode) {
    return countryName(defaultCountry);
  }
  const main = parsed.getPossibleCountries()[0];
  if (main) return countryName(main);
  return `+${parsed.countryCallingCode}`;
}

/** "Too short" or "Too short for Germany", in the reader's language. */
function withPlace(
  bare: 'tooShort' | 'tooLong' | 'wrongLength' | 'invalid',
  place: string | undefined,
): string {
  if (place === undefined) return i18n.t(`validation.phone.${bare}`);
  switch (bare) {
    case 'tooShort':
      return i18n.t('validation.phone.tooShortFor', { place });
    case 'tooLong':
      return i18n.t('validation.phone.tooLongFor', { place });
    case 'wrongLength':
      return i18n.t('validation.phone.wrongLengthFor', { place });
    case 'invalid':
      return i18n.t('validation.phone.invalidIn', { place });
  }
}

export function normalizePhone(
  input: string,
  defaultCountry: CountryCode | undefined,
): NormalizedPhone {
  let text = input.trim();
  if (text === '') return { ok: false, reason: i18n.t('validation.phone.enter') };
  // Without a default country there is no way to know the dialling prefix; 00 is the one used
  // across Europe, where most numbers entered here come from.
  if (!defaultCountry && text.startsWith('00')) text = `+${text.slice(2)}`;

  const international = text.startsWith('+');
  const lengthProblem = validatePhoneNumberLength(text, { defaultCountry });
  const parsed = parsePhoneNumberFromString(text, { defaultCountry, extract: false });
  const place = placeOf(parsed, defaultCountry, international);

  switch (lengthProblem) {
    case 'NOT_A_NUMBER':
      return { ok: false, reason: i18n.t('validation.phone.notANumber') };
    case 'INVALID_COUNTRY':
      return {
        ok: false,
        reason: i18n.t(
          international ? 'validation.phone.unknownCountryCode' : 'validation.phone.addCountryCode',
        ),
      };
    case 'TOO_SHORT':
      return { ok: false, reason: withPlace('tooShort', place) };
    case 'TOO_LONG':
      return { ok: false, reason: withPlace('tooLong', place) };
    case 'INVALID_LENGTH':
      return { ok: false, reason: withPlace('wrongLength', place) };
    case undefined:
      break;
  }

  if (!parsed) {
    return {
      ok: false,
      reason: i18n.t(
        international || defaultCountry
          ? 'validation.phone.notANumber'
          : 'validation.phone.addCountryCode',
      ),
    };
  }
  if (!parsed.isValid()) {
    return { ok: false, reason: withPlace('invalid', place) };
  }
  // E.164 has no room for an extension, and a message cannot be routed to one.
  if (parsed.ext) {
    return { ok: false, reason: i18n.t('validation.phone.extension') };
  }

  return {
    ok: true,
    e164: parsed.number,
    country: parsed.country,
    display: parsed.formatInternational(),
  };
}

export function countryOfE164(e164: string): CountryCode | undefined {
  if (!e164.startsWith('+')) return undefined;
  return parsePhoneNumberFromString(e164, { extract: false })?.country;
}
