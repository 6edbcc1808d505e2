import { EditorView } from 'prosemirror-view';
import type { Command } from 'prosemirror-state';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
} from 'react';
import { useTranslation } from '../../i18n';
import { FieldError, inputClass } from '../../components/field';
import { afterNextFrame } from '../../lib/after-frame';
import { beforePageHides } from '../../lib/before-page-hides';
import {
  allowedHref,
  commands,
  createEditorState,
  linkAt,
  pasteLink,
  sameToolbarState,
  setLink,
  toHtml,
  toolbarState,
  type ToolbarState,
} from './rich-text';

export interface RichEditorProps {
  id: string;
  label: string;
  value: string;
  /**
   * The HTML, right after the frame that shows a change, or at once (`now`) when the form may
   * be read right away: the editor lost the focus, sends, or the page is being hidden.
   */
  onChange: (html: string, now: boolean) => void;
  invalid?: boolean;
  describedBy?: string;
  /** Ctrl/Cmd+Enter inside the editor. */
  onSubmitShortcut?: () => void;
  editorRef?: (focus: () => void) => void;
}

const EDITOR_CLASS = `${inputClass} min-h-40 [&_a]:text-teal-700 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:pl-3 [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6`;

/**
 * The rich HTML editor for email and letters: a ProseMirror view (`rich-text.ts` holds its
 * schema and commands), loaded lazily, outside the first load. React renders the toolbar and the
 * element the view lives in; the view owns what is inside that element.
 */
export function RichEditor({
  id,
  label,
  value,
  onChange,
  invalid,
  describedBy,
  onSubmitShortcut,
  editorRef,
}: RichEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const [initialState] = useState(() => createEditorState(value));
  const [toolbar, setToolbarState] = useState(() => toolbarState(initialState));
  // What the toolbar shows, compared outside React: a state update whose value turns out the
  // same still renders the editor once React cannot skip it at once, in every keystroke.
  const toolbarShown = useRef(toolbar);
  const setToolbar = useCallback((next: ToolbarState) => {
    if (sameToolbarState(toolbarShown.current, next)) return;
    toolbarShown.current = next;
    setToolbarState(next);
  }, []);
  const latest = useRef({ onChange, onSubmitShortcut });
  useLayoutEffect(() => {
    latest.current = { onChange, onSubmitShortcut };
  });
  // The HTML this editor last reported: the form handing it back needs no comparison.
  const emitted = useRef(value);
  // The HTML goes to the form right after the frame that shows the keystroke (serialising the
  // document and the form's listeners are not needed to draw it), and at once when the editor
  // loses the focus, sends, or the page is hidden.
  const pending = useRef<(() => void) | null>(null);
  // `always`: reported again even when already reported (leaving the editor: what follows from
  // the HTML is then brought up to date before another field takes the focus).
  const emit = useRef((now: boolean, always = false) => {
    const cancel = pending.current;
    if (!view.current || (!cancel && !always)) return;
    if (cancel) {
      cancel();
      pending.current = null;
      emitted.current = toHtml(view.current.state.doc);
    }
    latest.current.onChange(emitted.current, now);
  });

  const attributes = useMemo(
    () => ({
      id,
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': label,
      ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      ...(invalid ? { 'aria-invalid': 'true' } : {}),
      class: EDITOR_CLASS,
    }),
    [id, label, describedBy, invalid],
  );
  const attributesNow = useRef(attributes);
  useLayoutEffect(() => {
    attributesNow.current = attributes;
    view.current?.setProps({ attributes });
  }, [attributes]);

  useLayoutEffect(() => {
    let lastPress = { time: 0, x: 0, y: 0 };
    let typed = false;
    const editor: EditorView = new EditorView(
      { mount: host.current! },
      {
        state: initialState,
        attributes: attributesNow.current,
        dispatchTransaction(tr) {
          const state = editor.state.apply(tr);
          editor.updateState(state);
          typed = false;
          if (tr.docChanged && !pending.current)
            pending.current = afterNextFrame(() => emit.current(false));
          // A keystroke that changes no button renders nothing.
          setToolbar(toolbarState(state));
        },
        // Text typed into a line is put on screen by the browser, which keeps the caret in
        // view as it does in any field; ProseMirror's own scrolling would measure the caret
        // (a layout in the keystroke) to find the same place.
        handleTextInput: () => {
          typed = true;
          return false;
        },
        handleScrollToSelection: () => typed,
        handleKeyDown(_view, event) {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            emit.current(true);
            latest.current.onSubmitShortcut?.();
            return true;
          }
          return false;
        },
        handlePaste(current, event) {
          const text = event.clipboardData?.getData('text/plain') ?? '';
          if (event.clipboardData?.types.includes('text/html')) return false;
          const tr = pasteLink(current.state, text);
          if (tr) current.dispatch(tr);
          return Boolean(tr);
        },
        handleDOMEvents: {
          mousedown: (current, event) => {
            const first = lastPress;
            lastPress = { time: Date.now(), x: event.clientX, y: event.clientY };
            // A second press where ProseMirror counts a double click (within 500 ms and 10 px)
            // on the margin between two blocks has no word to select, and ProseMirror would
            // warn that its word selection is not in text: the browser's own handling stands.
            const second =
              lastPress.time - first.time < 500 &&
              (lastPress.x - first.x) ** 2 + (lastPress.y - first.y) ** 2 < 100;
            if (!second) return false;
            const at = current.posAtCoords({ left: event.clientX, top: event.clientY });
            return Boolean(at && !current.state.doc.resolve(at.pos).parent.inlineContent);
          },
          blur: () => {
            emit.current(true, true);
            return false;
          },
        },
      },
    );
    view.current = editor;
    // Before the draft is saved for a page being hidden or closed.
    const flush = () => emit.current(true);
    const stopFlushing = beforePageHides(flush);
    return () => {
      stopFlushing();
      flush();
      editor.destroy();
      view.current = null;
    };
  }, [initialState, setToolbar]);

  // A draft restored or a form reset from outside replaces the content, and starts a new
  // history: undo does not go back into another message.
  useEffect(() => {
    const editor = view.current;
    if (!editor || value === emitted.current) return;
    // Replaced before it reached the form (the editor had the focus all along): the new content
    // wins, as it does over what the form had.
    pending.current?.();
    pending.current = null;
    emitted.current = value;
    if (value === toHtml(editor.state.doc)) return;
    const state = createEditorState(value);
    editor.updateState(state);
    setToolbar(toolbarState(state));
  }, [value, setToolbar]);

  useEffect(() => {
    editorRef?.(() => view.current?.focus());
  }, [editorRef]);

  // The toolbar renders only when what it shows changes, not with each HTML handed back.
  const run = useCallback((command: Command) => {
    const editor = view.current;
    if (!editor) return;
    editor.focus();
    command(editor.state, editor.dispatch, editor);
  }, []);
  const currentLink = useCallback(() => (view.current ? linkAt(view.current.state) : ''), []);

  return (
    <div className="space-y-1">
      <Toolbar state={toolbar} label={label} run={run} currentLink={currentLink} />
      <div ref={host} />
    </div>
  );
}

interface ToolbarProps {
  state: ToolbarState;
  label: string;
  run: (command: Command) => void;
  currentLink: () => string;
}

const Toolbar = memo(function Toolbar({ state, label, run, currentLink }: ToolbarProps) {
  const { t } = useTranslation();
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState('');
  const [hrefError, setHrefError] = useState('');

  const toggles: { name: string; text: string; active: boolean; command: Command }[] = [
    {
      name: t('editor.bold'),
      text: t('editor.boldText'),
      active: state.bold,
      command: commands.bold,
    },
    {
      name: t('editor.italic'),
      text: t('editor.italicText'),
      active: state.italic,
      command: commands.italic,
    },
    {
      name: t('editor.underline'),
      text: t('editor.underlineText'),
      active: state.underline,
      command: commands.underline,
    },
    { name: t('editor.heading'), text: 'H2', active: state.h2, command: commands.heading },
    { name: t('editor.subheading'), text: 'H3', active: state.h3, command: commands.subheading },
    {
      name: t('editor.bulletList'),
      text: '•',
      active: state.bulletList,
      command: commands.bulletList,
    },
    {
      name: t('editor.orderedList'),
      text: '1.',
      active: state.orderedList,
      command: commands.orderedList,
    },
    { name: t('editor.quote'), text: '❝', active: state.blockquote, command: commands.blockquote },
  ];

  const applyLink = () => {
    const url = href.trim();
    const full = url && !/^[a-z][a-z\d+.-]*:/i.test(url) ? `https://${url}` : url;
    // An address no message may carry stays in the box, with the reason under it.
    if (full && !allowedHref(full)) {
      setHrefError(t('editor.linkScheme'));
      return;
    }
    run(setLink(full));
    closeLink();
  };
  const closeLink = () => {
    setLinkOpen(false);
    setHref('');
    setHrefError('');
  };

  const button =
    'min-w-8 rounded px-2 py-1 text-sm hover:bg-slate-200 aria-pressed:bg-teal-100 aria-pressed:text-teal-900 disabled:opacity-40 dark:hover:bg-slate-700 dark:aria-pressed:bg-teal-900 dark:aria-pressed:text-teal-100';
  return (
    <div
      role="toolbar"
      aria-label={t('editor.toolbar', { label })}
      className="flex flex-wrap items-center gap-1"
    >
      {toggles.map((toggle) => (
        <button
          key={toggle.name}
          type="button"
          className={button}
          aria-label={toggle.name}
          aria-pressed={toggle.active}
          // Keep the caret in the editor: a pointer press must not move focus to the button,
          // or the keys typed right after it land nowhere.
          onMouseDown={keepEditorFocus}
          onClick={() => run(toggle.command)}
        >
          {toggle.text}
        </button>
      ))}
      <button
        type="button"
        className={button}
        aria-label={t('editor.link')}
        aria-pressed={state.link}
        aria-expanded={linkOpen}
        onClick={() => {
          if (linkOpen) closeLink();
          else {
            setHref(currentLink());
            setLinkOpen(true);
          }
        }}
      >
        {t('editor.link')}
      </button>
      <button
        type="button"
        className={button}
        aria-label={t('editor.undo')}
        onMouseDown={keepEditorFocus}
        disabled={!state.canUndo}
        onClick={() => run(commands.undo)}
      >
        ↶
      </button>
      <button
        type="button"
        className={button}
        aria-label={t('editor.redo')}
        onMouseDown={keepEditorFocus}
        disabled={!state.canRedo}
        onClick={() => run(commands.redo)}
      >
        ↷
      </button>
      {linkOpen ? (
        // Not a <form>: it sits inside the composer's form.
        <div className="flex flex-wrap items-center gap-1">
          <label className="sr-only" htmlFor="link-url">
            {t('editor.linkUrl')}
          </label>
          <input
            id="link-url"
            className="rounded border border-slate-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-900"
            placeholder="https://…"
            value={href}
            aria-invalid={hrefError ? true : undefined}
            aria-describedby={hrefError ? 'link-url-error' : undefined}
            onChange={(event) => {
              setHref(event.target.value);
              setHrefError('');
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape') closeLink();
              if (event.key === 'Enter') {
                event.preventDefault();
                applyLink();
              }
            }}
          />
          <button type="button" className={button} onClick={applyLink}>
            {t('editor.applyLink')}
          </button>
          <FieldError id="link-url-error" message={hrefError} />
        </div>
      ) : null}
    </div>
  );
});

function keepEditorFocus(event: MouseEvent) {
  event.preventDefault();
}
