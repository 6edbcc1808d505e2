import { useTranslation } from '../../i18n';
import type { ChannelType } from '../../../schemas/rows';
import { analyzeSms } from '../../lib/sms-segments';
import { ruleFor } from './channel-rules';

/** The live counter under a text body, from the channel rules. */
export function TextCounter({
  id,
  text,
  type,
  hasActions = false,
}: {
  id: string;
  text: string;
  type: ChannelType;
  hasActions?: boolean;
}) {
  const { t } = useTranslation();
  const rule = ruleFor(type);
  if (type === 'sms') {
    const sms = analyzeSms(text);
    return (
      <div id={id} className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
        <span data-testid="sms-encoding">{sms.encoding}</span> ·{' '}
        {t('preview.counter.characters', { count: sms.characters })} ·{' '}
        <span data-testid="sms-segments">
          {t('preview.counter.segments', { count: sms.segments })}
        </span>{' '}
        {t('preview.counter.perSegment', {
          perSegment: sms.perSegment,
          remaining: sms.remaining,
        })}
        {sms.nonGsm.length ? (
          <span className="block text-amber-800 dark:text-amber-300">
            {t('preview.counter.unicode', {
              characters: sms.nonGsm.map((c) => t('preview.counter.quoted', { c })).join(' '),
            })}
          </span>
        ) : null}
      </div>
    );
  }
  const max =
    hasActions && rule.maxTextWithActions !== null ? rule.maxTextWithActions : rule.maxText;
  if (max === null) return null;
  const length = [...text].length;
  return (
    <div
      id={id}
      className={`text-xs ${length > max ? 'font-medium text-red-700 dark:text-red-400' : 'text-slate-600 dark:text-slate-400'}`}
    >
      {hasActions && rule.maxTextWithActions !== null
        ? t('preview.counter.lengthWithButtons', { length, max })
        : t('preview.counter.length', { length, max })}
    </div>
  );
}
