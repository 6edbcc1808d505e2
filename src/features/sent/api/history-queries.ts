import { queryOptions } from '@tanstack/react-query';
import { readHistory } from '../history-store';
import { refreshStatuses } from '../status-sync';

/** How often the status of unsettled messages is read again. */
export const STATUS_POLL_MS = 5_000;

export const historyKeys = {
  all: ['history'] as const,
  list: () => [...historyKeys.all, 'list'] as const,
  /** One status read of these ids (sorted, so the same set is the same query). */
  statuses: (ids: readonly string[]) => [...historyKeys.all, 'statuses', [...ids].sort()] as const,
};

export const historyQueryOptions = () =>
  queryOptions({
    queryKey: historyKeys.list(),
    queryFn: readHistory,
    // Local data: it changes only through the store, which invalidates this query itself.
    staleTime: Infinity,
    // IndexedDB needs no network; the default mode would pause this read while offline.
    networkMode: 'always',
    retry: false,
  });

/**
 * Reads the status of messages that may still change and writes it into the history. Ids are
 * batched by `getMessageStatuses`, at most 50 per request.
 */
export const statusRefreshQueryOptions = (ids: readonly string[]) =>
  queryOptions({
    queryKey: historyKeys.statuses(ids),
    queryFn: ({ signal }) => refreshStatuses(ids, signal),
    enabled: ids.length > 0,
    refetchInterval: STATUS_POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
    // The next poll is the retry.
    retry: false,
  });
