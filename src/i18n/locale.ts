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

let active = 'en';

/** Called by the texts when the reader's language changes. */
export function setActiveLanguage(language: string) {
  active = language;
}

/** The active language as a BCP 47 tag for Intl formatters (see `localeFor`). */
export function currentLocale(): string {
  return localeFor(active);
}
