import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ComposePage, type SentMessage } from '../features/compose/compose-page';
import { HistoryPanel } from '../features/sent/history-panel';
import { recordSent } from '../features/sent/history-store';
import { SentResult } from '../features/sent/sent-result';
import { Preferences } from './preferences';
import { Shortcuts } from './shortcuts';
import { UndoSend } from './undo-send';

export function App() {
  const { t } = useTranslation();
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 60_000, retry: 1, refetchOnWindowFocus: false } },
      }),
  );
  const [sent, setSent] = useState<SentMessage | null>(null);
  const [undone, setUndone] = useState(false);
  const resultRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (sent) resultRef.current?.focus();
  }, [sent]);

  return (
    <QueryClientProvider client={queryClient}>
      <div className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
        <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <div className="mx-auto flex max-w-7xl items-center gap-3 px-4 py-3">
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <h1 className="text-lg font-semibold">{t('app.title')}</h1>
            <Preferences />
            <Shortcuts />
          </div>
        </header>
        <main className="mx-auto max-w-7xl space-y-6 px-4 py-6">
          <ComposePage
            onSent={(message) => {
              setSent(message);
              setUndone(false);
              void recordSent(message);
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
                <UndoSend
                  key={sent.response.message.id}
                  sent={sent}
                  onUndone={() => {
                    setSent(null);
                    setUndone(true);
                  }}
                />
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
            <HistoryPanel />
          </div>
        </main>
      </div>
    </QueryClientProvider>
  );
}
