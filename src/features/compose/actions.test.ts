import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_RULES } from '../../../schemas/channel-rules';
import {
  actionErrors,
  actionSetError,
  canAdd,
  toActions,
  type ActionDraft,
  type ActionKind,
} from './actions';
import { loadPhone } from '../../lib/phone-loader';

// The page loads the phone module on demand (phone-loader.ts); these checks run once it is there.
beforeAll(async () => {
  await loadPhone();
});

const whatsapp = CHANNEL_RULES.whatsapp;
const draft = (kind: ActionKind, text: string, data = ''): ActionDraft => ({
  key: text,
  kind,
  text,
  data,
});
const replies = (n: number) =>
  Array.from({ length: n }, (_, i) => draft('quick_reply', `Antwort ${i + 1}`));

describe('action limits from the channel rules', () => {
  it('allows three WhatsApp quick replies and refuses a fourth, naming the limit', () => {
    expect(canAdd(replies(2), 'quick_reply', whatsapp)).toEqual({ ok: true });
    expect(canAdd(replies(3), 'quick_reply', whatsapp)).toEqual({
      ok: false,
      reason: 'WhatsApp allows at most 3 quick replies',
    });
    expect(actionSetError(replies(4), whatsapp)).toBe('WhatsApp allows at most 3 quick replies');
  });

  it('allows 13 quick replies on Messenger and Instagram, and no call-to-action there', () => {
    for (const rule of [CHANNEL_RULES.facebook, CHANNEL_RULES.instagram]) {
      expect(canAdd(replies(12), 'quick_reply', rule).ok).toBe(true);
      expect(canAdd(replies(13), 'quick_reply', rule)).toEqual({
        ok: false,
        reason: `${rule.label} allows at most 13 quick replies`,
      });
      expect(canAdd([], 'url', rule).ok).toBe(false);
    }
  });

  it('allows one call-to-action and no mixing of kinds', () => {
    expect(canAdd([draft('url', 'Web', 'https://a.de')], 'phone', whatsapp)).toEqual({
      ok: false,
      reason: 'WhatsApp allows one call-to-action button per message',
    });
    expect(canAdd(replies(1), 'url', whatsapp)).toEqual({
      ok: false,
      reason: 'WhatsApp cannot mix quick replies with link buttons in one message',
    });
  });

  it('allows ten list rows with titles up to 24 characters', () => {
    const rows = Array.from({ length: 10 }, (_, i) => draft('list', `Zeile ${i + 1}`));
    expect(canAdd(rows.slice(0, 9), 'list', whatsapp).ok).toBe(true);
    expect(canAdd(rows, 'list', whatsapp)).toEqual({
      ok: false,
      reason: 'WhatsApp allows at most 10 list rows',
    });
    expect(
      actionErrors([draft('list', 'x'.repeat(24)), draft('list', 'y'.repeat(25))], whatsapp, 'DE'),
    ).toEqual([undefined, 'Titles can have at most 24 characters on WhatsApp (this one has 25)']);
  });

  it('checks titles, uniqueness, https links and phone numbers', () => {
    expect(
      actionErrors(
        [
          draft('quick_reply', 'x'.repeat(21)),
          draft('quick_reply', 'Ja'),
          draft('quick_reply', 'ja'),
          draft('quick_reply', ''),
        ],
        whatsapp,
        'DE',
      ),
    ).toEqual([
      'Titles can have at most 20 characters on WhatsApp (this one has 21)',
      undefined,
      'Each button needs a different title',
      'Give the button a title',
    ]);
    expect(actionErrors([draft('url', 'Web', 'http://a.de')], whatsapp, 'DE')).toEqual([
      'The link must start with https://',
    ]);
    expect(actionErrors([draft('phone', 'Anruf', 'abc')], whatsapp, 'DE')[0]).toMatch(
      /^Phone number: /,
    );
  });

  it('writes the request actions, phone numbers in E.164', () => {
    expect(
      toActions(
        [
          draft('quick_reply', ' Ja '),
          draft('url', 'Web', ' https://a.de/x '),
          draft('phone', 'Anruf', '030 901820'),
          draft('list', 'Zeile', ''),
        ],
        'DE',
      ),
    ).toEqual([
      { type: 'quick_reply', text: 'Ja' },
      { type: 'call_to_action', subtype: 'url', text: 'Web', data: 'https://a.de/x' },
      { type: 'call_to_action', subtype: 'phone_number', text: 'Anruf', data: '+4930901820' },
      { type: 'list', text: 'Zeile' },
    ]);
  });
});
