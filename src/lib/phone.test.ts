import { describe, it, expect } from 'vitest';
import { countryOfE164, normalizePhone } from './phone';

describe('normalizePhone', () => {
  it('turns a German mobile number in national format into E.164', () => {
    expect(normalizePhone('0151 12345678', 'DE')).toEqual({
      ok: true,
      e164: '+4915112345678',
      country: 'DE',
      display: '+49 1511 2345678',
    });
  });

  it('recognises a foreign number by its country code, whatever the default', () => {
    expect(normalizePhone('+43 664 1234567', 'DE')).toMatchObject({
      ok: true,
      e164: '+436641234567',
      country: 'AT',
    });
  });

  it('accepts common German ways of writing a landline number', () => {
    for (const input of [
      '(030) 901820',
      '030/901820',
      '030 901820',
      '+49 (0) 30 901820',
      '0049 30 901820',
    ]) {
      expect(normalizePhone(input, 'DE')).toMatchObject({
        ok: true,
        e164: '+4930901820',
        country: 'DE',
      });
    }
  });

  it('normalises a US number with the US as default', () => {
    expect(normalizePhone('(201) 555-0123', 'US')).toMatchObject({
      ok: true,
      e164: '+12015550123',
      country: 'US',
      display: '+1 201 555 0123',
    });
  });

  it('asks for a country code when a national number has no default country', () => {
    expect(normalizePhone('015112345678', undefined)).toEqual({
      ok: false,
      reason: 'Add a country code (+49 …) or pick a default country',
    });
  });

  it('reads a leading 00 as the international prefix when no default country is set', () => {
    expect(normalizePhone('0049 151 12345678', undefined)).toMatchObject({
      ok: true,
      e164: '+4915112345678',
    });
    expect(normalizePhone('+49 151 12345678', undefined)).toMatchObject({
      ok: true,
      e164: '+4915112345678',
    });
  });

  it('rejects text that is not a phone number', () => {
    expect(normalizePhone('abc', 'DE')).toEqual({ ok: false, reason: 'Not a phone number' });
    expect(normalizePhone('   ', 'DE')).toEqual({ ok: false, reason: 'Enter a phone number' });
  });

  it('says a number is too short or too long for its country', () => {
    expect(normalizePhone('+49 30', 'DE')).toEqual({ ok: false, reason: 'Too short for Germany' });
    expect(normalizePhone('12', 'DE')).toEqual({ ok: false, reason: 'Too short for Germany' });
    expect(normalizePhone('+49 30 12345678901234', 'DE')).toEqual({
      ok: false,
      reason: 'Too long for Germany',
    });
    expect(normalizePhone('+1 201 555', 'US')).toEqual({
      ok: false,
      reason: 'Too short for United States',
    });
  });

  it('says a number of possible length is not valid in its country', () => {
    expect(normalizePhone('+49 30 12', 'DE')).toEqual({
      ok: false,
      reason: 'Not a valid number in Germany',
    });
    expect(normalizePhone('+44 20 7946 095', 'DE')).toEqual({
      ok: false,
      reason: 'Not a valid number in United Kingdom',
    });
  });

  it('rejects an unknown country code', () => {
    expect(normalizePhone('+999 1234567', 'DE')).toEqual({
      ok: false,
      reason: 'Unknown country code',
    });
  });

  it('rejects an extension, which a message cannot reach', () => {
    expect(normalizePhone('030 901820 ext. 12', 'DE')).toEqual({
      ok: false,
      reason: 'Remove the extension; messages go to the main number',
    });
  });

  // The compact metadata knows only each country's general pattern; German fixed-line numbers
  // may have as few as five digits after +49, so a short one passes.
  it('accepts a short German landline number the numbering plan allows', () => {
    expect(normalizePhone('+49 30 123', 'DE')).toMatchObject({ ok: true, e164: '+4930123' });
  });
});

describe('countryOfE164', () => {
  it('finds the country of a valid number', () => {
    expect(countryOfE164('+4915112345678')).toBe('DE');
    expect(countryOfE164('+436641234567')).toBe('AT');
    expect(countryOfE164('+12015550123')).toBe('US');
  });

  it('returns undefined for anything that is not an E.164 number', () => {
    expect(countryOfE164('015112345678')).toBeUndefined();
    expect(countryOfE164('+999123')).toBeUndefined();
    expect(countryOfE164('')).toBeUndefined();
  });
});
