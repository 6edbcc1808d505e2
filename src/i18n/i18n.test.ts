import { describe, expect, it } from 'vitest';
import { de } from './de';
import { en } from './en';
import { i18n } from './index';

type Tree = { [key: string]: string | Tree };

/** Every text with its dotted key: `compose.drafts.saved`. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') texts.set(path, value);
    else for (const [inner, text] of flatten(value, path)) texts.set(inner, text);
  }
  return texts;
}

/** `{{count, number}}` as `count, number`, and markup tags such as `<time>`, sorted. */
function slots(text: string): string[] {
  const placeholders = [...text.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map((m) =>
    (m[1] as string).replace(/\s*,\s*/g, ', '),
  );
  const tags = [...text.matchAll(/<\/?([a-z][a-z0-9]*)\s*\/?>/gi)].map((m) => `<${m[1]}>`);
  return [...placeholders, ...tags].sort();
}

const english = flatten(en);
const german = flatten(de);

describe('the German and English texts', () => {
  it('have the same keys', () => {
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('use the same placeholders and markup in each text', () => {
    const differing = [...english].flatMap(([key, text]) => {
      const other = german.get(key);
      return other !== undefined && slots(other).join('|') !== slots(text).join('|')
        ? [{ key, en: slots(text), de: slots(other) }]
        : [];
    });
    expect(differing).toEqual([]);
  });

  it('leave no text empty', () => {
    const empty = [...english, ...german]
      .filter(([, text]) => text.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('give every counted text both plural forms', () => {
    const bases = [...english.keys()]
      .filter((key) => /_(one|other)$/.test(key))
      .map((key) => key.replace(/_(one|other)$/, ''));
    const missing = bases.filter(
      (base) => !english.has(`${base}_one`) || !english.has(`${base}_other`),
    );
    expect(missing).toEqual([]);
  });
});

describe('translating', () => {
  it('picks the plural form and writes numbers as each language does', () => {
    expect(i18n.t('recipients.count', { count: 1, lng: 'en' })).toBe('1 recipient');
    expect(i18n.t('recipients.count', { count: 10_000, lng: 'en' })).toBe('10,000 recipients');
    expect(i18n.t('recipients.count', { count: 10_000, lng: 'de' })).toBe('10.000 Empfänger');
    expect(i18n.t('recipients.merged', { count: 2, lng: 'de' })).toBe(
      '2 Duplikate zusammengeführt',
    );
  });

  it('keeps a value inside a text as it came, even when it looks like a placeholder', () => {
    expect(i18n.t('builders.template.placeholder', { slot: '{{1}}', lng: 'de' })).toBe(
      'Platzhalter {{1}}',
    );
  });
});
