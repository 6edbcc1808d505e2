import type { ChannelRule } from '../../../schemas/channel-rules';
import type { Action } from '../../../schemas/send-message';
import type { CountryCode } from '../../lib/phone-countries';
import { phoneModule } from '../../lib/phone-loader';
import { i18n } from '../../i18n';
import { ruleLabel } from './channel-rules';

export type ActionKind = 'quick_reply' | 'url' | 'phone' | 'list';

/** One button as the builder edits it. */
export interface ActionDraft {
  key: string;
  kind: ActionKind;
  text: string;
  /** URL, phone number or list-row description. */
  data: string;
}

/** The kind's name, as the builder labels a button ("Quick reply"). */
export function actionKindLabel(kind: ActionKind): string {
  return i18n.t(`builders.actions.kinds.${kind}`);
}

/** The kind in the plural, as the limits name it ("quick replies"). */
function kindsText(kind: ActionKind): string {
  return i18n.t(`validation.actions.kinds.${kind}`);
}

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
  const channel = ruleLabel(rule);
  if (!actions || !kindsFor(rule).includes(kind))
    return {
      ok: false,
      reason: i18n.t('validation.actions.none', { channel, kinds: kindsText(kind) }),
    };
  const other = drafts.find((d) => group(d.kind) !== group(kind));
  if (other) {
    return {
      ok: false,
      reason: i18n.t('validation.actions.mixed', {
        channel,
        existing: kindsText(other.kind),
        added: kindsText(kind),
      }),
    };
  }
  const same = drafts.filter((d) => group(d.kind) === group(kind)).length;
  if (kind === 'quick_reply' && same >= actions.maxQuickReplies) {
    return {
      ok: false,
      reason: i18n.t('validation.actions.maxQuickReplies', {
        channel,
        max: actions.maxQuickReplies,
      }),
    };
  }
  if (group(kind) === 'call_to_action' && same >= 1) {
    return { ok: false, reason: i18n.t('validation.actions.oneCallToAction', { channel }) };
  }
  if (kind === 'list' && actions.list && same >= actions.list.maxRows) {
    return {
      ok: false,
      reason: i18n.t('validation.actions.maxRows', { channel, max: actions.list.maxRows }),
    };
  }
  return { ok: true };
}

/** Whether a button needs the phone module (see phone-loader.ts) to be checked or sent. */
export function needsPhone(drafts: ActionDraft[]): boolean {
  return drafts.some((draft) => draft.kind === 'phone');
}

/**
 * A problem per button (or undefined), each naming the rule it breaks. Needs the phone module
 * when a button is a phone number (`needsPhone`).
 */
export function actionErrors(
  drafts: ActionDraft[],
  rule: ChannelRule,
  country: CountryCode | undefined,
): (string | undefined)[] {
  const titles = drafts.map((d) => d.text.trim().toLowerCase());
  return drafts.map((draft, index) => {
    const text = draft.text.trim();
    const max = titleMax(draft.kind, rule);
    if (!text) return i18n.t('validation.actions.giveTitle');
    if ([...text].length > max)
      return i18n.t('validation.actions.titleTooLong', {
        max,
        channel: ruleLabel(rule),
        length: [...text].length,
      });
    if (titles.indexOf(titles[index] as string) !== index)
      return i18n.t('validation.actions.titleTwice');
    if (draft.kind === 'url') {
      if (!/^https:\/\//i.test(draft.data.trim())) return i18n.t('validation.actions.linkHttps');
      if (!URL.canParse(draft.data.trim())) return i18n.t('validation.actions.linkInvalid');
    }
    if (draft.kind === 'phone') {
      const phone = phoneModule().normalizePhone(draft.data, country);
      if (!phone.ok) return i18n.t('validation.actions.phone', { reason: phone.reason });
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

/**
 * The request's `actions`: call-to-action phone numbers in E.164 (with the phone module, see
 * `needsPhone`).
 */
export function toActions(drafts: ActionDraft[], country: CountryCode | undefined): Action[] {
  return drafts.map((draft) => {
    const text = draft.text.trim();
    switch (draft.kind) {
      case 'quick_reply':
        return { type: 'quick_reply', text };
      case 'url':
        return { type: 'call_to_action', subtype: 'url', text, data: draft.data.trim() };
      case 'phone': {
        const phone = phoneModule().normalizePhone(draft.data, country);
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
