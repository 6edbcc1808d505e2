import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { historyKeys, historyQueryOptions } from './api/history-queries';
import { subscribeToHistory } from './history-store';

/**
 * The history, newest first, with where it is kept. Follows every change of the store,
 * including `recordSent` called outside React and changes made in other tabs.
 */
export function useHistory() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      subscribeToHistory(() => {
        void queryClient.invalidateQueries({ queryKey: historyKeys.list() });
      }),
    [queryClient],
  );
  return useQuery(historyQueryOptions());
}
