import { queryOptions } from '@tanstack/react-query';
import type { ChannelType } from '../../../../schemas/rows';
import { listChannels } from '../../../api/channels';
import { searchContacts } from '../../../api/contacts';

export const channelKeys = {
  all: ['channel'] as const,
  list: () => [...channelKeys.all, 'list'] as const,
};

export const contactKeys = {
  all: ['contact'] as const,
  search: (channelType: ChannelType, term: string) =>
    [...contactKeys.all, 'search', channelType, term] as const,
};

export const channelsQueryOptions = () =>
  queryOptions({
    queryKey: channelKeys.list(),
    queryFn: ({ signal }) => listChannels(signal),
    staleTime: 5 * 60_000,
  });

export const contactSearchQueryOptions = (channelType: ChannelType, term: string) =>
  queryOptions({
    queryKey: contactKeys.search(channelType, term),
    queryFn: ({ signal }) => searchContacts(term, channelType, signal),
    enabled: term.trim().length >= 2,
    staleTime: 60_000,
  });
