import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from '../i18n';
import { Button } from '../components/button';
import { useModalDialog } from '../components/modal-dialog';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Typing "?" into a field is text, not a request for help. */
function isEditable(target: EventTarget | null) {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** The header's "Keyboard shortcuts" button and the list it opens; "?" opens it too. */
export function Shortcuts() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isEditable(event.target) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <button
        ref={opener}
        type="button"
        aria-keyshortcuts="?"
        className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        onClick={() => setOpen(true)}
      >
        {t('shortcuts.open')} <kbd className="font-mono">?</kbd>
      </button>
      {open ? (
        <ShortcutsDialog
          onClose={() => {
            setOpen(false);
            opener.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}

function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useModalDialog(ref);

  const ctrl = isMac ? '⌘' : t('shortcuts.keys.ctrl');
  const k = t('shortcuts.keys', { returnObjects: true });
  const groups: { title: string; rows: [keys: ReactNode, what: string][] }[] = [
    {
      title: t('shortcuts.groups.everywhere'),
      rows: [
        [<Keys key="send" keys={[ctrl, k.enter]} />, t('shortcuts.items.send')],
        [<Keys key="help" keys={['?']} />, t('shortcuts.items.help')],
        [<Keys key="esc" keys={[k.escape]} />, t('shortcuts.items.escape')],
      ],
    },
    {
      title: t('shortcuts.groups.recipients'),
      rows: [
        [
          <Alternatives key="commit" options={[k.enter, k.comma, k.tab]} />,
          t('shortcuts.items.commit'),
        ],
        [<Alternatives key="pick" options={[k.arrows, k.enter]} />, t('shortcuts.items.pick')],
        [<Keys key="bs" keys={[k.backspace]} />, t('shortcuts.items.removeLast')],
      ],
    },
    {
      title: t('shortcuts.groups.editor'),
      rows: [
        [<Keys key="b" keys={[ctrl, 'B']} />, t('shortcuts.items.bold')],
        [<Keys key="i" keys={[ctrl, 'I']} />, t('shortcuts.items.italic')],
        [<Keys key="u" keys={[ctrl, 'U']} />, t('shortcuts.items.underline')],
        [<Keys key="z" keys={[ctrl, 'Z']} />, t('shortcuts.items.undo')],
        [<Keys key="y" keys={[ctrl, k.shift, 'Z']} />, t('shortcuts.items.redo')],
      ],
    },
    {
      title: t('shortcuts.groups.buttons'),
      rows: [
        [<Alternatives key="move" options={[k.enter, k.space]} />, t('shortcuts.items.reorder')],
      ],
    },
  ];

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto max-h-[calc(100vh-2rem)] w-[min(34rem,calc(100vw-2rem))] space-y-3 overflow-auto rounded-lg border border-slate-200 bg-white p-4 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id={titleId} className="text-base font-semibold">
        {t('shortcuts.title')}
      </h2>
      {groups.map((group) => (
        <section key={group.title} aria-label={group.title}>
          <h3 className="mb-1 text-sm font-semibold">{group.title}</h3>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            {group.rows.map(([keys, what]) => (
              <div key={what} className="contents">
                <dt>{keys}</dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <div className="flex justify-end">
        <Button variant="secondary" onClick={onClose} data-initial-focus="">
          {t('shortcuts.close')}
        </Button>
      </div>
    </dialog>
  );
}

const kbd =
  'rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800';

function Keys({ keys }: { keys: string[] }) {
  return (
    <kbd>
      {keys.map((key, i) => (
        <span key={key}>
          {i > 0 ? '+' : null}
          <kbd className={kbd}>{key}</kbd>
        </span>
      ))}
    </kbd>
  );
}

function Alternatives({ options }: { options: string[] }) {
  const { t } = useTranslation();
  return (
    <span>
      {options.map((key, i) => (
        <span key={key}>
          {i > 0 ? ` ${t('shortcuts.keys.or')} ` : null}
          <kbd className={kbd}>{key}</kbd>
        </span>
      ))}
    </span>
  );
}
