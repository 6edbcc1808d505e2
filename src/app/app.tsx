import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { ComposePage } from '../features/compose/compose-page';

export function App() {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 60_000, retry: 1, refetchOnWindowFocus: false } },
      }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <div className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
        <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <div className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-3">
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <h1 className="text-lg font-semibold">Mateo Composer</h1>
          </div>
        </header>
        <main className="mx-auto max-w-6xl px-4 py-6">
          <ComposePage />
        </main>
      </div>
    </QueryClientProvider>
  );
}
