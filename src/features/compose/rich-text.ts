/**
 * The rich HTML editor's document model on ProseMirror: the schema (what an email or a letter
 * may hold), reading and writing HTML, the commands behind the toolbar and the keys, and the
 * state the toolbar shows. Loaded with the editor, outside the first load.
 */
import {
  DOMParser as DocumentParser,
  DOMSerializer,
  Schema,
  type Attrs,
  type Mark,
  type MarkType,
  type Node as DocumentNode,
  type NodeSpec,
  type NodeType,
  type ResolvedPos,
} from 'prosemirror-model';
import {
  EditorState,
  Plugin,
  TextSelection,
  type Command,
  type Transaction,
} from 'prosemirror-state';
import {
  baseKeymap,
  chainCommands,
  exitCode,
  lift,
  setBlockType,
  toggleMark,
  wrapIn,
} from 'prosemirror-commands';
import { history, redo, redoDepth, undo, undoDepth } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import {
  InputRule,
  inputRules,
  textblockTypeInputRule,
  undoInputRule,
  wrappingInputRule,
} from 'prosemirror-inputrules';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import { dropCursor } from 'prosemirror-dropcursor';
import { gapCursor } from 'prosemirror-gapcursor';

/** Link schemes a message may carry; any other scheme (`javascript:`, `data:`…) is dropped. */
const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel', 'sms']);

/**
 * The address a link may point to, or null. Browsers skip tabs, line breaks and leading
 * control characters and spaces in a URL's scheme, so they are skipped here before it is read.
 */
export function allowedHref(raw: string | null): string | null {
  if (raw === null) return null;
  const href = raw.trim();
  // eslint-disable-next-line no-control-regex
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(href.replace(/[\u0000-\u0020]/g, ''));
  if (scheme && !LINK_SCHEMES.has(scheme[1]!.toLowerCase())) return null;
  return href || null;
}

/** A block drawn as one element of `tag` and read from one. */
function block(tag: string, content: string, spec: Partial<NodeSpec> = {}): NodeSpec {
  return { content, group: 'block', parseDOM: [{ tag }], toDOM: () => [tag, 0], ...spec };
}

/** A `font-weight` that reads as bold. */
const BOLD_WEIGHT = /^(bold(er)?|[5-9]\d{2,})$/;

const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: block('p', 'inline*'),
    heading: {
      attrs: { level: { default: 2, validate: 'number' } },
      content: 'inline*',
      group: 'block',
      defining: true,
      // Two levels: a message's title is the subject. Pasted h1 is the larger, h4–h6 the smaller.
      parseDOM: [
        { tag: 'h1', attrs: { level: 2 } },
        { tag: 'h2', attrs: { level: 2 } },
        { tag: 'h3', attrs: { level: 3 } },
        { tag: 'h4', attrs: { level: 3 } },
        { tag: 'h5', attrs: { level: 3 } },
        { tag: 'h6', attrs: { level: 3 } },
      ],
      toDOM: (node) => [`h${node.attrs.level as number}`, 0],
    },
    blockquote: block('blockquote', 'block+', { defining: true }),
    code_block: {
      content: 'text*',
      marks: '',
      group: 'block',
      code: true,
      defining: true,
      parseDOM: [{ tag: 'pre', preserveWhitespace: 'full' }],
      toDOM: () => ['pre', ['code', 0]],
    },
    horizontal_rule: {
      group: 'block',
      parseDOM: [{ tag: 'hr' }],
      toDOM: () => ['hr'],
    },
    bullet_list: block('ul', 'list_item+'),
    ordered_list: {
      attrs: { order: { default: 1, validate: 'number' } },
      content: 'list_item+',
      group: 'block',
      parseDOM: [
        {
          tag: 'ol',
          getAttrs: (dom) => {
            const start = Number((dom as HTMLElement).getAttribute('start') ?? 1);
            return { order: Number.isInteger(start) ? start : 1 };
          },
        },
      ],
      toDOM: (node) =>
        node.attrs.order === 1 ? ['ol', 0] : ['ol', { start: node.attrs.order as number }, 0],
    },
    list_item: {
      content: 'paragraph block*',
      defining: true,
      parseDOM: [{ tag: 'li' }],
      toDOM: () => ['li', 0],
    },
    text: { group: 'inline' },
    hard_break: {
      inline: true,
      group: 'inline',
      selectable: false,
      parseDOM: [{ tag: 'br' }],
      toDOM: () => ['br'],
    },
  },
  // The first mark wraps the others: a link around bold text is `<a><strong>…</strong></a>`.
  marks: {
    link: {
      attrs: { href: { validate: 'string' } },
      inclusive: false,
      parseDOM: [
        {
          tag: 'a[href]',
          getAttrs: (dom) => {
            const href = allowedHref((dom as HTMLElement).getAttribute('href'));
            return href ? { href } : false;
          },
        },
      ],
      toDOM: (mark) => [
        'a',
        { target: '_blank', rel: 'noopener noreferrer nofollow', href: mark.attrs.href as string },
        0,
      ],
    },
    bold: {
      parseDOM: [
        { tag: 'strong' },
        // Google Docs wraps a whole paste in <b style="font-weight:normal">.
        { tag: 'b', getAttrs: (dom) => (dom as HTMLElement).style.fontWeight !== 'normal' && null },
        { style: 'font-weight=400', clearMark: (mark) => mark.type.name === 'bold' },
        { style: 'font-weight', getAttrs: (value) => BOLD_WEIGHT.test(value as string) && null },
      ],
      toDOM: () => ['strong', 0],
    },
    italic: {
      parseDOM: [
        { tag: 'em' },
        { tag: 'i' },
        { style: 'font-style=italic' },
        { style: 'font-style=normal', clearMark: (mark) => mark.type.name === 'italic' },
      ],
      toDOM: () => ['em', 0],
    },
    underline: {
      parseDOM: [
        { tag: 'u' },
        {
          style: 'text-decoration',
          getAttrs: (value) => (value as string).includes('underline') && null,
        },
      ],
      toDOM: () => ['u', 0],
    },
    strike: {
      parseDOM: [
        { tag: 's' },
        { tag: 'del' },
        { tag: 'strike' },
        {
          style: 'text-decoration',
          getAttrs: (value) => (value as string).includes('line-through') && null,
        },
      ],
      toDOM: () => ['s', 0],
    },
    code: {
      excludes: '_',
      code: true,
      parseDOM: [{ tag: 'code' }],
      toDOM: () => ['code', 0],
    },
  },
});

const { nodes, marks } = schema;
const parser = DocumentParser.fromSchema(schema);
const serializer = DOMSerializer.fromSchema(schema);

/**
 * A document from HTML. The HTML is parsed in a document of its own, which runs no script and
 * loads nothing; only what the schema knows is kept.
 */
function parseHtml(html: string): DocumentNode {
  const body = new window.DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  return parser.parse(body);
}

/** True for the document an empty editor holds: one empty paragraph. */
function isEmptyDocument(doc: DocumentNode): boolean {
  return (
    doc.childCount === 1 &&
    doc.firstChild!.type === nodes.paragraph &&
    doc.firstChild!.content.size === 0
  );
}

/**
 * The document as HTML; an empty document is the empty string. Empty lines at the end are left
 * out: the line the editor keeps after a last list, quote or rule (see `trailingParagraph`), and
 * any Enter pressed past the last word.
 */
export function toHtml(doc: DocumentNode): string {
  if (isEmptyDocument(doc)) return '';
  let content = doc.content;
  for (
    let last = content.lastChild;
    content.childCount > 1 && last && isEmptyParagraph(last);
    last = content.lastChild
  )
    content = content.cut(0, content.size - last.nodeSize);
  const container = document.createElement('div');
  container.append(serializer.serializeFragment(content));
  return container.innerHTML;
}

function isEmptyParagraph(node: DocumentNode): boolean {
  return node.type === nodes.paragraph && node.content.size === 0;
}

/** The range of the mark of `type` around or just before `$pos`, with the mark. */
function markAround(
  $pos: ResolvedPos,
  type: MarkType,
): { from: number; to: number; mark: Mark } | null {
  const parent = $pos.parent;
  let found = parent.childAfter($pos.parentOffset);
  if (!found.node || !type.isInSet(found.node.marks)) found = parent.childBefore($pos.parentOffset);
  const mark = found.node ? type.isInSet(found.node.marks) : undefined;
  if (!found.node || !mark) return null;
  let start = found.index;
  let end = found.index + 1;
  let from = found.offset;
  let to = found.offset + found.node.nodeSize;
  while (start > 0 && mark.isInSet(parent.child(start - 1).marks)) {
    start -= 1;
    from -= parent.child(start).nodeSize;
  }
  while (end < parent.childCount && mark.isInSet(parent.child(end).marks)) {
    to += parent.child(end).nodeSize;
    end += 1;
  }
  return { from: $pos.start() + from, to: $pos.start() + to, mark };
}

/** The address of the link at the caret or in the selection, or the empty string. */
export function linkAt(state: EditorState): string {
  const { $from, from, to, empty } = state.selection;
  if (empty) return (markAround($from, marks.link)?.mark.attrs.href as string | undefined) ?? '';
  let href = '';
  state.doc.nodesBetween(from, to, (node) => {
    const link = href ? undefined : marks.link.isInSet(node.marks);
    if (link) href = link.attrs.href as string;
    return !href;
  });
  return href;
}

/**
 * Links the selection (or the whole link the caret is in) to `href`, or unlinks it when `href`
 * is empty. With nothing selected outside a link, the address itself is put in, linked.
 */
export function setLink(href: string): Command {
  return (state, dispatch) => {
    const { selection } = state;
    let { from, to } = selection;
    if (selection.empty) {
      const around = markAround(selection.$from, marks.link);
      if (around) ({ from, to } = around);
    }
    if (!href && from === to) return false;
    if (!dispatch) return true;
    const tr = state.tr;
    if (!href) tr.removeMark(from, to, marks.link);
    else {
      if (from === to) {
        tr.insertText(href, from);
        to = from + href.length;
      }
      tr.removeMark(from, to, marks.link).addMark(from, to, marks.link.create({ href }));
      tr.setSelection(TextSelection.create(tr.doc, to));
    }
    dispatch(tr.scrollIntoView());
    return true;
  };
}

/** The innermost list around the selection's start, with its depth. */
function listAround($pos: ResolvedPos): { node: DocumentNode; depth: number } | null {
  for (let depth = $pos.depth; depth > 0; depth -= 1) {
    const node = $pos.node(depth);
    if (node.type === nodes.bullet_list || node.type === nodes.ordered_list) return { node, depth };
  }
  return null;
}

function hasAncestor($pos: ResolvedPos, type: NodeType, attrs?: Attrs): boolean {
  for (let depth = $pos.depth; depth > 0; depth -= 1) {
    const node = $pos.node(depth);
    if (
      node.type === type &&
      (!attrs || Object.entries(attrs).every(([k, v]) => node.attrs[k] === v))
    )
      return true;
  }
  return false;
}

/** A heading of `level` where there is none of it, a paragraph where there is. */
function toggleHeading(level: 2 | 3): Command {
  return (state, dispatch, view) =>
    hasAncestor(state.selection.$from, nodes.heading, { level })
      ? setBlockType(nodes.paragraph)(state, dispatch, view)
      : setBlockType(nodes.heading, { level })(state, dispatch, view);
}

/** Out of a list of `type`, from another list into one of `type`, or into a new one. */
function toggleList(type: NodeType): Command {
  return (state, dispatch, view) => {
    const list = listAround(state.selection.$from);
    if (!list) return wrapInList(type)(state, dispatch, view);
    if (list.node.type === type) return liftListItem(nodes.list_item)(state, dispatch, view);
    dispatch?.(
      state.tr.setNodeMarkup(state.selection.$from.before(list.depth), type).scrollIntoView(),
    );
    return true;
  };
}

const toggleBlockquote: Command = (state, dispatch, view) =>
  hasAncestor(state.selection.$from, nodes.blockquote)
    ? lift(state, dispatch, view)
    : wrapIn(nodes.blockquote)(state, dispatch, view);

export const commands = {
  bold: toggleMark(marks.bold),
  italic: toggleMark(marks.italic),
  underline: toggleMark(marks.underline),
  heading: toggleHeading(2),
  subheading: toggleHeading(3),
  bulletList: toggleList(nodes.bullet_list),
  orderedList: toggleList(nodes.ordered_list),
  blockquote: toggleBlockquote,
  undo,
  redo,
} satisfies Record<string, Command>;

export interface ToolbarState {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  link: boolean;
  bulletList: boolean;
  orderedList: boolean;
  h2: boolean;
  h3: boolean;
  blockquote: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

/** A mark is on when the caret would type with it, or when any of the selection has it. */
function markOn(state: EditorState, type: MarkType): boolean {
  const { from, to, empty, $from } = state.selection;
  if (empty) return Boolean(type.isInSet(state.storedMarks ?? $from.marks()));
  return state.doc.rangeHasMark(from, to, type);
}

export function toolbarState(state: EditorState): ToolbarState {
  const { $from } = state.selection;
  const list = listAround($from);
  return {
    bold: markOn(state, marks.bold),
    italic: markOn(state, marks.italic),
    underline: markOn(state, marks.underline),
    // On at a link's either end too: the link button edits the link the caret touches.
    link: state.selection.empty
      ? Boolean(markAround($from, marks.link))
      : markOn(state, marks.link),
    bulletList: list?.node.type === nodes.bullet_list,
    orderedList: list?.node.type === nodes.ordered_list,
    h2: hasAncestor($from, nodes.heading, { level: 2 }),
    h3: hasAncestor($from, nodes.heading, { level: 3 }),
    blockquote: hasAncestor($from, nodes.blockquote),
    // The history's depth: what undo(state) finds out by trying the whole command.
    canUndo: undoDepth(state) > 0,
    canRedo: redoDepth(state) > 0,
  };
}

export function sameToolbarState(a: ToolbarState, b: ToolbarState): boolean {
  return (Object.keys(a) as (keyof ToolbarState)[]).every((key) => a[key] === b[key]);
}

/**
 * Markdown as it is typed: `**bold**`, `*italic*` or `_italic_`, `~~struck~~`, `` `code` ``.
 * The last group is the marked text; the one before it, the text with its delimiters.
 */
function markRule(pattern: RegExp, type: MarkType): InputRule {
  return new InputRule(pattern, (state, match, start, end) => {
    const token = match[match.length - 2] ?? '';
    const text = match[match.length - 1] ?? '';
    const tokenStart = start + match[0].length - token.length;
    const textStart = tokenStart + token.indexOf(text);
    const textEnd = textStart + text.length;
    const tr = state.tr.delete(textEnd, end).delete(tokenStart, textStart);
    const markEnd = tokenStart + text.length;
    return tr.addMark(tokenStart, markEnd, type.create()).removeStoredMark(type);
  });
}

/** Where an address found in text points: `www.` ones are web addresses. */
function addressHref(address: string): string | null {
  return allowedHref(/^www\./i.test(address) ? `https://${address}` : address);
}

/** An address typed and followed by a space becomes a link; punctuation after it does not. */
const autolink = new InputRule(
  /(?:^|\s)((?:https?:\/\/|www\.)[^\s<>]+?)([.,;:!?)\]'"]*)\s$/i,
  (state, match, start, end) => {
    const [full, address = '', punctuation = ''] = match;
    const addressEnd = start + full.length - 1 - punctuation.length;
    const addressStart = addressEnd - address.length;
    if (state.doc.rangeHasMark(addressStart, addressEnd, marks.link)) return null;
    const href = addressHref(address);
    if (!href) return null;
    return state.tr
      .addMark(addressStart, addressEnd, marks.link.create({ href }))
      .insertText(' ', end);
  },
);

/** `---` at the start of an empty paragraph: a rule, and the caret in a new paragraph below. */
const horizontalRule = new InputRule(/^(?:---|—-|___\s|\*\*\*\s)$/, (state, _match, start, end) => {
  const $start = state.doc.resolve(start);
  if (
    $start.parent.type !== nodes.paragraph ||
    state.doc.resolve(end).parentOffset !== $start.parent.content.size
  )
    return null;
  const at = $start.before();
  const tr = state.tr.replaceWith(at, $start.after(), [
    nodes.horizontal_rule.create(),
    nodes.paragraph.create(),
  ]);
  return tr.setSelection(TextSelection.create(tr.doc, at + 2));
});

const rules = inputRules({
  rules: [
    textblockTypeInputRule(/^(#{1,3})\s$/, nodes.heading, (match) => ({
      level: Math.max(2, match[1]!.length),
    })),
    wrappingInputRule(/^\s*>\s$/, nodes.blockquote),
    wrappingInputRule(/^\s*([-+*])\s$/, nodes.bullet_list),
    wrappingInputRule(
      /^(\d+)\.\s$/,
      nodes.ordered_list,
      (match) => ({ order: Number(match[1]) }),
      (match, node) => node.childCount + (node.attrs.order as number) === Number(match[1]),
    ),
    textblockTypeInputRule(/^```$/, nodes.code_block),
    horizontalRule,
    markRule(/(?:^|\s)(\*\*(?!\s+\*\*)([^*]+)\*\*(?!\s+\*\*))$/, marks.bold),
    markRule(/(?:^|\s)(__(?!\s+__)([^_]+)__(?!\s+__))$/, marks.bold),
    markRule(/(?:^|\s)(\*(?!\s+\*)([^*]+)\*(?!\s+\*))$/, marks.italic),
    markRule(/(?:^|\s)(_(?!\s+_)([^_]+)_(?!\s+_))$/, marks.italic),
    markRule(/(?:^|\s)(~~(?!\s+~~)([^~]+)~~(?!\s+~~))$/, marks.strike),
    markRule(/(?:^|[^`])(`([^`]+)`)$/, marks.code),
    autolink,
  ],
});

const hardBreak: Command = chainCommands(exitCode, (state, dispatch) => {
  dispatch?.(state.tr.replaceSelectionWith(nodes.hard_break.create()).scrollIntoView());
  return true;
});

const keys = keymap({
  'Mod-z': undo,
  'Shift-Mod-z': redo,
  'Mod-y': redo,
  'Mod-b': commands.bold,
  'Mod-i': commands.italic,
  'Mod-u': commands.underline,
  'Mod-Shift-s': toggleMark(marks.strike),
  'Mod-e': toggleMark(marks.code),
  'Mod-Alt-0': setBlockType(nodes.paragraph),
  'Mod-Alt-2': commands.heading,
  'Mod-Alt-3': commands.subheading,
  'Mod-Shift-7': commands.orderedList,
  'Mod-Shift-8': commands.bulletList,
  'Mod-Shift-b': commands.blockquote,
  'Shift-Enter': hardBreak,
  Enter: splitListItem(nodes.list_item),
  // Only inside a list; elsewhere Tab leaves the editor as it leaves any field.
  Tab: sinkListItem(nodes.list_item),
  'Shift-Tab': liftListItem(nodes.list_item),
  // Right after a rule turned what was typed into something else: back to what was typed.
  Backspace: undoInputRule,
});

/**
 * A paragraph at the end, always: after a list, a quote or a rule there is a line to type on,
 * and the caret put after what was pasted lands in text.
 */
const trailingParagraph = new Plugin({
  appendTransaction: (_transactions, _old, state) => withTrailingParagraph(state),
});

function withTrailingParagraph(state: EditorState): Transaction | null {
  const last = state.doc.lastChild;
  if (!last || last.type === nodes.paragraph) return null;
  return state.tr.insert(state.doc.content.size, nodes.paragraph.create());
}

const plugins = [
  rules,
  keys,
  keymap(baseKeymap),
  history(),
  dropCursor(),
  gapCursor(),
  trailingParagraph,
];

export function createEditorState(html: string): EditorState {
  const state = EditorState.create({ doc: parseHtml(html), plugins });
  const trailing = withTrailingParagraph(state);
  return trailing ? EditorState.create({ doc: trailing.doc, plugins }) : state;
}

/** A pasted address, as plain text: linked, or linking the selection it is pasted over. */
export function pasteLink(state: EditorState, text: string): Transaction | null {
  const address = text.trim();
  if (!/^(https?:\/\/|www\.)\S+$/i.test(address) || state.selection.$from.parent.type.spec.code)
    return null;
  const href = addressHref(address);
  if (!href) return null;
  const { from, to, empty } = state.selection;
  const tr = state.tr;
  let end = to;
  if (empty) {
    tr.insertText(address, from);
    end = from + address.length;
  }
  return tr.addMark(from, end, marks.link.create({ href })).scrollIntoView();
}
