import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createQueryClient } from './app/app';
import { channelsQueryOptions } from './features/compose/api/queries';
import { applyTheme, storedTheme } from './app/theme';
import { readDraftsEarly } from './features/compose/use-drafts';
import { initI18n } from './i18n';
import './index.css';

applyTheme(storedTheme());
initI18n();
readDraftsEarly();
// The channels are asked for now, beside the drafts, so that the composer's first render has
// them and draws a restored draft's recipients at once, instead of rendering again for them.
const queryClient = createQueryClient();
void queryClient.prefetchQuery(channelsQueryOptions());

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
const reactRoot = createRoot(root);
// A transition: React renders the first screen in slices, yielding to the browser between
// them, instead of in one long task (the page's static frame is on screen meanwhile).
startTransition(() =>
  reactRoot.render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  ),
);
