import { queryOptions } from '@tanstack/react-query';
import type { ChannelType } from '../../../../schemas/rows';
import { listChannels } from '../../../api/channels';
import { searchContacts } from '../../../api/contacts';
import { getConversation, getMessage } from '../../../api/messages';
import { listTemplates } from '../../../api/templates';
import { UUID_PATTERN } from '../../../../schemas/patterns';

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

export const templateKeys = {
  all: ['template'] as const,
  list: (channelType: ChannelType) => [...templateKeys.all, 'list', channelType] as const,
};

export const templatesQueryOptions = (channelType: ChannelType) =>
  queryOptions({
    queryKey: templateKeys.list(channelType),
    queryFn: ({ signal }) => listTemplates(channelType, signal),
    staleTime: 5 * 60_000,
    retry: false,
  });

export const replyKeys = {
  message: (id: string) => ['message', 'detail', id] as const,
  conversation: (id: string) => ['conversation', 'detail', id] as const,
};

export const replyMessageQueryOptions = (id: string) =>
  queryOptions({
    queryKey: replyKeys.message(id),
    queryFn: ({ signal }) => getMessage(id, signal),
    enabled: UUID_PATTERN.test(id),
    retry: false,
  });

export const conversationQueryOptions = (id: string | undefined) =>
  queryOptions({
    queryKey: replyKeys.conversation(id ?? ''),
    queryFn: ({ signal }) => getConversation(id as string, signal),
    enabled: Boolean(id),
    retry: false,
  });
