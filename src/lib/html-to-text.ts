/**
 * Plain-text alternative of an HTML email (multipart/alternative, reference/channel-limits.md
 * "Email"): the text part should say what the HTML says, or spam filters score the mismatch.
 *
 * Works on the string without a DOM so it runs the same in the browser and in node tests. It
 * reads the HTML the editor (ProseMirror) and common mail clients produce; it is not a full HTML5
 * parser and does not need to be, because the output is only read, never rendered.
 */

/** Elements whose content is never shown as text. `head` itself is transparent: what it may
 * hold is void (meta, link, base) or listed here. */
const DROPPED = new Set(['script', 'style', 'title', 'template', 'noscript']);

// prettier-ignore
const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/** Blocks set apart by a blank line. */
// prettier-ignore
const PARAGRAPH_BLOCKS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'table', 'pre', 'hr', 'figure', 'dl',
]);

/** Blocks that only start a new line. */
// prettier-ignore
const LINE_BLOCKS = new Set([
  'address', 'article', 'aside', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dt', 'fieldset',
  'figcaption', 'footer', 'form', 'header', 'hgroup', 'li', 'main', 'nav', 'section', 'summary', 'tr',
]);

// prettier-ignore
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß',
  euro: '€', pound: '£', yen: '¥', cent: '¢', copy: '©', reg: '®', trade: '™',
  sect: '§', para: '¶', deg: '°', plusmn: '±', times: '×', divide: '÷', micro: 'µ',
  middot: '·', bull: '•', hellip: '…', ndash: '–', mdash: '—',
  lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›',
  aacute: 'á', agrave: 'à', acirc: 'â', eacute: 'é', egrave: 'è', ecirc: 'ê',
  iacute: 'í', oacute: 'ó', ocirc: 'ô', uacute: 'ú', ccedil: 'ç', ntilde: 'ñ',
  Eacute: 'É', Ccedil: 'Ç', Ntilde: 'Ñ', aring: 'å', Aring: 'Å', oslash: 'ø', Oslash: 'Ø',
  iexcl: '¡', iquest: '¿', larr: '←', rarr: '→', uarr: '↑', darr: '↓',
  ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', shy: '', zwnj: '\u200c', zwj: '\u200d',
};

// HTML maps numeric references 0x80-0x9F to windows-1252, as old mail software wrote them
// (https://html.spec.whatwg.org/multipage/parsing.html#numeric-character-reference-end-state).
const WINDOWS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

// Bounded alternatives ending in ";": each match attempt is linear in the reference length.
const ENTITY = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,8})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

function decodeNumber(code: number): string {
  if (code >= 0x80 && code <= 0x9f) return WINDOWS_1252[code - 0x80] ?? '\ufffd';
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (match, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined) return decodeNumber(Number.parseInt(decimal, 10));
    if (hex !== undefined) return decodeNumber(Number.parseInt(hex, 16));
    return (
      (name !== undefined && Object.hasOwn(NAMED_ENTITIES, name)
        ? NAMED_ENTITIES[name]
        : undefined) ?? match
    );
  });
}

/** Collapses source whitespace; no-break spaces inside the line were meant and stay. */
function collapse(text: string): string {
  return text
    .replace(/[ \t\n\r\f]+/g, ' ')
    .trim()
    .replace(/\u00a0/g, ' ');
}

/** The link text says the same as the address, so repeating the address adds nothing. */
function sameAsHref(text: string, href: string): boolean {
  const strip = (value: string) =>
    value
      .replace(/^(?:https?:\/\/|mailto:|tel:)/i, '')
      .replace(/\/$/, '')
      .toLowerCase();
  return text === href || strip(text) === strip(href);
}

interface ListLevel {
  ordered: boolean;
  next: number;
  /** Width of the current item's marker, to indent its further lines under its text. */
  indent: number;
}

interface Tag {
  name: string;
  closing: boolean;
  attributes: Map<string, string>;
  end: number;
}

class TextWriter {
  private readonly lines: string[] = [];
  private line = '';
  private linePrefix = '';
  private linePreformatted = false;
  private lineOpen = false;
  /** 0: continue the line, 1: new line, 2: blank line first. */
  private pendingBreak = 0;
  /** Quote depth for the blank line: a blank line between a quote and the text around it is
   * outside the quote. */
  private blankDepth = 0;
  private quoteDepth = 0;
  private preDepth = 0;
  private readonly lists: ListLevel[] = [];
  private marker: string | undefined;
  private readonly links: { href: string | undefined; text: string }[] = [];

  text(raw: string): void {
    if (raw === '') return;
    for (const link of this.links) link.text += raw;
    if (this.preDepth > 0) {
      raw.split(/\r\n?|\n/).forEach((part, index) => {
        if (index > 0) this.lineBreak();
        this.append(part);
      });
      return;
    }
    if ((!this.lineOpen || this.pendingBreak > 0) && raw.trim() === '') return;
    this.append(raw);
  }

  private append(raw: string): void {
    if (!this.lineOpen || this.pendingBreak > 0) this.startLine();
    this.line += raw;
  }

  private quotePrefix(depth: number): string {
    return '> '.repeat(depth);
  }

  private startLine(): void {
    if (this.lineOpen) this.finishLine();
    if (this.pendingBreak === 2 && this.lines.length > 0)
      this.lines.push(this.quotePrefix(this.blankDepth).trimEnd());
    this.pendingBreak = 0;
    const outer = this.lists.slice(0, -1).reduce((width, level) => width + level.indent, 0);
    const innermost = this.lists[this.lists.length - 1];
    const indent =
      this.marker !== undefined
        ? ' '.repeat(outer) + this.marker
        : ' '.repeat(outer + (innermost?.indent ?? 0));
    this.linePrefix = this.quotePrefix(this.quoteDepth) + indent;
    this.marker = undefined;
    this.linePreformatted = this.preDepth > 0;
    this.line = '';
    this.lineOpen = true;
  }

  private finishLine(): void {
    const content = this.linePreformatted ? this.line.replace(/\s+$/, '') : collapse(this.line);
    this.lines.push(content === '' ? this.linePrefix.trimEnd() : this.linePrefix + content);
    this.lineOpen = false;
    this.line = '';
  }

  /** `<br>`: ends the line here; two in a row leave an empty line. */
  lineBreak(): void {
    if (!this.lineOpen || this.pendingBreak > 0) this.startLine();
    this.finishLine();
  }

  block(kind: 1 | 2): void {
    // Paragraphs inside list items (the editor wraps item text in <p>) must not spread the list.
    const wanted = kind === 2 && this.lists.length > 0 ? 1 : kind;
    if (this.pendingBreak === 0) this.blankDepth = this.quoteDepth;
    this.pendingBreak = Math.max(this.pendingBreak, wanted);
  }

  openQuote(): void {
    this.block(2);
    this.quoteDepth++;
  }

  closeQuote(): void {
    this.block(2);
    this.quoteDepth = Math.max(0, this.quoteDepth - 1);
    this.blankDepth = Math.min(this.blankDepth, this.quoteDepth);
  }

  openList(ordered: boolean, start: number): void {
    this.block(2);
    this.lists.push({ ordered, next: start, indent: 0 });
  }

  closeList(): void {
    this.lists.pop();
    this.marker = undefined;
    this.block(2);
  }

  openItem(): void {
    this.block(1);
    let level = this.lists[this.lists.length - 1];
    if (!level) {
      // A stray <li> outside a list still reads as a bullet.
      level = { ordered: false, next: 1, indent: 0 };
      this.lists.push(level);
    }
    this.marker = level.ordered ? `${level.next++}. ` : '- ';
    level.indent = this.marker.length;
  }

  openPre(): void {
    this.block(2);
    this.preDepth++;
  }

  closePre(): void {
    this.preDepth = Math.max(0, this.preDepth - 1);
    this.block(2);
  }

  openLink(href: string | undefined): void {
    this.links.push({ href, text: '' });
  }

  closeLink(): void {
    const link = this.links.pop();
    const href = link?.href;
    if (!link || !href) return;
    const text = collapse(link.text);
    if (text === '') this.text(href);
    else if (!sameAsHref(text, href)) this.text(` (${href})`);
  }

  cell(): void {
    if (this.lineOpen && this.pendingBreak === 0) this.line += ' ';
  }

  finish(): string {
    if (this.lineOpen) this.finishLine();
    const result: string[] = [];
    let previousBlank = true;
    for (const line of this.lines) {
      const blank = /^[>\s]*$/.test(line);
      if (blank && previousBlank) continue;
      result.push(line);
      previousBlank = blank;
    }
    return result.join('\n').trim();
  }
}

function isNameCharacter(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 45 ||
    code === 58
  );
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12;
}

/** Reads the tag starting at `start` (a `<`), or undefined when the `<` is plain text. */
function readTag(html: string, start: number): Tag | undefined {
  const length = html.length;
  let i = start + 1;
  const closing = html.charCodeAt(i) === 47; // '/'
  if (closing) i++;
  const first = html.charCodeAt(i);
  if (!((first >= 97 && first <= 122) || (first >= 65 && first <= 90))) return undefined;
  const nameStart = i;
  while (i < length && isNameCharacter(html.charCodeAt(i))) i++;
  const name = html.slice(nameStart, i).toLowerCase();
  const attributes = new Map<string, string>();

  while (i < length) {
    const code = html.charCodeAt(i);
    if (code === 62) return { name, closing, attributes, end: i + 1 }; // '>'
    if (isSpace(code) || code === 47) {
      i++;
      continue;
    }
    const attributeStart = i;
    while (i < length) {
      const c = html.charCodeAt(i);
      if (isSpace(c) || c === 47 || c === 61 || c === 62) break;
      i++;
    }
    if (i === attributeStart) i++; // a stray character such as a lone quote
    const attribute = html.slice(attributeStart, i).toLowerCase();
    while (i < length && isSpace(html.charCodeAt(i))) i++;
    let value = '';
    if (html.charCodeAt(i) === 61) {
      i++;
      while (i < length && isSpace(html.charCodeAt(i))) i++;
      const quote = html.charCodeAt(i);
      if (quote === 34 || quote === 39) {
        const close = html.indexOf(quote === 34 ? '"' : "'", i + 1);
        const end = close < 0 ? length : close;
        value = html.slice(i + 1, end);
        i = end + 1;
      } else {
        const valueStart = i;
        while (i < length && !isSpace(html.charCodeAt(i)) && html.charCodeAt(i) !== 62) i++;
        value = html.slice(valueStart, i);
      }
    }
    if (attribute !== '' && !attributes.has(attribute))
      attributes.set(attribute, decodeEntities(value));
  }
  return { name, closing, attributes, end: length };
}

const closingTagFinders = new Map<string, RegExp>();

/** Index just past the closing tag of a dropped element, or the end of the text. */
function skipContent(html: string, name: string, from: number): number {
  let finder = closingTagFinders.get(name);
  if (!finder) {
    finder = new RegExp(`</${name}[\\s/>]`, 'gi');
    closingTagFinders.set(name, finder);
  }
  finder.lastIndex = from;
  const found = finder.exec(html);
  if (!found) return html.length;
  const close = html.indexOf('>', found.index);
  return close < 0 ? html.length : close + 1;
}

function hrefOf(tag: Tag): string | undefined {
  const href = tag.attributes.get('href')?.trim();
  // In-page anchors and script URLs mean nothing in a text part.
  if (!href || href.startsWith('#') || /^javascript:/i.test(href)) return undefined;
  return href;
}

function handleTag(writer: TextWriter, tag: Tag): void {
  const { name, closing } = tag;
  if (closing && VOID.has(name)) return;
  switch (name) {
    case 'br':
      writer.lineBreak();
      return;
    case 'blockquote':
      if (closing) writer.closeQuote();
      else writer.openQuote();
      return;
    case 'ul':
    case 'ol':
      if (closing) writer.closeList();
      else
        writer.openList(name === 'ol', Number.parseInt(tag.attributes.get('start') ?? '', 10) || 1);
      return;
    case 'li':
      if (closing) writer.block(1);
      else writer.openItem();
      return;
    case 'pre':
      if (closing) writer.closePre();
      else writer.openPre();
      return;
    case 'a':
      if (closing) writer.closeLink();
      else writer.openLink(hrefOf(tag));
      return;
    case 'td':
    case 'th':
      if (!closing) writer.cell();
      return;
  }
  if (PARAGRAPH_BLOCKS.has(name)) writer.block(2);
  else if (LINE_BLOCKS.has(name)) writer.block(1);
}

export function htmlToText(html: string): string {
  const writer = new TextWriter();
  const length = html.length;
  let i = 0;
  while (i < length) {
    const open = html.indexOf('<', i);
    const textEnd = open < 0 ? length : open;
    if (textEnd > i) writer.text(decodeEntities(html.slice(i, textEnd)));
    if (open < 0) break;

    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      i = close < 0 ? length : close + 3;
      continue;
    }
    const next = html.charCodeAt(open + 1);
    if (next === 33 || next === 63) {
      // <!DOCTYPE …>, <![CDATA[…]]>, <?xml …?>
      const close = html.indexOf('>', open);
      i = close < 0 ? length : close + 1;
      continue;
    }
    const tag = readTag(html, open);
    if (!tag) {
      writer.text('<');
      i = open + 1;
      continue;
    }
    i = tag.end;
    if (DROPPED.has(tag.name)) {
      if (!tag.closing) i = skipContent(html, tag.name, i);
      continue;
    }
    handleTag(writer, tag);
  }
  return writer.finish();
}
