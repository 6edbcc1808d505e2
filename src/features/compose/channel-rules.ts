import { CHANNEL_RULES, type ChannelRule } from '../../../schemas/channel-rules';
import type { Channel, ChannelType } from '../../../schemas/rows';

/**
 * The composer reads the one channel-rules table of the shared contract (the sandbox applies
 * the same table); this module adds what only the form needs.
 */
export { CHANNEL_RULES, checkChannelRules } from '../../../schemas/channel-rules';
export type { ChannelRule } from '../../../schemas/channel-rules';

export function ruleFor(type: ChannelType): ChannelRule {
  return CHANNEL_RULES[type];
}

/** Why a channel cannot be picked, or null when it can. */
export function unavailableReason(channel: Channel): string | null {
  switch (channel.status) {
    case 'active':
      return channel.active === false ? 'switched off' : null;
    case 'inactive':
      return 'inactive';
    case 'draft':
      return 'still a draft';
    case 'in-review':
      return 'in review by the provider';
    case 'rejected':
      return 'rejected by the provider';
  }
}

export const RECIPIENT_PLACEHOLDER: Record<ChannelRule['recipient'], string> = {
  email: 'name@example.de, or paste a list',
  phone: '+49 151 …, or paste a list',
  handle: 'Search contacts or type a handle',
  contact: 'Search contacts by name',
};
