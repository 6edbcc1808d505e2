import { describe, it, expect } from 'vitest';
import { checkEmail } from './email-address';

const reason = (address: string) => {
  const result = checkEmail(address);
  return result.ok ? undefined : result.reason;
};

describe('checkEmail', () => {
  it('accepts ordinary addresses', () => {
    for (const address of [
      'anna@example.de',
      'anna.mueller+news@mail.example.co.uk',
      "o'brien@example.ie",
      'a_b-c@x-y.de',
    ]) {
      expect(checkEmail(address)).toEqual({ ok: true, normalized: address });
    }
  });

  it('trims and lower-cases the domain only', () => {
    expect(checkEmail('  Anna.Mueller@Example.DE ')).toEqual({
      ok: true,
      normalized: 'Anna.Mueller@example.de',
    });
  });

  it('accepts internationalised domains, in Unicode or punycode', () => {
    expect(checkEmail('anna@MÜLLER.de')).toEqual({ ok: true, normalized: 'anna@müller.de' });
    expect(checkEmail('anna@mu\u0308ller.de')).toEqual({ ok: true, normalized: 'anna@müller.de' });
    expect(checkEmail('anna@xn--mller-kva.de')).toEqual({
      ok: true,
      normalized: 'anna@xn--mller-kva.de',
    });
    expect(checkEmail('anna@пример.рф')).toMatchObject({ ok: true });
    expect(checkEmail('anna@example.xn--p1ai')).toMatchObject({ ok: true });
  });

  it('explains a missing or doubled @', () => {
    expect(reason('anna.example.de')).toBe('Missing @');
    expect(reason('anna@mail@example.de')).toBe('Only one @ is allowed');
  });

  it('explains a missing part', () => {
    expect(reason('')).toBe('Enter an email address');
    expect(reason('@example.de')).toBe('Missing the name before @');
    expect(reason('anna@')).toBe('Missing domain');
  });

  it('asks for a dot in the domain', () => {
    expect(reason('anna@localhost')).toBe('Domain needs a dot (example.de)');
  });

  it('refuses spaces anywhere inside', () => {
    expect(reason('anna @example.de')).toBe('Contains a space');
    expect(reason('anna@exam ple.de')).toBe('Contains a space');
    expect(reason('anna@example.de\u00a0x')).toBe('Contains a space');
  });

  it('limits the part before @ to 64 characters', () => {
    expect(checkEmail(`${'a'.repeat(64)}@example.de`)).toMatchObject({ ok: true });
    expect(reason(`${'a'.repeat(65)}@example.de`)).toBe(
      'The part before @ is too long (at most 64 characters)',
    );
  });

  it('refuses characters and dots an unquoted local part cannot have', () => {
    expect(reason('an,na@example.de')).toBe('Cannot contain “,” before @');
    expect(reason('"anna"@example.de')).toBe('Cannot contain “"” before @');
    expect(reason('.anna@example.de')).toBe(
      'A dot cannot start or end the part before @, or follow another dot',
    );
    expect(reason('an..na@example.de')).toBe(
      'A dot cannot start or end the part before @, or follow another dot',
    );
    expect(reason('anna.@example.de')).toBe(
      'A dot cannot start or end the part before @, or follow another dot',
    );
  });

  it('checks each part of the domain', () => {
    expect(reason('anna@example..de')).toBe('Domain has an empty part between dots');
    expect(reason('anna@.example.de')).toBe('Domain has an empty part between dots');
    expect(reason('anna@example.de.')).toBe('Domain cannot end with a dot');
    expect(reason('anna@exa_mple.de')).toBe('Domain cannot contain “_”');
    expect(reason('anna@[192.0.2.1]')).toBe('Domain cannot contain “[”');
    expect(reason('anna@-example.de')).toBe(
      'A part of the domain cannot start or end with a hyphen',
    );
    expect(reason('anna@example-.de')).toBe(
      'A part of the domain cannot start or end with a hyphen',
    );
    expect(reason(`anna@${'a'.repeat(64)}.de`)).toBe(
      'A part of the domain is longer than 63 characters',
    );
    expect(checkEmail(`anna@${'a'.repeat(63)}.de`)).toMatchObject({ ok: true });
    expect(reason(`anna@${`${'a'.repeat(60)}.`.repeat(5)}de`)).toBe('Domain is too long');
  });

  it('needs a top-level domain of at least two letters', () => {
    expect(reason('anna@example.d')).toBe(
      'The ending after the last dot needs at least two letters (.de)',
    );
    expect(reason('anna@192.0.2.1')).toBe(
      'The ending after the last dot needs at least two letters (.de)',
    );
  });
});
