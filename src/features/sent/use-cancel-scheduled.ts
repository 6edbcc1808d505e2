import { useMutation, useQueryClient } from '@tanstack/react-query';
import { historyKeys } from './api/history-queries';
import { cancelScheduled } from './status-sync';

/** Cancels a scheduled message by id; resolves with what happened (see `cancelScheduled`). */
export function useCancelScheduled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => cancelScheduled(id),
    // Offline, the request fails at once with a plain message instead of waiting unseen.
    networkMode: 'always',
    onSettled: () => queryClient.invalidateQueries({ queryKey: historyKeys.list() }),
  });
}
