import { getCountries, getCountryCallingCode } from 'libphonenumber-js/min';
import { describe, it, expect } from 'vitest';
import { defaultCountryFromLocale, isSupportedCountry, listCountries } from './phone-countries';

describe('defaultCountryFromLocale', () => {
  it('uses the region subtag', () => {
    expect(defaultCountryFromLocale(['de-DE'])).toBe('DE');
    expect(defaultCountryFromLocale(['de-AT'])).toBe('AT');
    expect(defaultCountryFromLocale(['en-GB'])).toBe('GB');
    expect(defaultCountryFromLocale(['en-US'])).toBe('US');
  });

  it('takes a bare language as its main country', () => {
    expect(defaultCountryFromLocale(['de'])).toBe('DE');
    expect(defaultCountryFromLocale(['fr'])).toBe('FR');
  });

  it('follows the order of preference', () => {
    expect(defaultCountryFromLocale(['de', 'en-US', 'en'])).toBe('DE');
    expect(defaultCountryFromLocale(['de-CH', 'de-DE'])).toBe('CH');
  });

  it('skips a bare English and anything it cannot read, falling back to Germany', () => {
    expect(defaultCountryFromLocale(['en'])).toBe('DE');
    expect(defaultCountryFromLocale(['en', 'en-GB'])).toBe('GB');
    expect(defaultCountryFromLocale(['es-419', 'not a locale'])).toBe('DE');
    expect(defaultCountryFromLocale([])).toBe('DE');
  });

  it('skips a region without phone numbers of its own', () => {
    // Antarctica has no numbering plan in libphonenumber.
    expect(defaultCountryFromLocale(['en-AQ', 'de-AT'])).toBe('AT');
    expect(defaultCountryFromLocale(['en-AQ'])).toBe('DE');
  });
});

describe('listCountries', () => {
  it('lists supported countries sorted by code with their calling codes', () => {
    const countries = listCountries();
    expect(countries.length).toBeGreaterThan(200);
    expect(countries).toContainEqual({ code: 'DE', callingCode: '49' });
    expect(countries).toContainEqual({ code: 'AT', callingCode: '43' });
    const codes = countries.map((country) => country.code);
    expect(codes).toEqual([...codes].sort());
  });
});

describe('the country table', () => {
  // The page lists countries without loading libphonenumber-js; the list must be the library's.
  // On a failure after an update of the library, the expected side is the new table.
  it('is the list of libphonenumber-js with its calling codes', () => {
    const library = getCountries()
      .slice()
      .sort()
      .map((code) => ({ code, callingCode: getCountryCallingCode(code) }));
    expect(listCountries()).toEqual(library);
  });

  it('knows which countries are supported', () => {
    expect(isSupportedCountry('DE')).toBe(true);
    expect(isSupportedCountry('XK')).toBe(true);
    expect(isSupportedCountry('AQ')).toBe(false);
    expect(isSupportedCountry('de')).toBe(false);
    expect(isSupportedCountry('001')).toBe(false);
  });
});
