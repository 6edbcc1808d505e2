import { createFormControl } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { loadPhone } from '../../lib/phone-loader';
import {
  emptyCompose,
  fieldNeedingPhone,
  toSendMessageRequest,
  withPendingChecked,
} from './form-model';
import { validateCompose } from './form-check';
import {
  asChip,
  asChips,
  firstCountries,
  makeChip,
  recheckChips,
  recipientCountries,
  type RecipientChip,
} from './recipients';
import { testChannel } from './test-channel';

const channel = testChannel;

// One file, one module instance: first what happens before the phone module arrived, then after.
describe('phone numbers typed before the phone module arrived', () => {
  it('are kept as pending chips, neither valid nor invalid', () => {
    expect(makeChip(' 0151 2345 6789 ', 'phone', 'DE', 'Anna')).toEqual({
      key: 'pending:0151 2345 6789',
      input: '0151 2345 6789',
      name: 'Anna',
      pending: true,
    });
    // Other kinds of recipient do not wait.
    expect(makeChip('kunde@example.de', 'email', 'DE')).toMatchObject({
      handle: 'kunde@example.de',
    });
  });

  it('make Send wait for the module, and are never sent unchecked', () => {
    const values = {
      ...emptyCompose('DE'),
      to: [makeChip('0151 2345 6789', 'phone', 'DE')],
      text: 'Hallo',
    };
    expect(fieldNeedingPhone(values, channel('sms'))).toBe('to');
    expect(recheckChips(values.to, 'sms', 'DE')).toBe(values.to);
    expect(() => toSendMessageRequest(values, channel('sms'))).toThrow(/not been checked yet/);
  });

  it('are checked once the module is there: E.164, invalid ones with a reason, duplicates merged', async () => {
    const to = [
      makeChip('0151 2345 6789', 'phone', 'DE'),
      makeChip('+49 151 23456789', 'phone', 'DE'),
      makeChip('12', 'phone', 'DE'),
    ];
    const values = { ...emptyCompose('DE'), to, text: 'Hallo' };
    await loadPhone();
    const checked = withPendingChecked(values, channel('sms'));
    expect(checked.to).toEqual([
      {
        key: '+4915123456789',
        input: '0151 2345 6789',
        handle: '+4915123456789',
        country: 'DE',
      },
      { key: 'invalid:12', input: '12', error: 'Too short for Germany' },
    ]);
    expect(fieldNeedingPhone(checked, channel('sms'))).toBeUndefined();
    expect(validateCompose({ ...checked, to: checked.to.slice(0, 1) }, channel('sms'))).toEqual({});
    expect(toSendMessageRequest(checked, channel('sms')).to?.[0]).toEqual({
      handle: '+4915123456789',
      country_codes: ['DE'],
    });
    // Made now, a phone chip is checked at once.
    expect(makeChip('0151 2345 6789', 'phone', 'DE')).toMatchObject({ handle: '+4915123456789' });
  });

  it('a call-to-action phone number needs the module on a channel with buttons only', () => {
    const values = {
      ...emptyCompose('DE'),
      actions: [{ key: 'a', kind: 'phone' as const, text: 'Anrufen', data: '030 901820' }],
    };
    expect(fieldNeedingPhone(values, channel('whatsapp'))).toBe('actions');
    expect(fieldNeedingPhone(values, channel('sms'))).toBeUndefined();
  });
});

describe('chips in the form', () => {
  it('reach a watcher of the whole form by reference when another field changes: 10,000 are not copied per keystroke', async () => {
    const to = Array.from({ length: 10_000 }, (_, i) =>
      makeChip(`person${i}@example.com`, 'email', undefined),
    );
    const form = createFormControl({ defaultValues: { subject: '', to } });
    const seen: { to: RecipientChip[]; subject: string }[] = [];
    form.subscribe({
      formState: { values: true },
      callback: ({ values }) => seen.push(values as { to: RecipientChip[]; subject: string }),
    });
    const subject = form.register('subject');
    await subject.onChange({ target: { name: 'subject', value: 'Hello' }, type: 'change' });
    const last = seen.at(-1);
    expect(last?.subject).toBe('Hello');
    expect(last?.to).toHaveLength(10_000);
    expect(last?.to.every((chip, index) => chip === to[index])).toBe(true);
  });

  it('come back from storage (plain objects) as chips that are handed on by reference', () => {
    const stored = structuredClone(makeChip('a@example.com', 'email', undefined));
    const [chip] = asChips([stored]);
    expect(chip).toEqual(stored);
    expect(chip).not.toBe(stored);
    expect(asChip(chip as RecipientChip)).toBe(chip);
  });

  it("give the schedule their first five countries, each once, in the list's order", () => {
    const chip = (key: string, country?: string): RecipientChip =>
      asChip({ key, input: key, handle: key, country });
    const chips = [
      chip('a', 'DE'),
      chip('b@example.de'),
      chip('c', 'AT'),
      chip('d', 'DE'),
      chip('e', 'CH'),
      chip('f', 'FR'),
      chip('g', 'NL'),
      chip('h', 'BE'),
    ];
    expect(firstCountries(chips)).toBe('DE,AT,CH,FR,NL');
    expect(firstCountries(chips, 2)).toBe('DE,AT');
    expect(firstCountries([chip('x@example.de')])).toBe('');
    // The page's cached reading of a list gives the same answer.
    expect(recipientCountries(chips)).toBe('DE,AT,CH,FR,NL');
  });
});
