/**
 * Splits a pasted list of recipients (from a mail client, a spreadsheet or a text file) into
 * entries. It only reads the structure; whether an address is valid is for the channel's own
 * check (email-address.ts, phone.ts).
 *
 * One loop over the characters finds the entries and one over the entries builds them; no
 * regex runs over the whole list, so no input can make it backtrack, and 10,000 entries take
 * milliseconds.
 */

export interface Recipient {
  name?: string;
  address: string;
}

// Runs on one entry at a time; a bare character class has nothing to backtrack over.
const ADDRESS_SIGN = /[@0-9]/;

const TAB = 9;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const QUOTE = 34;
const COMMA = 44;
const SEMICOLON = 59;
const LESS_THAN = 60;
const GREATER_THAN = 62;
const BACKSLASH = 92;
const END = -1;

function isLineBreak(code: number): boolean {
  return code === LINE_FEED || code === CARRIAGE_RETURN;
}

function unquote(text: string): string {
  const first = text[0];
  if (text.length >= 2 && (first === '"' || first === "'") && text[text.length - 1] === first) {
    const inner = text.slice(1, -1);
    return (first === '"' ? inner.replace(/\\(.)/g, '$1') : inner).trim();
  }
  return text;
}

function entry(name: string, address: string): Recipient | undefined {
  if (address === '') return undefined;
  return name === '' ? { address } : { name, address };
}

interface Pending {
  text: string;
  separator: number;
}

/**
 * Adds one finished entry, joining it with a held-back plain-word fragment where the layout
 * says they belong together; returns the fragment to hold back now, if any.
 */
function addEntry(
  recipients: Recipient[],
  held: Pending | undefined,
  current: Recipient | undefined,
  hasAngle: boolean,
  plainWords: boolean,
  separator: number,
): Pending | undefined {
  if (!current) {
    if (held && (separator === END || isLineBreak(separator))) {
      recipients.push({ address: held.text });
      return undefined;
    }
    return held;
  }
  if (held) {
    if (held.separator === TAB) {
      if (plainWords && separator === TAB)
        return { text: `${held.text} ${current.address}`, separator: TAB };
      if (!plainWords && current.name === undefined) {
        current.name = held.text;
        held = undefined;
      }
    } else if (hasAngle) {
      current.name = current.name ? `${held.text}, ${current.name}` : held.text;
      held = undefined;
    }
    if (held) recipients.push({ address: held.text });
  }
  if (plainWords && (separator === COMMA || separator === TAB))
    return { text: current.address, separator };
  recipients.push(current);
  return undefined;
}

/**
 * Separators are commas, semicolons, tabs and line breaks; inside a quoted name only a line
 * break separates. Understands `Name <addr>`, `"Müller, Anna" <addr>`, `<addr>` and bare
 * addresses. Two layouts that split a name are joined back:
 * - Outlook's unquoted `Müller, Anna <anna@example.de>`: a plain-word fragment before a comma
 *   becomes the start of the next entry's name when that entry has angle brackets.
 * - Spreadsheet columns `Anna Müller<TAB>anna@example.de`: plain-word cells before a tab
 *   become the name of the next cell on the line that looks like an address.
 * A plain-word fragment has no @, digit or angle bracket, so it cannot be an email address or
 * a phone number itself.
 */
export function splitRecipientList(text: string): Recipient[] {
  const recipients: Recipient[] = [];
  let held: Pending | undefined;
  for (const { start, end, angleOpen, angleClose, separator } of scanTokens(text)) {
    const hasAngle = angleOpen >= 0;
    const raw = text.slice(start, hasAngle ? angleOpen : end);
    const current = hasAngle
      ? entry(
          unquote(raw.trim()),
          text.slice(angleOpen + 1, angleClose >= 0 ? angleClose : end).trim(),
        )
      : entry('', unquote(raw.trim()));
    const plainWords = !hasAngle && !ADDRESS_SIGN.test(raw);
    held = addEntry(recipients, held, current, hasAngle, plainWords, separator);
  }
  if (held) recipients.push({ address: held.text });
  return recipients;
}

interface Token {
  start: number;
  end: number;
  /** Index of the last `<` outside quotes, or -1. */
  angleOpen: number;
  /** Index of the first `>` after it, or -1. */
  angleClose: number;
  /** The character code that ended the token, END for the end of the text. */
  separator: number;
}

/**
 * Finds where entries start and end. Kept apart from building the entries so the loop that
 * runs once per character stays small and cheap for the engine to optimise.
 */
function scanTokens(text: string): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let start = 0;
  let angleOpen = -1;
  let angleClose = -1;
  let inQuote = false;
  let ignoreQuotes = false;
  let quoteAt = -1;
  let openBeforeQuote = -1;
  let closeBeforeQuote = -1;

  for (let i = 0; i <= length; i++) {
    const code = i < length ? text.charCodeAt(i) : END;
    if (inQuote) {
      if (code === END || isLineBreak(code)) {
        // The quote never closed on this line: read the line again with that quote as an
        // ordinary character, so one stray quote cannot swallow the rest of the list.
        inQuote = false;
        ignoreQuotes = true;
        angleOpen = openBeforeQuote;
        angleClose = closeBeforeQuote;
        i = quoteAt;
      } else if (code === QUOTE) {
        inQuote = false;
      } else if (code === BACKSLASH && i + 1 < length && !isLineBreak(text.charCodeAt(i + 1))) {
        i++;
      }
    } else if (code === QUOTE) {
      if (!ignoreQuotes) {
        inQuote = true;
        quoteAt = i;
        openBeforeQuote = angleOpen;
        closeBeforeQuote = angleClose;
      }
    } else if (code === LESS_THAN) {
      angleOpen = i;
      angleClose = -1;
    } else if (code === GREATER_THAN) {
      if (angleOpen >= 0 && angleClose < 0) angleClose = i;
    } else if (
      code === END ||
      isLineBreak(code) ||
      code === COMMA ||
      code === SEMICOLON ||
      code === TAB
    ) {
      tokens.push({ start, end: i, angleOpen, angleClose, separator: code });
      start = i + 1;
      angleOpen = -1;
      angleClose = -1;
      if (code !== COMMA && code !== SEMICOLON && code !== TAB) ignoreQuotes = false;
    }
  }
  return tokens;
}
