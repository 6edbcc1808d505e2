import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rawPathRefusal } from './gate';

/** The refusal for a raw request target, as the Node server hands it over. */
const refusedTarget = (url: string) =>
  rawPathRefusal(new Request('http://127.0.0.1/'), { incoming: { url } }) !== undefined;

// The rule as first written, one test per kind of trick: the single expression that replaced it
// for speed must refuse exactly the same paths.
const referenceRefused = (target: string) => {
  const rawPath = target.split('?')[0] ?? '';
  return (
    !rawPath.startsWith('/') ||
    rawPath.startsWith('//') ||
    /\/\//.test(rawPath) ||
    /(^|\/)\.\.?(\/|$)/.test(rawPath) ||
    /%2e|%2f|%5c|%00|\\/i.test(rawPath)
  );
};

describe('rawPathRefusal', () => {
  it('refuses exactly what the per-trick checks refused', () => {
    const piece = fc.constantFrom(
      '/',
      '//',
      '.',
      '..',
      'a',
      'api',
      '%2e',
      '%2E',
      '%2f',
      '%2F',
      '%5c',
      '%5C',
      '%00',
      '%41',
      '\\',
      '?',
      'http:',
      '~',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const target = parts.join('');
        expect(refusedTarget(target)).toBe(referenceRefused(target));
      }),
      { numRuns: 3000 },
    );
  });

  it('lets plain paths through and refuses the known tricks', () => {
    for (const target of ['/api/channel?select=id,name', '/', '/assets/a.js', '/api/x?a=..']) {
      expect(refusedTarget(target)).toBe(false);
    }
    for (const target of [
      '',
      'http://evil/api/channel',
      '//evil/api',
      '/api//x',
      '/api/../x',
      '/api/.',
      '/api/%2E%2e/x',
      '/api/a%2fb',
      '/api/%5C',
      '/api/%00',
      '/api\\x',
    ]) {
      expect(refusedTarget(target)).toBe(true);
    }
  });
});
