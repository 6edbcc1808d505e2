import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { redoDepth, undoDepth } from '@tiptap/pm/history';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { inputClass } from '../../components/field';
import { afterNextFrame } from '../../lib/after-frame';

export interface RichEditorProps {
  id: string;
  label: string;
  value: string;
  onChange: (html: string) => void;
  invalid?: boolean;
  describedBy?: string;
  /** Ctrl/Cmd+Enter inside the editor. */
  onSubmitShortcut?: () => void;
  editorRef?: (focus: () => void) => void;
}

/** The rich HTML editor for email and letters (Tiptap; loaded lazily, outside the first load). */
// One extension list for every render: Tiptap compares the options it gets on each render with
// the editor's and reconfigures the whole view when they differ.
const EXTENSIONS = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
  }),
];

const EDITOR_CLASS = `${inputClass} prose prose-sm min-h-40 max-w-none dark:prose-invert [&_a]:text-teal-700 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:pl-3 [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6`;

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
  // Each keystroke re-renders this component with the new value. Only what really changed may
  // reach Tiptap's options: the same extensions, the first content, and props that change with
  // the label or the error state, so a keystroke never reconfigures the editor.
  const [initialContent] = useState(value);
  const latest = useRef({ onChange, onSubmitShortcut });
  useLayoutEffect(() => {
    latest.current = { onChange, onSubmitShortcut };
  });
  // The HTML this editor last reported: the form handing it back needs no comparison.
  const emitted = useRef(value);
  const editorProps = useMemo(
    () => ({
      attributes: {
        id,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(invalid ? { 'aria-invalid': 'true' } : {}),
        class: EDITOR_CLASS,
      },
      handleKeyDown: (_view: unknown, event: KeyboardEvent) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          emitNow.current();
          latest.current.onSubmitShortcut?.();
          return true;
        }
        return false;
      },
    }),
    [id, label, describedBy, invalid],
  );
  // The HTML goes to the form right after the frame that shows the keystroke (serialising
  // the document, the plain text derived from it and the form's listeners are not needed to
  // draw it), and at once when the editor loses the focus, sends, or the page is hidden.
  const pending = useRef<{ editor: Editor; cancel: () => void } | null>(null);
  const emitNow = useRef(() => {
    const waiting = pending.current;
    if (!waiting) return;
    waiting.cancel();
    pending.current = null;
    emitted.current = waiting.editor.isEmpty ? '' : waiting.editor.getHTML();
    latest.current.onChange(emitted.current);
  });
  useEffect(() => {
    // Before the draft is saved for a page being hidden or closed (capture: ahead of the
    // saver's own listeners).
    const flush = emitNow.current;
    const hide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('visibilitychange', hide, true);
    window.addEventListener('pagehide', flush, true);
    return () => {
      window.removeEventListener('visibilitychange', hide, true);
      window.removeEventListener('pagehide', flush, true);
      flush();
    };
  }, []);
  const editor = useEditor({
    extensions: EXTENSIONS,
    content: initialContent,
    immediatelyRender: true,
    editorProps,
    onUpdate: ({ editor: e }) => {
      if (!pending.current)
        pending.current = { editor: e, cancel: afterNextFrame(emitNow.current) };
    },
    onBlur: () => emitNow.current(),
  });

  // A draft restored or a form reset from outside replaces the content.
  useEffect(() => {
    if (!editor || value === emitted.current) return;
    // Replaced before it reached the form (the editor had the focus all along): the new content
    // wins, as it does over what the form had.
    pending.current?.cancel();
    pending.current = null;
    const current = editor.isEmpty ? '' : editor.getHTML();
    emitted.current = value;
    if (value !== current) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  useEffect(() => {
    editorRef?.(() => editor?.commands.focus());
  }, [editor, editorRef]);

  if (!editor) return null;
  return (
    <div className="space-y-1">
      <Toolbar editor={editor} label={label} />
      <EditorContent editor={editor} />
    </div>
  );
}

function Toolbar({ editor, label }: { editor: Editor; label: string }) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      link: e.isActive('link'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      blockquote: e.isActive('blockquote'),
      // The history's depth: what can().undo() finds out by trying the whole command.
      canUndo: undoDepth(e.state) > 0,
      canRedo: redoDepth(e.state) > 0,
    }),
  });
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState('');

  const toggles: { name: string; text: string; active: boolean; run: () => void }[] = [
    {
      name: t('editor.bold'),
      text: t('editor.boldText'),
      active: state.bold,
      run: () => editor.chain().focus().toggleBold().run(),
    },
    {
      name: t('editor.italic'),
      text: t('editor.italicText'),
      active: state.italic,
      run: () => editor.chain().focus().toggleItalic().run(),
    },
    {
      name: t('editor.underline'),
      text: t('editor.underlineText'),
      active: state.underline,
      run: () => editor.chain().focus().toggleUnderline().run(),
    },
    {
      name: t('editor.heading'),
      text: 'H2',
      active: state.h2,
      run: () => editor.chain().focus().toggleHeading({ level: 2 }).run(),
    },
    {
      name: t('editor.subheading'),
      text: 'H3',
      active: state.h3,
      run: () => editor.chain().focus().toggleHeading({ level: 3 }).run(),
    },
    {
      name: t('editor.bulletList'),
      text: '•',
      active: state.bulletList,
      run: () => editor.chain().focus().toggleBulletList().run(),
    },
    {
      name: t('editor.orderedList'),
      text: '1.',
      active: state.orderedList,
      run: () => editor.chain().focus().toggleOrderedList().run(),
    },
    {
      name: t('editor.quote'),
      text: '❝',
      active: state.blockquote,
      run: () => editor.chain().focus().toggleBlockquote().run(),
    },
  ];

  const applyLink = () => {
    const url = href.trim();
    if (!url) editor.chain().focus().extendMarkRange('link').unsetLink().run();
    else
      editor
        .chain()
        .focus()
        .extendMarkRange('link')
        .setLink({ href: /^[a-z]+:/i.test(url) ? url : `https://${url}` })
        .run();
    setLinkOpen(false);
    setHref('');
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
          onClick={toggle.run}
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
          setHref((editor.getAttributes('link').href as string | undefined) ?? '');
          setLinkOpen((v) => !v);
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
        onClick={() => editor.chain().focus().undo().run()}
      >
        ↶
      </button>
      <button
        type="button"
        className={button}
        aria-label={t('editor.redo')}
        onMouseDown={keepEditorFocus}
        disabled={!state.canRedo}
        onClick={() => editor.chain().focus().redo().run()}
      >
        ↷
      </button>
      {linkOpen ? (
        // Not a <form>: it sits inside the composer's form.
        <div className="flex items-center gap-1">
          <label className="sr-only" htmlFor="link-url">
            {t('editor.linkUrl')}
          </label>
          <input
            id="link-url"
            className="rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
            placeholder="https://…"
            value={href}
            onChange={(event) => setHref(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setLinkOpen(false);
              if (event.key === 'Enter') {
                event.preventDefault();
                applyLink();
              }
            }}
          />
          <button type="button" className={button} onClick={applyLink}>
            {t('editor.applyLink')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function keepEditorFocus(event: MouseEvent) {
  event.preventDefault();
}
