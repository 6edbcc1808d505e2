import type { ChannelRule } from '../../../schemas/channel-rules';
import { Button } from '../../components/button';
import { inputClass, FieldError } from '../../components/field';
import type { CountryCode } from '../../lib/phone';
import {
  ACTION_KIND_LABEL,
  actionErrors,
  canAdd,
  kindsFor,
  type ActionDraft,
  type ActionKind,
} from './actions';

const DATA_LABEL: Partial<Record<ActionKind, string>> = {
  url: 'Link (https://…)',
  phone: 'Phone number',
  list: 'Description (optional)',
};

/** Buttons for WhatsApp, Messenger and Instagram; the limits come from the channel rules. */
export function ActionsBuilder({
  rule,
  value,
  onChange,
  country,
  error,
}: {
  rule: ChannelRule;
  value: ActionDraft[];
  onChange: (drafts: ActionDraft[]) => void;
  country: CountryCode | undefined;
  error?: string;
}) {
  const kinds = kindsFor(rule);
  if (!kinds.length) return null;
  const problems = actionErrors(value, rule, country);
  const update = (index: number, patch: Partial<ActionDraft>) =>
    onChange(value.map((draft, i) => (i === index ? { ...draft, ...patch } : draft)));
  const move = (index: number, by: -1 | 1) => {
    const next = value.slice();
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + by, 0, item);
    onChange(next);
  };
  const add = (kind: ActionKind) =>
    onChange([...value, { key: crypto.randomUUID(), kind, text: '', data: '' }]);

  return (
    <fieldset className="space-y-2" aria-describedby={error ? 'actions-error' : 'actions-limits'}>
      <legend className="text-sm font-medium">Buttons</legend>
      <p id="actions-limits" className="text-xs text-slate-600 dark:text-slate-400">
        {rule.label}: up to {rule.actions?.maxQuickReplies} quick replies (titles up to{' '}
        {rule.actions?.quickReplyTitleMax} characters)
        {rule.actions?.callToAction ? ', or one link or call button' : ''}
        {rule.actions?.list
          ? `, or a list of up to ${rule.actions.list.maxRows} rows (titles up to ${rule.actions.list.rowTitleMax})`
          : ''}
        ; kinds cannot be mixed.
      </p>
      {value.length ? (
        <ol aria-label="Buttons" className="space-y-2">
          {value.map((draft, index) => {
            const n = index + 1;
            const problem = problems[index];
            return (
              <li
                key={draft.key}
                className="rounded-md border border-slate-200 p-2 dark:border-slate-700"
              >
                <div className="flex flex-wrap items-end gap-2">
                  <span className="w-24 text-xs font-medium">
                    {n}. {ACTION_KIND_LABEL[draft.kind]}
                  </span>
                  <div className="min-w-[10rem] flex-1">
                    <label htmlFor={`action-${draft.key}-text`} className="text-xs">
                      Button {n} title
                    </label>
                    <input
                      id={`action-${draft.key}-text`}
                      className={inputClass}
                      value={draft.text}
                      aria-invalid={problem ? true : undefined}
                      aria-describedby={problem ? `action-${draft.key}-problem` : undefined}
                      onChange={(event) => update(index, { text: event.target.value })}
                    />
                  </div>
                  {DATA_LABEL[draft.kind] ? (
                    <div className="min-w-[12rem] flex-1">
                      <label htmlFor={`action-${draft.key}-data`} className="text-xs">
                        Button {n} {DATA_LABEL[draft.kind]?.toLowerCase()}
                      </label>
                      <input
                        id={`action-${draft.key}-data`}
                        className={inputClass}
                        inputMode={
                          draft.kind === 'phone' ? 'tel' : draft.kind === 'url' ? 'url' : undefined
                        }
                        value={draft.data}
                        onChange={(event) => update(index, { data: event.target.value })}
                      />
                    </div>
                  ) : null}
                  <div className="flex gap-1">
                    <Button
                      variant="ghost"
                      aria-label={`Move button ${n} up`}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      ↑
                    </Button>
                    <Button
                      variant="ghost"
                      aria-label={`Move button ${n} down`}
                      disabled={index === value.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      ↓
                    </Button>
                    <Button
                      variant="ghost"
                      aria-label={`Remove button ${n}`}
                      onClick={() => onChange(value.filter((_, i) => i !== index))}
                    >
                      Remove
                    </Button>
                  </div>
                </div>
                {problem ? (
                  <p
                    id={`action-${draft.key}-problem`}
                    className="mt-1 text-xs text-red-700 dark:text-red-400"
                  >
                    {problem}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {kinds.map((kind) => {
          const check = canAdd(value, kind, rule);
          return (
            <span key={kind} className="inline-flex flex-col">
              <Button
                disabled={!check.ok}
                aria-describedby={check.ok ? undefined : `add-${kind}-reason`}
                onClick={() => add(kind)}
              >
                Add {ACTION_KIND_LABEL[kind].toLowerCase()}
              </Button>
              {!check.ok && value.length ? (
                <span
                  id={`add-${kind}-reason`}
                  className="max-w-[14rem] text-xs text-slate-600 dark:text-slate-400"
                >
                  {check.reason}
                </span>
              ) : null}
            </span>
          );
        })}
      </div>
      <FieldError id="actions-error" message={error} />
    </fieldset>
  );
}
