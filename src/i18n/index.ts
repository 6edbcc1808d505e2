import { useMemo, useSyncExternalStore } from 'react';
import { de } from './de';
import { en } from './en';
import { browserLanguages, localeFor, setActiveLanguage } from './locale';
import { numberFormat } from './format';
import { Translator, type TFunction } from './translator';

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'de', name: 'Deutsch' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'mateo-composer.language';

function isLanguage(value: string | null | undefined): value is Language {
  return LANGUAGES.some((l) => l.code === value);
}

/** The remembered choice, else the first of the browser's languages we speak, else English. */
export function detectLanguage(): Language {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage may be blocked; the browser's languages still decide.
  }
  if (isLanguage(stored)) return stored;
  for (const tag of browserLanguages()) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

// In English until `initI18n` picks the language, so that modules outside React (validation,
// error descriptions) and their unit tests can translate. `{{count, number}}` in a text groups
// digits as the reader's region does (10,000 / 10.000).
const locales = new Map<string, string>();
const i18n = new Translator<Language>({ en, de }, 'en', (value, language, options) => {
  let locale = locales.get(language);
  if (!locale) locales.set(language, (locale = localeFor(language)));
  return numberFormat(locale, options).format(value);
});
i18n.on('languageChanged', setActiveLanguage);

const subscribe = (onChange: () => void) => {
  i18n.on('languageChanged', onChange);
  return () => i18n.off('languageChanged', onChange);
};
const currentLanguage = () => i18n.language;

/** The texts for a component, which renders again when the language changes. */
export function useTranslation(): { t: TFunction; i18n: typeof i18n } {
  const language = useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
  const t = useMemo(() => i18n.fixedT(language), [language]);
  return { t, i18n };
}

function applyToDocument(language: string) {
  document.documentElement.lang = language;
  document.title = i18n.t('app.title');
  document
    .querySelector('meta[name="description"]')
    ?.setAttribute('content', i18n.t('app.description'));
}

export function initI18n(language: Language = detectLanguage()) {
  // Every language is bundled, so the change is done when this returns.
  if (i18n.language !== language) void i18n.changeLanguage(language);
  applyToDocument(language);
  i18n.off('languageChanged', applyToDocument);
  i18n.on('languageChanged', applyToDocument);
  return i18n;
}

/** Switches the language and remembers it for the next visit. */
export function chooseLanguage(language: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, but still switched.
  }
  void i18n.changeLanguage(language);
}

export { DIGITS_DATE_TIME, formatDateTime, formatNumber, formatTime } from './format';
export { currentLocale, localeFor } from './locale';
export {
  actionTypeText,
  channelTypeText,
  conversationStatusText,
  messageStatusText,
  recipientRoleText,
} from './values';
export { i18n };
export type { TFunction };
