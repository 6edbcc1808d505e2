import { useEffect, useId, useState } from 'react';
import { useTranslation, chooseLanguage, LANGUAGES, type Language } from '../i18n';
import { followSystemTheme, saveTheme, storedTheme, THEMES, type Theme } from './theme';

const select =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900';

/** Language and theme, both remembered in this browser. */
export function Preferences() {
  const { t, i18n } = useTranslation();
  const [theme, setTheme] = useState<Theme>(storedTheme);
  // Labels by id, not by wrapping: a wrapped select would add its chosen option to its name.
  const id = useId();
  useEffect(() => followSystemTheme(() => theme), [theme]);

  return (
    <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
      <div className="flex items-center gap-1.5">
        <label htmlFor={`${id}-language`}>{t('app.preferences.language')}</label>
        <select
          id={`${id}-language`}
          className={select}
          value={i18n.language}
          onChange={(event) => chooseLanguage(event.target.value as Language)}
        >
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-1.5">
        <label htmlFor={`${id}-theme`}>{t('app.preferences.theme')}</label>
        <select
          id={`${id}-theme`}
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
      </div>
    </div>
  );
}
