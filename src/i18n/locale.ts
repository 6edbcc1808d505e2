import i18n from 'i18next';

export function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages ?? [navigator.language];
}

/**
 * The language as a BCP 47 tag for Intl formatters: the browser's own regional variant of it
 * when it has one (en-GB writes dates day first), else Germany's or the US's.
 */
export function localeFor(language: string): string {
  const base = language.toLowerCase().split('-')[0];
  const regional = browserLanguages().find((tag) => tag.toLowerCase().split('-')[0] === base);
  return regional ?? (base === 'de' ? 'de-DE' : 'en-US');
}

/** The active language as a BCP 47 tag for Intl formatters (see `localeFor`). */
export function currentLocale(): string {
  return localeFor(i18n.resolvedLanguage ?? 'en');
}
