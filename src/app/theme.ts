export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const STORAGE_KEY = 'mateo-composer.theme';
const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

export function storedTheme(): Theme {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (THEMES.includes(value as Theme)) return value as Theme;
  } catch {
    // Storage may be blocked: follow the system.
  }
  return 'system';
}

/** Sets the `dark` class that Tailwind's dark variant keys on, and the native controls' scheme. */
export function applyTheme(theme: Theme) {
  const dark = theme === 'dark' || (theme === 'system' && darkQuery().matches);
  const root = document.documentElement;
  root.classList.toggle('dark', dark);
  root.style.colorScheme = dark ? 'dark' : 'light';
}

export function saveTheme(theme: Theme) {
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Applied for this visit only.
  }
  applyTheme(theme);
}

/** Follows the system's setting while the choice is "system". Returns the unsubscribe. */
export function followSystemTheme(current: () => Theme) {
  const query = darkQuery();
  const onChange = () => {
    if (current() === 'system') applyTheme('system');
  };
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
