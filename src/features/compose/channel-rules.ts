import { CHANNEL_RULES, type ChannelRule } from '../../../schemas/channel-rules';
import type { Channel, ChannelType } from '../../../schemas/rows';
import { i18n } from '../../i18n';

/**
 * The composer reads the one channel-rules table of the shared contract (the sandbox applies
 * the same table); this module adds what only the form needs, in the reader's language.
 */
export { CHANNEL_RULES, checkChannelRules } from '../../../schemas/channel-rules';
export type { ChannelRule } from '../../../schemas/channel-rules';

export function ruleFor(type: ChannelType): ChannelRule {
  return CHANNEL_RULES[type];
}

/** The channel type's name in the reader's language ("Email", "E-Mail"); brands stay as they are. */
export function channelLabel(type: ChannelType): string {
  return i18n.t(`channels.names.${type}`);
}

const TYPES = Object.keys(CHANNEL_RULES) as ChannelType[];

/** The name of the channel type a rule belongs to; the contract's label for a rule not in the table. */
export function ruleLabel(rule: ChannelRule): string {
  const type = TYPES.find((t) => CHANNEL_RULES[t] === rule);
  return type ? channelLabel(type) : rule.label;
}

/** Why the platform behind a channel type no longer delivers, or null while it does. */
export function retiredNote(type: ChannelType): string | null {
  const retired = ruleFor(type).retired;
  if (!retired) return null;
  const key = `channels.retired.${type}` as const;
  // A type the contract retires later than these texts were written keeps the contract's words.
  return i18n.exists(key) ? i18n.t(key as 'channels.retired.google_business_messaging') : retired;
}

/** Why a channel cannot be picked, or null when it can. */
export function unavailableReason(channel: Channel): string | null {
  switch (channel.status) {
    case 'active':
      return channel.active === false ? i18n.t('channels.unavailable.switchedOff') : null;
    case 'inactive':
      return i18n.t('channels.unavailable.inactive');
    case 'draft':
      return i18n.t('channels.unavailable.draft');
    case 'in-review':
      return i18n.t('channels.unavailable.inReview');
    case 'rejected':
      return i18n.t('channels.unavailable.rejected');
  }
}

/** What the recipient field suggests typing, by kind of recipient. */
export function recipientPlaceholder(kind: ChannelRule['recipient']): string {
  return i18n.t(`recipients.placeholder.${kind}`);
}
