import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, LANGUAGES, type Language } from '../i18n';
import { followSystemTheme, saveTheme, storedTheme, THEMES, type Theme } from './theme';

const select =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900';

/** Language and theme, both remembered in this browser. */
export function Preferences() {
  const { t, i18n } = useTranslation();
  const [theme, setTheme] = useState<Theme>(storedTheme);
  useEffect(() => followSystemTheme(() => theme), [theme]);

  return (
    <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
      <label className="flex items-center gap-1.5">
        {t('app.preferences.language')}
        <select
          className={select}
          value={i18n.resolvedLanguage}
          onChange={(event) => chooseLanguage(event.target.value as Language)}
        >
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1.5">
        {t('app.preferences.theme')}
        <select
          className={select}
          value={theme}
          onChange={(event) => {
            const next = event.target.value as Theme;
            setTheme(next);
            saveTheme(next);
          }}
        >
          {THEMES.map((name) => (
            <option key={name} value={name}>
              {t(`app.preferences.themes.${name}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
