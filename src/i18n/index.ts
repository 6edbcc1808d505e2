import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de } from './de';
import { en } from './en';
import { browserLanguages, localeFor } from './locale';
import { numberFormat } from './format';

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'de', name: 'Deutsch' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'mateo-composer.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

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

// Initialised when first imported, in English, so that modules outside React (validation,
// error descriptions) and their unit tests can translate; `initI18n` then picks the language.
void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: LANGUAGES.map((l) => l.code),
  resources: { en: { translation: en }, de: { translation: de } },
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
// `{{count, number}}` in a text groups digits as the reader's region does (10,000 / 10.000).
// i18next hands the formatter the whole call's options (the count among them): only the number
// format's own options pick the (cached) formatter.
const NUMBER_OPTIONS = [
  'style',
  'unit',
  'unitDisplay',
  'notation',
  'compactDisplay',
  'useGrouping',
  'signDisplay',
  'minimumIntegerDigits',
  'minimumFractionDigits',
  'maximumFractionDigits',
  'maximumSignificantDigits',
] as const;
i18n.services.formatter?.add('number', (value: number, lng, options: Record<string, unknown>) => {
  const picked = Object.fromEntries(
    NUMBER_OPTIONS.filter((key) => options?.[key] !== undefined).map((key) => [key, options[key]]),
  ) as Intl.NumberFormatOptions;
  return numberFormat(localeFor(lng ?? 'en'), picked).format(value);
});

function applyToDocument(language: string) {
  document.documentElement.lang = language;
  document.title = i18n.t('app.title');
  document
    .querySelector('meta[name="description"]')
    ?.setAttribute('content', i18n.t('app.description'));
}

export function initI18n(language: Language = detectLanguage()) {
  // No backend: every language is bundled, so the change is done when this returns.
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
