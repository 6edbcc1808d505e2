import type { ChannelRule } from '../../../schemas/channel-rules';
import type { Action } from '../../../schemas/send-message';
import { normalizePhone, type CountryCode } from '../../lib/phone';

export type ActionKind = 'quick_reply' | 'url' | 'phone' | 'list';

/** One button as the builder edits it. */
export interface ActionDraft {
  key: string;
  kind: ActionKind;
  text: string;
  /** URL, phone number or list-row description. */
  data: string;
}

export const ACTION_KIND_LABEL: Record<ActionKind, string> = {
  quick_reply: 'Quick reply',
  url: 'Link button',
  phone: 'Call button',
  list: 'List row',
};

const PLURAL: Record<ActionKind, string> = {
  quick_reply: 'quick replies',
  url: 'link buttons',
  phone: 'call buttons',
  list: 'list rows',
};

const group = (kind: ActionKind) => (kind === 'url' || kind === 'phone' ? 'call_to_action' : kind);

function titleMax(kind: ActionKind, rule: ChannelRule): number {
  const actions = rule.actions;
  if (!actions) return 0;
  if (kind === 'list') return actions.list?.rowTitleMax ?? 0;
  return actions.quickReplyTitleMax;
}

/** Which kinds the channel offers at all. */
export function kindsFor(rule: ChannelRule): ActionKind[] {
  const actions = rule.actions;
  if (!actions) return [];
  return [
    'quick_reply',
    ...(actions.callToAction ? (['url', 'phone'] as const) : []),
    ...(actions.list ? (['list'] as const) : []),
  ];
}

/** Whether one more button of this kind fits, and if not, the limit that stops it. */
export function canAdd(
  drafts: ActionDraft[],
  kind: ActionKind,
  rule: ChannelRule,
): { ok: true } | { ok: false; reason: string } {
  const actions = rule.actions;
  if (!actions || !kindsFor(rule).includes(kind))
    return { ok: false, reason: `${rule.label} has no ${PLURAL[kind]}` };
  const other = drafts.find((d) => group(d.kind) !== group(kind));
  if (other) {
    return {
      ok: false,
      reason: `${rule.label} cannot mix ${PLURAL[other.kind]} with ${PLURAL[kind]} in one message`,
    };
  }
  const same = drafts.filter((d) => group(d.kind) === group(kind)).length;
  if (kind === 'quick_reply' && same >= actions.maxQuickReplies) {
    return {
      ok: false,
      reason: `${rule.label} allows at most ${actions.maxQuickReplies} quick replies`,
    };
  }
  if (group(kind) === 'call_to_action' && same >= 1) {
    return { ok: false, reason: `${rule.label} allows one call-to-action button per message` };
  }
  if (kind === 'list' && actions.list && same >= actions.list.maxRows) {
    return { ok: false, reason: `${rule.label} allows at most ${actions.list.maxRows} list rows` };
  }
  return { ok: true };
}

/** A problem per button (or undefined), each naming the rule it breaks. */
export function actionErrors(
  drafts: ActionDraft[],
  rule: ChannelRule,
  country: CountryCode | undefined,
): (string | undefined)[] {
  const titles = drafts.map((d) => d.text.trim().toLowerCase());
  return drafts.map((draft, index) => {
    const text = draft.text.trim();
    const max = titleMax(draft.kind, rule);
    if (!text) return 'Give the button a title';
    if ([...text].length > max)
      return `Titles can have at most ${max} characters on ${rule.label} (this one has ${[...text].length})`;
    if (titles.indexOf(titles[index] as string) !== index)
      return 'Each button needs a different title';
    if (draft.kind === 'url') {
      if (!/^https:\/\//i.test(draft.data.trim())) return 'The link must start with https://';
      if (!URL.canParse(draft.data.trim())) return 'The link is not a valid address';
    }
    if (draft.kind === 'phone') {
      const phone = normalizePhone(draft.data, country);
      if (!phone.ok) return `Phone number: ${phone.reason}`;
    }
    return undefined;
  });
}

/** A problem with the set as a whole (count and mixing), from the channel rules. */
export function actionSetError(drafts: ActionDraft[], rule: ChannelRule): string | undefined {
  for (let i = 0; i < drafts.length; i++) {
    const check = canAdd(drafts.slice(0, i), (drafts[i] as ActionDraft).kind, rule);
    if (!check.ok) return check.reason;
  }
  return undefined;
}

/** The request's `actions`: call-to-action phone numbers in E.164. */
export function toActions(drafts: ActionDraft[], country: CountryCode | undefined): Action[] {
  return drafts.map((draft) => {
    const text = draft.text.trim();
    switch (draft.kind) {
      case 'quick_reply':
        return { type: 'quick_reply', text };
      case 'url':
        return { type: 'call_to_action', subtype: 'url', text, data: draft.data.trim() };
      case 'phone': {
        const phone = normalizePhone(draft.data, country);
        return {
          type: 'call_to_action',
          subtype: 'phone_number',
          text,
          data: phone.ok ? phone.e164 : draft.data.trim(),
        };
      }
      case 'list':
        return { type: 'list', text, ...(draft.data.trim() ? { data: draft.data.trim() } : {}) };
    }
  });
}
