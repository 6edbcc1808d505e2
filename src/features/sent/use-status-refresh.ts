import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { statusRefreshQueryOptions } from './api/history-queries';
import { isPending, type HistoryEntry } from './history-entry';

/**
 * While any entry may still change (`sending`, `submitted`, `scheduled`, not cancelled), reads
 * their statuses every 5 s, all ids in one request (50 per request), and again when the window
 * regains focus. The results land in the history store.
 */
export function useStatusRefresh(entries: readonly HistoryEntry[]) {
  const ids = useMemo(
    () =>
      entries
        .filter(isPending)
        .map((entry) => entry.id)
        .sort(),
    [entries],
  );
  const { refetch, error, isFetching } = useQuery(statusRefreshQueryOptions(ids));
  const polling = ids.length > 0;
  useEffect(() => {
    if (!polling) return;
    // The query library refetches on tab visibility; a window that comes back from another
    // application gets focus without becoming visible again.
    const onFocus = () => void refetch({ cancelRefetch: false });
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [polling, refetch]);
  return { polling, error, isFetching };
}
