import { useEffect, useRef } from 'react';
import { useTranslation } from '../../i18n';
import type { ChannelRule } from '../../../schemas/channel-rules';
import { Button } from '../../components/button';
import { lineInputClass, FieldError } from '../../components/field';
import type { CountryCode } from '../../lib/phone-countries';
import {
  actionErrors,
  actionKindLabel,
  canAdd,
  kindsFor,
  needsPhone,
  type ActionDraft,
  type ActionKind,
} from './actions';
import { ruleLabel } from './channel-rules';
import { PhoneLoading } from './phone-loading';
import { usePhone } from './use-phone';

/**
 * Buttons for WhatsApp, Messenger and Instagram; the limits come from the channel rules. Where
 * a button can be a phone number, the builder shows once the phone module is there.
 */
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
  const { t } = useTranslation();
  // A button just added, or the one that took a removed button's place, gets the focus, so a
  // keyboard user types on where the change happened. The form may render this part before the
  // new list reaches it, or while the field cannot take the focus yet, so the wish is kept until
  // the field has the focus, for at most a second.
  const focusWish = useRef<{ key: string; since?: number } | null>(null);
  const wishFocus = (key: string) => {
    focusWish.current = { key };
  };
  useEffect(() => {
    const wish = focusWish.current;
    if (!wish) return;
    wish.since ??= performance.now();
    if (performance.now() - wish.since > 1_000) {
      focusWish.current = null;
      return;
    }
    const field = document.getElementById(`action-${wish.key}-text`);
    field?.focus();
    if (field && document.activeElement === field) focusWish.current = null;
  });
  const kinds = kindsFor(rule);
  const phoneNeeded = kinds.includes('phone') || needsPhone(value);
  const phone = usePhone(phoneNeeded);
  if (!kinds.length) return null;
  const limits = (
    <p id="actions-limits" className="text-xs text-slate-600 dark:text-slate-400">
      {t('builders.actions.limits', {
        channel: ruleLabel(rule),
        max: rule.actions?.maxQuickReplies,
        titleMax: rule.actions?.quickReplyTitleMax,
      })}
      {rule.actions?.callToAction ? t('builders.actions.limitsCallToAction') : ''}
      {rule.actions?.list
        ? t('builders.actions.limitsList', {
            rows: rule.actions.list.maxRows,
            rowTitleMax: rule.actions.list.rowTitleMax,
          })
        : ''}
      {t('builders.actions.limitsEnd')}
    </p>
  );
  if (phoneNeeded && phone !== 'ready') {
    return (
      <fieldset className="space-y-2" aria-busy="true" aria-describedby="actions-limits">
        <legend className="text-sm font-medium">{t('builders.actions.legend')}</legend>
        {limits}
        <div className="flex min-h-[2.25rem] items-center">
          <PhoneLoading status={phone} />
        </div>
      </fieldset>
    );
  }
  const problems = actionErrors(value, rule, country);
  const update = (index: number, patch: Partial<ActionDraft>) =>
    onChange(value.map((draft, i) => (i === index ? { ...draft, ...patch } : draft)));
  const move = (index: number, by: -1 | 1) => {
    const next = value.slice();
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + by, 0, item);
    onChange(next);
  };
  const add = (kind: ActionKind) => {
    const key = crypto.randomUUID();
    wishFocus(key);
    onChange([...value, { key, kind, text: '', data: '' }]);
  };
  const remove = (index: number) => {
    const rest = value.filter((_, i) => i !== index);
    const next = rest[Math.min(index, rest.length - 1)];
    if (next) wishFocus(next.key);
    onChange(rest);
  };

  return (
    <fieldset className="space-y-2" aria-describedby={error ? 'actions-error' : 'actions-limits'}>
      <legend className="text-sm font-medium">{t('builders.actions.legend')}</legend>
      {limits}
      {value.length ? (
        <ol aria-label={t('builders.actions.legend')} className="space-y-2">
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
                    {n}. {actionKindLabel(draft.kind)}
                  </span>
                  <div className="min-w-[10rem] flex-1">
                    <label htmlFor={`action-${draft.key}-text`} className="text-xs">
                      {t('builders.actions.title', { n })}
                    </label>
                    <input
                      id={`action-${draft.key}-text`}
                      className={lineInputClass}
                      value={draft.text}
                      aria-invalid={problem ? true : undefined}
                      aria-describedby={problem ? `action-${draft.key}-problem` : undefined}
                      onChange={(event) => update(index, { text: event.target.value })}
                    />
                  </div>
                  {draft.kind !== 'quick_reply' ? (
                    <div className="min-w-[12rem] flex-1">
                      <label htmlFor={`action-${draft.key}-data`} className="text-xs">
                        {t(`builders.actions.data.${draft.kind}`, { n })}
                      </label>
                      <input
                        id={`action-${draft.key}-data`}
                        className={lineInputClass}
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
                      aria-label={t('builders.actions.moveUp', { n })}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      ↑
                    </Button>
                    <Button
                      variant="ghost"
                      aria-label={t('builders.actions.moveDown', { n })}
                      disabled={index === value.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      ↓
                    </Button>
                    <Button
                      variant="ghost"
                      aria-label={t('builders.actions.remove', { n })}
                      onClick={() => remove(index)}
                    >
                      {t('builders.actions.removeText')}
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
                {t(`builders.actions.add.${kind}`)}
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
