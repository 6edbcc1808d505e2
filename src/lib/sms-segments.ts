/**
 * SMS length and segmentation as carriers apply it (reference/channel-limits.md §4):
 * GSM-7 fits 160 septets in one message and 153 per part once concatenated (the 6-byte UDH
 * eats 7 septets); one character outside GSM 03.38 turns the whole message into UCS-2 with
 * 70 code units in one message and 67 per part.
 */

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsAnalysis {
  encoding: SmsEncoding;
  /** Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
  length: number;
  /** User-visible characters (grapheme clusters). */
  characters: number;
  /** 0 for empty text. */
  segments: number;
  /** 160 or 153 for GSM-7, 70 or 67 for UCS-2: single message vs concatenated parts. */
  perSegment: number;
  /** Units still free in the last segment. */
  remaining: number;
  /** Distinct characters that force UCS-2, in order of appearance. */
  nonGsm: string[];
}

export const GSM_SINGLE_SEGMENT = 160;
export const GSM_CONCATENATED_SEGMENT = 153;
export const UCS2_SINGLE_SEGMENT = 70;
export const UCS2_CONCATENATED_SEGMENT = 67;

// GSM 03.38 default alphabet in table order (0x00-0x7F). 0x1B is the escape to the extension
// table; it is listed because the standard table lists it.
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

// Extension table: each is sent as ESC + char, so it costs two septets.
const GSM_EXTENSION = '\f^{}\\[~]|€';

/** Septets per UTF-16 code unit: 1 basic, 2 extension, absent when not GSM. */
const GSM_COST = new Map<number, 1 | 2>([
  ...Array.from(GSM_BASIC, (char): [number, 1] => [char.charCodeAt(0), 1]),
  ...Array.from(GSM_EXTENSION, (char): [number, 2] => [char.charCodeAt(0), 2]),
]);

function isGsm(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!GSM_COST.has(text.charCodeAt(i))) return false;
  }
  return true;
}

function gsmLength(text: string): number {
  let septets = 0;
  for (let i = 0; i < text.length; i++) septets += GSM_COST.get(text.charCodeAt(i)) ?? 0;
  return septets;
}

// Intl.Segmenter is missing in Firefox before 125; code points are the closest fallback. Made on
// first use: built when this module was evaluated, it loaded the browser's text data inside the
// page's first script.
let segmenter: Intl.Segmenter | undefined;

function graphemes(text: string): string[] {
  if (text === '') return [];
  if (typeof Intl.Segmenter !== 'function') return Array.from(text);
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/**
 * Cuts text into parts of at most `limit` units without separating the two units of one
 * character: an escape pair in GSM-7 or a surrogate pair in UCS-2. `costAt` returns how many
 * units the character starting at `index` takes and how many code units it spans.
 */
function cut(
  text: string,
  limit: number,
  costAt: (index: number) => { units: number; span: number },
): string[] {
  const parts: string[] = [];
  let start = 0;
  let used = 0;
  let i = 0;
  while (i < text.length) {
    const { units, span } = costAt(i);
    if (used + units > limit) {
      parts.push(text.slice(start, i));
      start = i;
      used = 0;
    }
    used += units;
    i += span;
  }
  parts.push(text.slice(start));
  return parts;
}

function gsmCostAt(text: string) {
  return (index: number) => ({ units: GSM_COST.get(text.charCodeAt(index)) ?? 1, span: 1 });
}

function ucs2CostAt(text: string) {
  return (index: number) => {
    // A lone surrogate still occupies one unit; only a proper pair is kept together.
    const paired =
      isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1));
    return paired ? { units: 2, span: 2 } : { units: 1, span: 1 };
  };
}

/** Splits text into the parts a carrier would send; [] for empty text. */
export function splitSmsSegments(text: string): string[] {
  if (text === '') return [];
  if (isGsm(text)) {
    if (gsmLength(text) <= GSM_SINGLE_SEGMENT) return [text];
    return cut(text, GSM_CONCATENATED_SEGMENT, gsmCostAt(text));
  }
  if (text.length <= UCS2_SINGLE_SEGMENT) return [text];
  return cut(text, UCS2_CONCATENATED_SEGMENT, ucs2CostAt(text));
}

export function analyzeSms(text: string): SmsAnalysis {
  const visible = graphemes(text);
  const gsm = isGsm(text);
  const measure = gsm ? gsmLength : (part: string) => part.length;
  const parts = splitSmsSegments(text);
  const single = gsm ? GSM_SINGLE_SEGMENT : UCS2_SINGLE_SEGMENT;
  const concatenated = gsm ? GSM_CONCATENATED_SEGMENT : UCS2_CONCATENATED_SEGMENT;
  const perSegment = parts.length > 1 ? concatenated : single;
  const last = parts[parts.length - 1] ?? '';

  // Reported per grapheme so a decomposed "é" or a flag shows up as the user sees it.
  const nonGsm: string[] = [];
  if (!gsm) {
    const seen = new Set<string>();
    for (const grapheme of visible) {
      if (seen.has(grapheme)) continue;
      seen.add(grapheme);
      if (!isGsm(grapheme)) nonGsm.push(grapheme);
    }
  }

  return {
    encoding: gsm ? 'GSM-7' : 'UCS-2',
    length: measure(text),
    characters: visible.length,
    segments: parts.length,
    perSegment,
    remaining: perSegment - measure(last),
    nonGsm,
  };
}
