import { useQuery } from '@tanstack/react-query';
import {
  lazy,
  memo,
  Suspense,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
} from 'react';
import { useTranslation, type TFunction } from '../../i18n';
import type { Channel } from '../../../schemas/rows';
import { fieldDescribedBy, FieldError } from '../../components/field';
import type { CountryCode } from '../../lib/phone-countries';
import { contactSearchQueryOptions } from './api/queries';
import { channelLabel, recipientPlaceholder, ruleFor } from './channel-rules';
import {
  addChips,
  chipFromContact,
  chipLabel,
  chipsFromText,
  type RecipientChip,
} from './recipients';
import { PhoneLoading } from './phone-loading';
import { usePhone } from './use-phone';

// The whole list, virtualised, loads when it is first opened.
const AllChips = lazy(() => import('./all-chips').then((m) => ({ default: m.AllChips })));

/** Chips shown inline; the rest open in a virtualised list, so 10,000 stay smooth. */
const VISIBLE_CHIPS = 40;
const INVALID_LISTED = 20;

/** What the last change did, worded when shown. */
type Notice =
  | { kind: 'added'; added: number; merged: number; invalid: number }
  | { kind: 'removed'; label: string }
  | null;

interface RecipientInputProps {
  id: string;
  label: string;
  channel: Channel;
  defaultCountry: CountryCode | undefined;
  chips: RecipientChip[];
  onChange: (chips: RecipientChip[]) => void;
  error?: string;
  inputRef?: (element: HTMLInputElement | null) => void;
}

/** The contact search follows the typed text once typing pauses this long. */
const SEARCH_AFTER_MS = 250;

export function RecipientInput({
  id,
  label,
  channel,
  defaultCountry,
  chips,
  onChange,
  error,
  inputRef,
}: RecipientInputProps) {
  const { t } = useTranslation();
  const rule = ruleFor(channel.type);
  // The typed text lives in the input (uncontrolled): a key renders nothing here unless it
  // changes what the box shows (the list of matches opening or closing, the search term).
  const input = useRef<HTMLInputElement | null>(null);
  const setInput = useCallback(
    (element: HTMLInputElement | null) => {
      input.current = element;
      inputRef?.(element);
    },
    [inputRef],
  );
  const [searchable, setSearchable] = useState(false);
  const [term, setTerm] = useState('');
  const searchTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(searchTimer.current), []);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const search = useQuery(contactSearchQueryOptions(channel.type, term));
  const options = open && searchable ? (search.data ?? []) : [];

  /** What the user typed changed (a key, a paste, or the box emptied after a commit). */
  const typed = (value: string) => {
    const trimmed = value.trim();
    if (searchable !== trimmed.length >= 2) setSearchable(trimmed.length >= 2);
    clearTimeout(searchTimer.current);
    searchTimer.current = setTimeout(() => setTerm(trimmed), SEARCH_AFTER_MS);
  };
  const clearText = () => {
    if (input.current) input.current.value = '';
    typed('');
  };
  const listboxId = useId();
  const shown = useDeferredValue(chips);
  // Numbers typed before the phone module arrived wait for it as pending chips (see makeChip).
  const phone = usePhone(rule.recipient === 'phone');

  const commit = (added: RecipientChip[]) => {
    if (!added.length) return;
    const { chips: next, merged } = addChips(chips, added);
    onChange(next);
    const invalid = added.filter((chip) => chip.error).length;
    setNotice({ kind: 'added', added: added.length - merged, merged, invalid });
  };

  const commitText = () => {
    const text = input.current?.value ?? '';
    if (!text.trim()) return false;
    commit(chipsFromText(text, rule.recipient, defaultCountry));
    clearText();
    setOpen(false);
    setActive(-1);
    return true;
  };

  const pick = (index: number) => {
    const contact = options[index];
    if (!contact) return;
    commit([chipFromContact(contact, channel.type, rule.recipient, defaultCountry)]);
    clearText();
    setOpen(false);
    setActive(-1);
  };

  const remove = (key: string) => onChange(chips.filter((chip) => chip.key !== key));
  // One function for every render, so a keystroke in the box re-renders no chip.
  const latestRemove = useRef(remove);
  useLayoutEffect(() => {
    latestRemove.current = remove;
  });
  const removeChip = useCallback((key: string) => latestRemove.current(key), []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const text = event.currentTarget.value;
    if (event.key === 'ArrowDown' && options.length) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % options.length);
    } else if (event.key === 'ArrowUp' && options.length) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      if (active >= 0 && options[active]) {
        event.preventDefault();
        pick(active);
      } else if (text.trim()) {
        event.preventDefault();
        commitText();
      }
    } else if (event.key === ',' || event.key === ';' || (event.key === 'Tab' && !event.shiftKey)) {
      if (text.trim() && commitText()) event.preventDefault();
      else if (event.key !== 'Tab') event.preventDefault();
    } else if (event.key === 'Backspace' && text === '' && chips.length) {
      event.preventDefault();
      const last = chips[chips.length - 1] as RecipientChip;
      onChange(chips.slice(0, -1));
      setNotice({ kind: 'removed', label: chipLabel(last) });
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text');
    if (!/[,;\n\t]/.test(pasted)) return;
    event.preventDefault();
    commit(chipsFromText(event.currentTarget.value + pasted, rule.recipient, defaultCountry));
    clearText();
  };

  const invalid = useMemo(() => shown.filter((chip) => chip.error), [shown]);
  const inline = useMemo(() => shown.slice(0, VISIBLE_CHIPS), [shown]);
  const hidden = shown.length - inline.length;
  const describedBy = [fieldDescribedBy(id, { error }), `${id}-status`].filter(Boolean).join(' ');
  // Texts that a key typed in the box does not change are formatted when what they say changes,
  // not on every key.
  const count = chips.length;
  const status = useMemo(() => statusText(t, count, notice), [t, count, notice]);
  const moreText = useMemo(
    () => (hidden > 0 ? t('recipients.more', { count: hidden }) : ''),
    [t, hidden],
  );
  const empty = count === 0;
  // `t` stands for the page's language, which the placeholder follows too.
  const placeholder = useMemo(
    () => (empty ? recipientPlaceholder(rule.recipient) : ''),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, empty, rule.recipient],
  );

  return (
    <div className="space-y-1" data-paint-layer>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <div
        className={`flex flex-wrap items-center gap-1 rounded-md border bg-white px-2 py-1.5 dark:bg-slate-900 ${error ? 'border-red-600' : 'border-slate-300 dark:border-slate-600'}`}
      >
        <ChipList label={label} chips={inline} onRemove={removeChip} />
        {hidden > 0 ? (
          <button
            type="button"
            className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium dark:bg-slate-700"
            aria-expanded={expanded}
            aria-controls={`${id}-all`}
            onClick={() => setExpanded((v) => !v)}
          >
            {moreText}
          </button>
        ) : null}
        {/* A paint layer of its own (relative): a key typed here repaints the box, not the chips;
            and a layout root of its own (contain: strict, in a block, not a flex item), so it
            lays out the input alone, not the box of chips. */}
        <div className="relative min-w-[12rem] flex-1">
          <input
            id={id}
            ref={setInput}
            role="combobox"
            aria-expanded={options.length > 0}
            aria-controls={listboxId}
            aria-autocomplete="list"
            aria-activedescendant={active >= 0 ? `${listboxId}-${active}` : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            autoComplete="off"
            className="block h-6 w-full bg-transparent py-0.5 text-sm outline-none [contain:strict]"
            placeholder={placeholder}
            defaultValue=""
            onChange={(event) => {
              typed(event.target.value);
              if (!open) setOpen(true);
              if (active !== -1) setActive(-1);
            }}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            onBlur={() => setOpen(false)}
          />
        </div>
      </div>
      <div
        id={listboxId}
        role="listbox"
        aria-label={options.length ? t('recipients.matching', { term }) : undefined}
        className={
          options.length
            ? 'max-h-60 overflow-auto rounded-md border border-slate-300 bg-white shadow dark:border-slate-600 dark:bg-slate-900'
            : 'hidden'
        }
      >
        {options.map((contact, index) => {
          const handle =
            channel.type === 'postal'
              ? [contact.city, contact.country].filter(Boolean).join(', ')
              : contact[channel.type];
          return (
            <div
              key={contact.id}
              id={`${listboxId}-${index}`}
              tabIndex={-1}
              role="option"
              aria-selected={index === active}
              className={`cursor-pointer px-3 py-1.5 text-sm ${index === active ? 'bg-teal-100 dark:bg-teal-900' : ''}`}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(index);
              }}
            >
              <span className="font-medium">{contact.full_name ?? contact.display_name}</span>{' '}
              <span className="text-slate-600 dark:text-slate-400">
                {handle || t('recipients.noHandle', { channel: channelLabel(channel.type) })}
              </span>
            </div>
          );
        })}
      </div>
      <p id={`${id}-status`} role="status" className="text-xs text-slate-600 dark:text-slate-400">
        {status}
      </p>
      {expanded && hidden > 0 ? (
        <Suspense
          fallback={
            <p
              id={`${id}-all`}
              role="status"
              className="text-xs text-slate-600 dark:text-slate-400"
            >
              {t('recipients.loadingAll')}
            </p>
          }
        >
          <AllChips id={`${id}-all`} label={label} chips={shown} onRemove={removeChip} />
        </Suspense>
      ) : null}
      {invalid.length > 0 ? (
        <div className="rounded-md border border-red-200 bg-red-50 p-2 text-sm dark:border-red-900 dark:bg-red-950">
          <p className="font-medium text-red-800 dark:text-red-300">
            {t('recipients.invalidHeading', { count: invalid.length })}
          </p>
          <ul aria-label={t('recipients.invalidList', { label })} className="mt-1 space-y-0.5">
            {invalid.slice(0, INVALID_LISTED).map((chip) => (
              <li key={chip.key} className="flex items-center justify-between gap-2">
                <span>
                  <span className="font-mono">{chip.input}</span>: {chip.error}
                </span>
                <button
                  type="button"
                  className="text-xs underline"
                  aria-label={t('recipients.removeNamed', { label: chip.input })}
                  onClick={() => remove(chip.key)}
                >
                  {t('recipients.remove')}
                </button>
              </li>
            ))}
          </ul>
          {invalid.length > INVALID_LISTED ? (
            <p className="mt-1 flex items-center gap-2">
              {t('recipients.andMore', { count: invalid.length - INVALID_LISTED })}
              <button
                type="button"
                className="text-xs underline"
                onClick={() => onChange(chips.filter((chip) => !chip.error))}
              >
                {t('recipients.removeAllInvalid', { count: invalid.length })}
              </button>
            </p>
          ) : null}
        </div>
      ) : null}
      {phone === 'failed' && shown.some((chip) => chip.pending) ? (
        <PhoneLoading status={phone} />
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** The line under the box: how many recipients, and what the last change did. */
function statusText(t: TFunction, count: number, notice: Notice): string {
  const noticeText =
    notice?.kind === 'added'
      ? [
          t('recipients.added', { count: notice.added }),
          notice.merged ? t('recipients.merged', { count: notice.merged }) : '',
          notice.invalid ? t('recipients.notValid', { count: notice.invalid }) : '',
        ]
          .filter(Boolean)
          .join(', ')
      : notice?.kind === 'removed'
        ? t('recipients.removed', { label: notice.label })
        : '';
  return `${count ? t('recipients.count', { count }) : ''}${noticeText ? ` · ${noticeText}` : ''}`;
}

const ChipList = memo(function ChipList({
  label,
  chips,
  onRemove,
}: {
  label: string;
  chips: RecipientChip[];
  onRemove: (key: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <ul className="contents" aria-label={t('recipients.list', { label })}>
      {chips.map((chip) => (
        <Chip key={chip.key} chip={chip} onRemove={onRemove} />
      ))}
    </ul>
  );
});

const Chip = memo(function Chip({
  chip,
  onRemove,
}: {
  chip: RecipientChip;
  onRemove: (key: string) => void;
}) {
  const { t } = useTranslation();
  const label = chipLabel(chip);
  return (
    <li
      className={`inline-flex max-w-full items-center gap-1 rounded-full px-2 py-0.5 text-xs ${chip.error ? 'bg-red-100 text-red-900 ring-1 ring-red-500 dark:bg-red-950 dark:text-red-200' : chip.pending ? 'bg-slate-100 text-slate-700 outline-1 outline-slate-400 outline-dashed dark:bg-slate-800 dark:text-slate-200' : 'bg-teal-50 text-teal-900 dark:bg-teal-950 dark:text-teal-100'}`}
      title={
        chip.error
          ? `${chip.input}: ${chip.error}`
          : chip.pending
            ? `${t('recipients.checkingPrefix')}${label}`
            : label
      }
      aria-busy={chip.pending ? true : undefined}
    >
      <span className="truncate">
        {chip.error ? <span className="sr-only">{t('recipients.notValidPrefix')}</span> : null}
        {chip.pending ? <span className="sr-only">{t('recipients.checkingPrefix')}</span> : null}
        {label}
      </span>
      <button
        type="button"
        className="rounded-full px-1 leading-none hover:bg-black/10 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600"
        aria-label={t('recipients.removeNamed', { label })}
        onClick={() => onRemove(chip.key)}
      >
        ×
      </button>
    </li>
  );
});
