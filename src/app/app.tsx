import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n';
import { useFirstFrameDrawn } from '../lib/after-frame';
import { ComposePage, type SentMessage } from '../features/compose/compose-page';
import { SentResult } from '../features/sent/sent-result';
import { Preferences } from './preferences';
import { Shortcuts } from './shortcuts';

// The history (and its store) and the undo bar are not needed to write the first message: they
// load in chunks of their own, after the composer (the history once the composer is drawn).
const HistoryPanel = lazy(() =>
  import('../features/sent/history-panel').then((module) => ({ default: module.HistoryPanel })),
);
const UndoSend = lazy(() => import('./undo-send').then((module) => ({ default: module.UndoSend })));

function recordSent(message: SentMessage) {
  void import('../features/sent/history-store').then(({ recordSent: record }) => record(message));
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 60_000, retry: 1, refetchOnWindowFocus: false } },
  });
}

/** `queryClient`: made by the page before the first render, with requests already on the way. */
export function App({ queryClient }: { queryClient: QueryClient }) {
  const { t } = useTranslation();
  const [sent, setSent] = useState<SentMessage | null>(null);
  const [undone, setUndone] = useState(false);
  const resultRef = useRef<HTMLElement>(null);
  const historyWanted = useFirstFrameDrawn();
  useEffect(() => {
    if (sent) resultRef.current?.focus();
  }, [sent]);

  return (
    <QueryClientProvider client={queryClient}>
      <div className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
        <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <div className="mx-auto flex max-w-7xl items-center gap-3 px-4 py-3">
            {/* Drawn in the page, not an <img>: an SVG image is a document of its own to set up. */}
            <svg viewBox="0 0 32 32" width={28} height={28} aria-hidden="true">
              <rect width="32" height="32" rx="7" fill="#0f766e" />
              <path d="M8 10h16v10H14l-4 4v-4H8z" fill="#fff" />
            </svg>
            <h1 className="text-lg font-semibold whitespace-nowrap">{t('app.title')}</h1>
            <Preferences />
            <Shortcuts />
          </div>
        </header>
        <main className="mx-auto max-w-7xl space-y-6 px-4 py-6">
          <ComposePage
            onSent={(message) => {
              setSent(message);
              setUndone(false);
              recordSent(message);
            }}
          />
          <div className="grid gap-6 lg:grid-cols-2">
            <div aria-live="polite">
              {undone ? (
                <p
                  role="status"
                  className="mb-2 rounded-md border border-slate-300 p-2 text-sm dark:border-slate-600"
                >
                  {t('app.undone')}
                </p>
              ) : null}
              {sent?.undoUntil ? (
                <Suspense fallback={null}>
                  <UndoSend
                    key={sent.response.message.id}
                    sent={sent}
                    onUndone={() => {
                      setSent(null);
                      setUndone(true);
                    }}
                  />
                </Suspense>
              ) : null}
              {sent?.reconciled ? (
                <p className="mb-2 rounded-md border border-sky-300 bg-sky-50 p-2 text-sm dark:border-sky-800 dark:bg-sky-950">
                  {t('app.reconciled')}
                </p>
              ) : null}
              {sent ? (
                <SentResult
                  ref={resultRef}
                  response={sent.response}
                  channelName={sent.channel.name ?? sent.channel.type}
                  channelType={sent.channel.type}
                />
              ) : null}
            </div>
            <Suspense fallback={<HistoryLoading />}>
              {historyWanted ? <HistoryPanel /> : <HistoryLoading />}
            </Suspense>
          </div>
        </main>
      </div>
    </QueryClientProvider>
  );
}

function HistoryLoading() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="history-loading-heading" className="space-y-2">
      <h2 id="history-loading-heading" className="text-base font-semibold">
        {t('sent.history.heading')}
      </h2>
      <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
        {t('sent.history.loading')}
      </p>
    </section>
  );
}
