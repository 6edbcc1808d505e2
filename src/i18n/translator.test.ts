import { describe, expect, it, vi } from 'vitest';
import { Translator } from './translator';

const texts = {
  en: {
    greeting: 'Hello {{name}}',
    files_one: '{{count, number}} file',
    files_other: '{{count, number}} files',
    only: { english: 'Only in English' },
    keys: { enter: 'Enter', escape: 'Esc' },
  },
  de: {
    greeting: 'Hallo {{name}}',
    files_one: '{{count, number}} Datei',
    files_other: '{{count, number}} Dateien',
    only: {},
    keys: { enter: 'Eingabe', escape: 'Esc' },
  },
};

function translator() {
  return new Translator<'en' | 'de'>(texts, 'en', (value, language, options) =>
    new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-US', options).format(value),
  );
}

describe('Translator', () => {
  it('fills slots, and leaves a slot with no value as it is', () => {
    const t = translator().t as (key: string, options?: object) => string;
    expect(t('greeting', { name: 'Zoë' })).toBe('Hello Zoë');
    expect(t('greeting')).toBe('Hello {{name}}');
  });

  it('picks the plural form by the language’s rules and writes the number its way', () => {
    const i18n = translator();
    const t = i18n.t as (key: string, options?: object) => string;
    expect(t('files', { count: 1 })).toBe('1 file');
    expect(t('files', { count: 0 })).toBe('0 files');
    expect(t('files', { count: 12_500, lng: 'de' })).toBe('12.500 Dateien');
    expect(t('files', { count: 1.5, maximumFractionDigits: 1, lng: 'de' })).toBe('1,5 Dateien');
  });

  it('takes a text missing in the language from English; an unknown key reads as its default, else itself', () => {
    const i18n = translator();
    void i18n.changeLanguage('de');
    const t = i18n.t as (key: string, options?: object | string) => string;
    expect(t('only.english')).toBe('Only in English');
    expect(t('channels.codes.fax', 'fax')).toBe('fax');
    expect(t('no.such.text')).toBe('no.such.text');
    expect(i18n.exists('only.english')).toBe(true);
    expect(i18n.exists('only')).toBe(true);
    expect(i18n.exists('no.such')).toBe(false);
  });

  it('gives a group of texts as it stands when asked for one', () => {
    const i18n = translator();
    void i18n.changeLanguage('de');
    const t = i18n.t as (key: string, options?: object) => unknown;
    expect(t('keys', { returnObjects: true })).toEqual({ enter: 'Eingabe', escape: 'Esc' });
    // Without asking for the group, a group key reads as the key.
    expect(t('keys')).toBe('keys');
  });

  it('tells its listeners when the language changes, once per change, and keeps a fixed t to its language', () => {
    const i18n = translator();
    const listener = vi.fn();
    i18n.on('languageChanged', listener);
    const english = i18n.fixedT('en') as (key: string, options?: object) => string;
    void i18n.changeLanguage('de');
    void i18n.changeLanguage('de');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith('de');
    expect(i18n.language).toBe('de');
    expect((i18n.t as (key: string, options?: object) => string)('greeting', { name: 'A' })).toBe(
      'Hallo A',
    );
    expect(english('greeting', { name: 'A' })).toBe('Hello A');
    i18n.off('languageChanged', listener);
    void i18n.changeLanguage('en');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
