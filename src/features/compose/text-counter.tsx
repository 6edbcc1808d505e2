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
  const rule = ruleFor(type);
  if (type === 'sms') {
    const sms = analyzeSms(text);
    return (
      <div id={id} className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
        <span data-testid="sms-encoding">{sms.encoding}</span> · {sms.characters} characters ·{' '}
        <span data-testid="sms-segments">
          {sms.segments} segment{sms.segments === 1 ? '' : 's'}
        </span>{' '}
        ({sms.perSegment} per segment, {sms.remaining} left)
        {sms.nonGsm.length ? (
          <span className="block text-amber-800 dark:text-amber-300">
            Unicode (UCS-2) because of: {sms.nonGsm.map((c) => `“${c}”`).join(' ')} — each segment
            holds 70 characters instead of 160.
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
      {length.toLocaleString()} / {max.toLocaleString()} characters
      {hasActions && rule.maxTextWithActions !== null ? ' (with buttons)' : ''}
    </div>
  );
}
