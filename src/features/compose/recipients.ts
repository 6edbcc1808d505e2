import type { ChannelRule } from '../../../schemas/channel-rules';
import type { Contact, ChannelType } from '../../../schemas/rows';
import { checkEmail } from '../../lib/email-address';
import type { CountryCode } from '../../lib/phone-countries';
import { loadedPhone } from '../../lib/phone-loader';
import { splitRecipientList } from '../../lib/recipient-list';
import { channelTypeText, i18n } from '../../i18n';
import { ruleFor } from './channel-rules';

/**
 * One recipient chip. It is checked once, when it is made; `error` keeps the reason. A phone
 * number typed before the phone module arrived is `pending` until it is checked (see
 * `recheckChip`): neither valid nor invalid, and never sent as it is.
 */
export interface RecipientChip {
  /** Stable identity for duplicates: the normalised handle or `contact:<id>`. */
  key: string;
  /** What the user typed or pasted, kept so that nothing is lost. */
  input: string;
  name?: string;
  /** Normalised handle (E.164 phone, email address, social handle). */
  handle?: string;
  contactId?: string;
  /** ISO country of a phone number. */
  country?: string;
  /** Why it is not valid, in the reader's language when it was checked (see `recheckChip`). */
  error?: string;
  /** Not checked yet: the phone module is still loading. */
  pending?: true;
}

export type RecipientKind = ChannelRule['recipient'];

/**
 * Chips are instances of this class, not plain objects: react-hook-form deep-copies the plain
 * objects in the form's values on every change of any field, and passes other objects through,
 * so 10,000 recipients are not copied on each keystroke. A chip is never changed in place.
 */
class Chip {}

/** The chip as an instance of `Chip` (the same chip when it is one already). */
export function asChip(chip: RecipientChip): RecipientChip {
  return chip instanceof Chip ? chip : Object.assign(new Chip(), chip);
}

/** Chips restored from storage (which keeps plain objects) as instances of `Chip`. */
export function asChips(chips: readonly RecipientChip[]): RecipientChip[] {
  return chips.map(asChip);
}

/**
 * The first `max` distinct countries of the phone numbers among `chips`, in order, joined by
 * commas: a string, so that a part following it renders again only when they change, not on
 * every chip added to a long list.
 */
export function firstCountries(chips: readonly RecipientChip[], max = 5): string {
  const found: string[] = [];
  for (const chip of chips) {
    if (!chip.country || found.includes(chip.country)) continue;
    found.push(chip.country);
    if (found.length === max) break;
  }
  return found.join(',');
}

const countriesByList = new WeakMap<readonly RecipientChip[], string>();

/**
 * `firstCountries` worked out once per list: a list is replaced, never changed in place, so a
 * key typed in another field finds the answer here instead of going through 10,000 chips.
 */
export function recipientCountries(chips: readonly RecipientChip[]): string {
  let countries = countriesByList.get(chips);
  if (countries === undefined) {
    countries = firstCountries(chips);
    countriesByList.set(chips, countries);
  }
  return countries;
}

/** Makes a chip from typed text, checking it for the channel's kind of recipient. */
export function makeChip(
  input: string,
  kind: RecipientKind,
  defaultCountry: CountryCode | undefined,
  name?: string,
): RecipientChip {
  return asChip(checkInput(input, kind, defaultCountry, name));
}

function checkInput(
  input: string,
  kind: RecipientKind,
  defaultCountry: CountryCode | undefined,
  name?: string,
): RecipientChip {
  const trimmed = input.trim();
  switch (kind) {
    case 'email': {
      const result = checkEmail(trimmed);
      return result.ok
        ? { key: result.normalized.toLowerCase(), input: trimmed, name, handle: result.normalized }
        : { key: `invalid:${trimmed}`, input: trimmed, name, error: result.reason };
    }
    case 'phone': {
      const phone = loadedPhone();
      // The typed text is kept as it is and checked as soon as the module is there.
      if (!phone) return { key: `pending:${trimmed}`, input: trimmed, name, pending: true };
      const result = phone.normalizePhone(trimmed, defaultCountry);
      return result.ok
        ? { key: result.e164, input: trimmed, name, handle: result.e164, country: result.country }
        : { key: `invalid:${trimmed}`, input: trimmed, name, error: result.reason };
    }
    case 'handle':
      return /\s/.test(trimmed) || trimmed === ''
        ? {
            key: `invalid:${trimmed}`,
            input: trimmed,
            name,
            error: i18n.t('recipients.reasons.handleSpaces'),
          }
        : { key: trimmed.toLowerCase(), input: trimmed, name, handle: trimmed };
    case 'contact':
      return {
        key: `invalid:${trimmed}`,
        input: trimmed,
        name,
        error: i18n.t('recipients.reasons.lettersToContacts'),
      };
  }
}

function contactWithoutHandle(type: ChannelType): string {
  return i18n.t('recipients.reasons.contactWithoutHandle', {
    channel: channelTypeText(type),
  });
}

/** A chip for a contact picked from the search; postal chips carry only the contact id. */
export function chipFromContact(
  contact: Contact,
  type: ChannelType,
  kind: RecipientKind,
  defaultCountry: CountryCode | undefined,
): RecipientChip {
  const name = contact.full_name ?? contact.display_name ?? undefined;
  if (kind === 'contact') {
    return asChip({
      key: `contact:${contact.id}`,
      input: name ?? contact.id,
      name,
      contactId: contact.id,
    });
  }
  const handle = contact[type];
  if (typeof handle !== 'string' || handle === '') {
    return asChip({
      key: `contact:${contact.id}`,
      input: name ?? contact.id,
      name,
      contactId: contact.id,
      error: contactWithoutHandle(type),
    });
  }
  const chip = makeChip(handle, kind, defaultCountry, name);
  return asChip({ ...chip, contactId: contact.id });
}

/**
 * The chip checked again, so that its reason is in the reader's current language: after the
 * language changed, or in a draft saved in another one; a pending chip is checked now (it
 * stays pending while the phone module is not there). Valid chips are returned as they are.
 */
export function recheckChip(
  chip: RecipientChip,
  type: ChannelType,
  defaultCountry: CountryCode | undefined,
): RecipientChip {
  if (!chip.error && !chip.pending) return chip;
  // A contact from the search without an address for this channel (see chipFromContact).
  if (chip.contactId && chip.key === `contact:${chip.contactId}`) {
    return asChip({ ...chip, error: contactWithoutHandle(type) });
  }
  const again = makeChip(chip.input, ruleFor(type).recipient, defaultCountry, chip.name);
  if (chip.pending && again.pending) return chip;
  return chip.contactId ? asChip({ ...again, contactId: chip.contactId }) : again;
}

/**
 * `recheckChip` for a list; chips that turn out to be the same number once checked are merged
 * (the first one wins), as when they are added. The same list when nothing needed a check.
 */
export function recheckChips(
  chips: RecipientChip[],
  type: ChannelType,
  defaultCountry: CountryCode | undefined,
): RecipientChip[] {
  if (!chips.some((chip) => chip.error || chip.pending)) return chips;
  const checked = chips.map((chip) => recheckChip(chip, type, defaultCountry));
  if (checked.every((chip, index) => chip === chips[index])) return chips;
  return addChips([], checked).chips;
}

/** Adds chips, merging duplicates (the first one wins). Returns the list and how many merged. */
export function addChips(existing: RecipientChip[], added: RecipientChip[]) {
  const keys = new Set(existing.map((chip) => chip.key));
  const next = existing.slice();
  let merged = 0;
  for (const chip of added) {
    if (keys.has(chip.key)) {
      merged++;
      continue;
    }
    keys.add(chip.key);
    next.push(asChip(chip));
  }
  return { chips: next, merged };
}

/** Turns typed or pasted text (one or many recipients) into chips. */
export function chipsFromText(
  text: string,
  kind: RecipientKind,
  defaultCountry: CountryCode | undefined,
) {
  return splitRecipientList(text).map(({ name, address }) =>
    makeChip(address, kind, defaultCountry, name),
  );
}

/** The chip as shown: name and handle. */
export function chipLabel(chip: RecipientChip): string {
  if (chip.name && chip.handle) return `${chip.name} <${chip.handle}>`;
  return chip.name ?? chip.handle ?? chip.input;
}
