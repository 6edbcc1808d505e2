import type { ChannelRule } from '../../../schemas/channel-rules';
import type { Contact, ChannelType } from '../../../schemas/rows';
import { checkEmail } from '../../lib/email-address';
import { normalizePhone, type CountryCode } from '../../lib/phone';
import { splitRecipientList } from '../../lib/recipient-list';
import { channelTypeText, i18n } from '../../i18n';
import { ruleFor } from './channel-rules';

/** One recipient chip. It is checked once, when it is made; `error` keeps the reason. */
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
}

export type RecipientKind = ChannelRule['recipient'];

/** Makes a chip from typed text, checking it for the channel's kind of recipient. */
export function makeChip(
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
      const result = normalizePhone(trimmed, defaultCountry);
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
    return { key: `contact:${contact.id}`, input: name ?? contact.id, name, contactId: contact.id };
  }
  const handle = contact[type];
  if (typeof handle !== 'string' || handle === '') {
    return {
      key: `contact:${contact.id}`,
      input: name ?? contact.id,
      name,
      contactId: contact.id,
      error: contactWithoutHandle(type),
    };
  }
  const chip = makeChip(handle, kind, defaultCountry, name);
  return { ...chip, contactId: contact.id };
}

/**
 * The chip checked again, so that its reason is in the reader's current language: after the
 * language changed, or in a draft saved in another one. Valid chips are returned as they are.
 */
export function recheckChip(
  chip: RecipientChip,
  type: ChannelType,
  defaultCountry: CountryCode | undefined,
): RecipientChip {
  if (!chip.error) return chip;
  // A contact from the search without an address for this channel (see chipFromContact).
  if (chip.contactId && chip.key === `contact:${chip.contactId}`) {
    return { ...chip, error: contactWithoutHandle(type) };
  }
  const again = makeChip(chip.input, ruleFor(type).recipient, defaultCountry, chip.name);
  return chip.contactId ? { ...again, contactId: chip.contactId } : again;
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
    next.push(chip);
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
