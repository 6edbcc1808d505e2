/**
 * WhatsApp's message formatting as its apps show it
 * (https://faq.whatsapp.com/539178204879377): *bold*, _italic_, ~strikethrough~,
 * ```monospace```, `inline code`, and at the start of a line "- " or "* " (bulleted list),
 * "1. " (numbered list) and "> " (quote).
 *
 * The result is a tree of plain data, so the preview renders it as elements and never as HTML.
 * The rules follow what the apps do with delimiters: an opening mark stands at the start or
 * after a character that is not a letter or digit and is followed by a non-space; a closing mark
 * follows a non-space and is not followed by a letter or digit; the content is not empty.
 * Inline marks do not cross line breaks; ```monospace``` may.
 */

export type WhatsAppInline =
  | { type: 'text'; text: string }
  | { type: 'bold' | 'italic' | 'strike'; children: WhatsAppInline[] }
  /** `code` from single backticks, `mono` from triple backticks on one line. */
  | { type: 'code' | 'mono'; text: string };

export type WhatsAppLine = WhatsAppInline[];

export type WhatsAppBlock =
  /** Lines of ordinary text; an empty line is an empty array. */
  | { type: 'paragraph'; lines: WhatsAppLine[] }
  | { type: 'quote'; lines: WhatsAppLine[] }
  | { type: 'bullet-list'; items: WhatsAppLine[] }
  /** Numbers as typed: WhatsApp does not renumber. */
  | { type: 'numbered-list'; items: { number: number; content: WhatsAppLine }[] }
  /** ```monospace``` spanning lines. */
  | { type: 'mono'; text: string };

const EMPHASIS = { '*': 'bold', _: 'italic', '~': 'strike' } as const;
type EmphasisMark = keyof typeof EMPHASIS;

const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;

function isWord(char: string | undefined): boolean {
  return char !== undefined && WORD.test(char);
}

function isSpace(char: string | undefined): boolean {
  return char !== undefined && SPACE.test(char);
}

/** First element of a sorted array greater than `after`, by binary search. */
function firstAfter(sorted: readonly number[], after: number): number | undefined {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) <= after) low = middle + 1;
    else high = middle;
  }
  return sorted[low];
}

/**
 * Parses one line. Positions of the closing marks that could end a span are collected once,
 * so each opening mark finds its partner by binary search instead of a scan: a 4,096-character
 * line full of unmatched openers stays linear-logarithmic.
 */
export function parseWhatsAppInline(line: string): WhatsAppLine {
  const closers: Record<EmphasisMark, number[]> = { '*': [], _: [], '~': [] };
  const backticks: number[] = [];
  const triples: number[] = [];
  for (let j = 0; j < line.length; j++) {
    const char = line[j] as string;
    if (char === '`') {
      backticks.push(j);
      if (line.startsWith('```', j)) triples.push(j);
    } else if (char in EMPHASIS && !isSpace(line[j - 1]) && !isWord(line[j + 1])) {
      closers[char as EmphasisMark].push(j);
    }
  }

  const parse = (start: number, end: number): WhatsAppLine => {
    const out: WhatsAppLine = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ type: 'text', text });
      text = '';
    };
    let i = start;
    while (i < end) {
      const char = line[i] as string;
      if (char === '`') {
        const triple = line.startsWith('```', i) && i + 3 <= end;
        if (triple) {
          const close = firstAfter(triples, i + 3);
          if (close !== undefined && close + 3 <= end) {
            flush();
            out.push({ type: 'mono', text: line.slice(i + 3, close) });
            i = close + 3;
            continue;
          }
        } else {
          const close = firstAfter(backticks, i + 1);
          if (close !== undefined && close < end && line.slice(i + 1, close).trim() !== '') {
            flush();
            out.push({ type: 'code', text: line.slice(i + 1, close) });
            i = close + 1;
            continue;
          }
        }
      } else if (char in EMPHASIS) {
        const mark = char as EmphasisMark;
        const opens = !isWord(line[i - 1]) && i + 1 < end && !isSpace(line[i + 1]);
        const close = opens ? firstAfter(closers[mark], i + 1) : undefined;
        if (close !== undefined && close < end) {
          flush();
          out.push({ type: EMPHASIS[mark], children: parse(i + 1, close) });
          i = close + 1;
          continue;
        }
      }
      text += char;
      i++;
    }
    flush();
    return out;
  };

  return parse(0, line.length);
}

const BULLET = /^[-*] (.*)$/su;
const NUMBERED = /^(\d{1,9})\. (.*)$/su;

type LineKind =
  | { kind: 'paragraph'; content: string }
  | { kind: 'quote'; content: string }
  | { kind: 'bullet-list'; content: string }
  | { kind: 'numbered-list'; content: string; number: number };

function classify(line: string): LineKind {
  const numbered = NUMBERED.exec(line);
  if (numbered)
    return { kind: 'numbered-list', number: Number(numbered[1]), content: numbered[2] ?? '' };
  const bullet = BULLET.exec(line);
  if (bullet) return { kind: 'bullet-list', content: bullet[1] ?? '' };
  // A quote needs "> ": a lone ">" at the start of a line stays text, as in the apps.
  if (line.startsWith('> ')) return { kind: 'quote', content: line.slice(2) };
  return { kind: 'paragraph', content: line };
}

function parseLines(chunk: string, blocks: WhatsAppBlock[]): void {
  for (const line of chunk.split(/\r\n?|\n/)) {
    const kind = classify(line);
    const content = parseWhatsAppInline(kind.content);
    const last = blocks[blocks.length - 1];
    switch (kind.kind) {
      case 'paragraph':
      case 'quote':
        if (last?.type === kind.kind) last.lines.push(content);
        else blocks.push({ type: kind.kind, lines: [content] });
        break;
      case 'bullet-list':
        if (last?.type === 'bullet-list') last.items.push(content);
        else blocks.push({ type: 'bullet-list', items: [content] });
        break;
      case 'numbered-list': {
        const item = { number: kind.number, content };
        if (last?.type === 'numbered-list') last.items.push(item);
        else blocks.push({ type: 'numbered-list', items: [item] });
        break;
      }
    }
  }
}

/**
 * Parses a whole message into blocks. ```monospace``` that spans lines becomes a block of its
 * own; on one line it stays inline.
 */
export function parseWhatsAppFormatting(text: string): WhatsAppBlock[] {
  const blocks: WhatsAppBlock[] = [];
  if (text === '') return blocks;
  let rest = 0;
  let search = 0;
  while (search < text.length) {
    const open = text.indexOf('```', search);
    if (open < 0) break;
    const close = text.indexOf('```', open + 3);
    if (close < 0) break;
    const inner = text.slice(open + 3, close);
    if (inner === '' || !/[\r\n]/.test(inner)) {
      // One line: the inline parser handles it with the rest of its line.
      search = close + 3;
      continue;
    }
    // The line break that leads into or out of the block belongs to the block's edges.
    const before = text.slice(rest, open).replace(/(?:\r\n?|\n)$/, '');
    if (before !== '' || open > rest) parseLines(before, blocks);
    blocks.push({ type: 'mono', text: inner });
    rest = close + 3;
    if (text.startsWith('\r\n', rest)) rest += 2;
    else if (text[rest] === '\n' || text[rest] === '\r') rest += 1;
    search = rest;
  }
  if (rest < text.length) parseLines(text.slice(rest), blocks);
  return blocks;
}

/** The text a reader sees, marks removed: for counting and for assistive summaries. */
export function whatsAppVisibleText(blocks: readonly WhatsAppBlock[]): string {
  const inline = (line: WhatsAppLine): string =>
    line.map((node) => ('children' in node ? inline(node.children) : node.text)).join('');
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return block.lines.map(inline).join('\n');
        case 'quote':
          return block.lines.map(inline).join('\n');
        case 'bullet-list':
          return block.items.map(inline).join('\n');
        case 'numbered-list':
          return block.items.map((item) => `${item.number}. ${inline(item.content)}`).join('\n');
        case 'mono':
          return block.text;
      }
    })
    .join('\n');
}
