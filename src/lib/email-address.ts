/**
 * Pragmatic email address check, as mail clients apply it before sending: it catches typos a
 * person can fix, not every form RFC 5321 allows. Quoted local parts ("a b"@example.de) and IP
 * literals (anna@[192.0.2.1]) are refused; nobody types them into a composer.
 */
import { i18n } from '../i18n';

export type EmailCheck = { ok: true; normalized: string } | { ok: false; reason: string };

const MAX_LOCAL_LENGTH = 64;
const MAX_DOMAIN_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;

// Characters RFC 5322 keeps out of an unquoted local part. Letters outside ASCII are allowed
// (RFC 6531); whether the receiving server accepts them is up to it.
const LOCAL_FORBIDDEN = /[()<>[\]\\,;:"\p{Cc}]/u;
const LABEL_CHARACTER = /^[\p{L}\p{M}\p{N}-]$/u;
const TLD = /^(?:\p{L}{2,}|xn--[a-z0-9-]+)$/u;
const SPACE = /\s/u;

function fail(reason: string): EmailCheck {
  return { ok: false, reason };
}

/** The domain as DNS sees it (punycode), or undefined when it cannot be converted. */
function asciiDomain(domain: string): string | undefined {
  if (/^[a-zA-Z0-9.-]*$/.test(domain)) return domain;
  try {
    // The URL parser applies the same IDNA mapping browsers use for links.
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return undefined;
  }
}

function checkDomain(domain: string): string | undefined {
  if (domain === '') return i18n.t('validation.email.missingDomain');
  if (!domain.includes('.')) return i18n.t('validation.email.domainDot');
  if (domain.endsWith('.')) return i18n.t('validation.email.domainEndsWithDot');
  const labels = domain.split('.');
  if (labels.some((label) => label === '')) return i18n.t('validation.email.domainEmptyPart');
  for (const label of labels) {
    for (const character of label) {
      if (!LABEL_CHARACTER.test(character))
        return i18n.t('validation.email.domainCharacter', { character });
    }
    if (label.startsWith('-') || label.endsWith('-'))
      return i18n.t('validation.email.domainHyphen');
  }
  if (!TLD.test(labels[labels.length - 1] ?? '')) return i18n.t('validation.email.topLevel');

  const ascii = asciiDomain(domain);
  if (ascii === undefined) return i18n.t('validation.email.domainInvalid');
  if (ascii.length > MAX_DOMAIN_LENGTH) return i18n.t('validation.email.domainTooLong');
  if (ascii.split('.').some((label) => label.length > MAX_LABEL_LENGTH)) {
    return i18n.t('validation.email.labelTooLong', { max: MAX_LABEL_LENGTH });
  }
  return undefined;
}

function checkLocal(local: string): string | undefined {
  if (local === '') return i18n.t('validation.email.missingLocal');
  if (local.length > MAX_LOCAL_LENGTH)
    return i18n.t('validation.email.localTooLong', { max: MAX_LOCAL_LENGTH });
  const forbidden = LOCAL_FORBIDDEN.exec(local);
  if (forbidden) return i18n.t('validation.email.localCharacter', { character: forbidden[0] });
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return i18n.t('validation.email.localDots');
  }
  return undefined;
}

export function checkEmail(address: string): EmailCheck {
  const trimmed = address.trim();
  if (trimmed === '') return fail(i18n.t('validation.email.enter'));
  if (SPACE.test(trimmed)) return fail(i18n.t('validation.email.space'));

  const at = trimmed.indexOf('@');
  if (at < 0) return fail(i18n.t('validation.email.missingAt'));
  if (trimmed.indexOf('@', at + 1) >= 0) return fail(i18n.t('validation.email.oneAt'));

  const local = trimmed.slice(0, at);
  // Domains may arrive decomposed (u + combining diaeresis) from some keyboards and pastes.
  const domain = trimmed.slice(at + 1).normalize('NFC');
  const problem = checkLocal(local) ?? checkDomain(domain);
  if (problem) return fail(problem);

  // Domains are case-insensitive; the local part belongs to the receiving server, which may
  // treat case as significant.
  return { ok: true, normalized: `${local}@${domain.toLowerCase()}` };
}
