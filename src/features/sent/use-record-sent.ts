import { useMutation, useQueryClient } from '@tanstack/react-query';
import { historyKeys } from './api/history-queries';
import { recordSent } from './history-store';

/** Keeps a sent message in the history; lists show it once the mutation settles. */
export function useRecordSent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordSent,
    networkMode: 'always',
    onSuccess: () => queryClient.invalidateQueries({ queryKey: historyKeys.list() }),
  });
}
