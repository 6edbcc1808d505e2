import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from '../../i18n';
import { chipLabel, type RecipientChip } from './recipients';

/** Every recipient of a field in a virtualised list, so 10,000 stay smooth. */
export function AllChips({
  id,
  label,
  chips,
  onRemove,
}: {
  id: string;
  label: string;
  chips: RecipientChip[];
  onRemove: (key: string) => void;
}) {
  const { t } = useTranslation();
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: chips.length,
    getScrollElement: () => parent.current,
    estimateSize: () => 28,
    overscan: 10,
  });
  return (
    <div
      id={id}
      ref={parent}
      role="region"
      aria-label={t('recipients.all', { count: chips.length, label })}
      className="h-60 overflow-auto rounded-md border border-slate-300 dark:border-slate-600"
    >
      <ul className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const chip = chips[item.index] as RecipientChip;
          return (
            <li
              key={chip.key}
              className="absolute left-0 flex w-full items-center justify-between gap-2 px-3 text-sm"
              style={{ top: item.start, height: item.size }}
            >
              <span className={`truncate ${chip.error ? 'text-red-700 dark:text-red-400' : ''}`}>
                {chipLabel(chip)}
                {chip.error ? ` — ${chip.error}` : ''}
                {chip.pending ? ` — ${t('recipients.checking')}` : ''}
              </span>
              <button
                type="button"
                className="text-xs underline"
                aria-label={t('recipients.removeNamed', { label: chipLabel(chip) })}
                onClick={() => onRemove(chip.key)}
              >
                {t('recipients.remove')}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
