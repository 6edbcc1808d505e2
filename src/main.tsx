import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createQueryClient } from './app/app';
import { loadAnswers } from './api/client';
import { channelsQueryOptions } from './features/compose/api/queries';
import { applyTheme, storedTheme } from './app/theme';
import { agentTimeZone } from './features/compose/form-model';
import { loadChannelFields } from './features/compose/load-channel-fields';
import { readDraftsEarly } from './features/compose/use-drafts';
import { initI18n } from './i18n';
import './index.css';

applyTheme(storedTheme());
initI18n();
// The schemas every answer is checked with: the first request goes out on the first render (or
// as soon as a draft is read), so they load now, beside the drafts' read, not after it.
void loadAnswers().catch(() => undefined);
// The browser's date and time data load on the first use of Intl (10 to 50 ms here), and the
// composer's first render asks for the time zone. A task of its own, now, while the drafts are
// read, keeps that out of the render, which would otherwise be one long task with it.
setTimeout(agentTimeZone, 0);
const queryClient = createQueryClient();
// With a draft to restore, its channel list and the fields its channel adds are asked for as
// soon as the drafts are read, and the composer's first render waits for them too (see
// readDraftsEarly): it then draws the draft's channel, recipients and fields at once, instead of
// a form without its channel that renders again when they come. Without a draft the composer
// asks for them as it renders.
readDraftsEarly((drafts) =>
  drafts[0]?.values.channelId
    ? Promise.all([queryClient.prefetchQuery(channelsQueryOptions()), loadChannelFields()])
    : undefined,
);

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
