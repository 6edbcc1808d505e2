import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { applyTheme, storedTheme } from './app/theme';
import { readDraftsEarly } from './features/compose/use-drafts';
import { initI18n } from './i18n';
import './index.css';

applyTheme(storedTheme());
initI18n();
readDraftsEarly();

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
const reactRoot = createRoot(root);
// A transition: React renders the first screen in slices, yielding to the browser between
// them, instead of in one long task (the page's static frame is on screen meanwhile).
startTransition(() =>
  reactRoot.render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
