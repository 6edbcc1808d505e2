import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { analyzeSms, splitSmsSegments } from './sms-segments';

const a = (count: number) => 'a'.repeat(count);
const septets = (part: string) =>
  Array.from(part).reduce((sum, char) => sum + ('\f^{}\\[~]|€'.includes(char) ? 2 : 1), 0);

describe('analyzeSms in GSM-7', () => {
  it('reports nothing to send for empty text', () => {
    expect(analyzeSms('')).toEqual({
      encoding: 'GSM-7',
      length: 0,
      characters: 0,
      segments: 0,
      perSegment: 160,
      remaining: 160,
      nonGsm: [],
    });
  });

  it('fits 160 characters in one segment', () => {
    expect(analyzeSms(a(160))).toMatchObject({
      encoding: 'GSM-7',
      length: 160,
      segments: 1,
      perSegment: 160,
      remaining: 0,
    });
  });

  it('switches to 153-septet parts at 161', () => {
    expect(analyzeSms(a(161))).toMatchObject({
      segments: 2,
      perSegment: 153,
      remaining: 2 * 153 - 161,
    });
  });

  it('needs a third part after 306', () => {
    expect(analyzeSms(a(306))).toMatchObject({ segments: 2, remaining: 0 });
    expect(analyzeSms(a(307))).toMatchObject({ segments: 3, remaining: 152 });
  });

  it('counts extension characters as two septets', () => {
    expect(analyzeSms(`${a(159)}€`)).toMatchObject({
      encoding: 'GSM-7',
      length: 161,
      characters: 160,
      segments: 2,
    });
    expect(analyzeSms('€'.repeat(80))).toMatchObject({
      length: 160,
      characters: 80,
      segments: 1,
      remaining: 0,
    });
    expect(analyzeSms('{')).toMatchObject({ length: 2, remaining: 158 });
    expect(analyzeSms('^{}\\[~]|€\f')).toMatchObject({ encoding: 'GSM-7', length: 20, nonGsm: [] });
  });

  it('keeps German umlauts, ß, é and upper-case Ç in GSM-7', () => {
    expect(analyzeSms('äöüÄÖÜßéÇ')).toMatchObject({ encoding: 'GSM-7', length: 9, nonGsm: [] });
    expect(analyzeSms('@£$¥èùìòØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæÉ¤¡Ñ§¿ñà')).toMatchObject({
      encoding: 'GSM-7',
      nonGsm: [],
    });
  });

  it('counts a line break pair as two septets', () => {
    expect(analyzeSms('Hallo\r\nAnna')).toMatchObject({ encoding: 'GSM-7', length: 11 });
  });
});

describe('analyzeSms in UCS-2', () => {
  it('switches on one emoji, which takes two code units', () => {
    expect(analyzeSms('Hi 😀')).toMatchObject({
      encoding: 'UCS-2',
      length: 5,
      characters: 4,
      nonGsm: ['😀'],
    });
  });

  it('fits 70 code units in one segment and uses 67 per part after that', () => {
    expect(analyzeSms(`${a(68)}😀`)).toMatchObject({
      length: 70,
      segments: 1,
      perSegment: 70,
      remaining: 0,
    });
    expect(analyzeSms(`${a(69)}😀`)).toMatchObject({
      length: 71,
      segments: 2,
      perSegment: 67,
      remaining: 2 * 67 - 71,
    });
    expect(analyzeSms(`${a(132)}😀`)).toMatchObject({ length: 134, segments: 2, remaining: 0 });
    expect(analyzeSms(`${a(133)}😀`)).toMatchObject({ length: 135, segments: 3 });
  });

  it('matches the carrier example: 152 GSM characters and one emoji make three segments', () => {
    expect(analyzeSms(`${a(152)}😀`).segments).toBe(3);
  });

  it('flags lower-case ç and ê, which the GSM table lacks', () => {
    expect(analyzeSms('Garçon').nonGsm).toEqual(['ç']);
    expect(analyzeSms('Crêpe').nonGsm).toEqual(['ê']);
  });

  it('lists curly quotes once each, in order of appearance', () => {
    const result = analyzeSms('It’s “fine”, it’s ‘fine’');
    expect(result.encoding).toBe('UCS-2');
    expect(result.nonGsm).toEqual(['’', '“', '”', '‘']);
  });

  it('counts graphemes as characters and reports them whole', () => {
    const family = '👨‍👩‍👧';
    expect(analyzeSms(family)).toMatchObject({ length: 8, characters: 1, nonGsm: [family] });
    const decomposed = 'Cafe\u0301';
    expect(analyzeSms(decomposed)).toMatchObject({
      encoding: 'UCS-2',
      characters: 4,
      nonGsm: ['e\u0301'],
    });
  });
});

describe('splitSmsSegments', () => {
  it('returns no parts for empty text and one part for a single message', () => {
    expect(splitSmsSegments('')).toEqual([]);
    expect(splitSmsSegments(a(160))).toEqual([a(160)]);
    expect(splitSmsSegments('€'.repeat(80))).toEqual(['€'.repeat(80)]);
  });

  it('cuts GSM-7 at 153 septets', () => {
    expect(splitSmsSegments(a(307))).toEqual([a(153), a(153), a(1)]);
  });

  it('moves an escape pair at a boundary whole to the next part', () => {
    const parts = splitSmsSegments(`${a(152)}€${a(10)}`);
    expect(parts).toEqual([a(152), `€${a(10)}`]);
    expect(analyzeSms(`${a(152)}€${a(10)}`)).toMatchObject({ segments: 2, remaining: 153 - 12 });
  });

  it('moves a surrogate pair at a boundary whole to the next part', () => {
    const parts = splitSmsSegments(`${a(66)}😀${a(10)}`);
    expect(parts).toEqual([a(66), `😀${a(10)}`]);
  });

  it('cuts UCS-2 at 67 code units', () => {
    const text = `😀${a(200)}`;
    expect(splitSmsSegments(text).map((part) => part.length)).toEqual([67, 67, 67, 1]);
  });

  it('produces parts that join back to the text and fit their limit', () => {
    const alphabet = ['a', 'Ä', ' ', '\n', '€', '{', '^', 'ç', '😀', '“', '👨‍👩‍👧', 'e\u0301'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 400 }), (chars) => {
        const text = chars.join('');
        const parts = splitSmsSegments(text);
        const analysis = analyzeSms(text);
        expect(parts.join('')).toBe(text);
        expect(parts.length).toBe(analysis.segments);
        for (const part of parts) {
          expect(part.length).toBeGreaterThan(0);
          if (analysis.encoding === 'GSM-7') {
            expect(septets(part)).toBeLessThanOrEqual(parts.length > 1 ? 153 : 160);
          } else {
            expect(part.length).toBeLessThanOrEqual(parts.length > 1 ? 67 : 70);
            // No part may start with the second half of a surrogate pair.
            expect(part.charCodeAt(0) >= 0xdc00 && part.charCodeAt(0) <= 0xdfff).toBe(false);
          }
        }
      }),
    );
  });
});
