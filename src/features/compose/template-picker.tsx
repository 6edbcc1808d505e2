import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../i18n';
import type { ChannelType } from '../../../schemas/rows';
import { Button } from '../../components/button';
import { inputClass, lineInputClass, FieldError } from '../../components/field';
import { placeholderSlots, templateParts } from '../../lib/placeholders';
import { templatesQueryOptions } from './api/queries';
import type { ComposeValues } from './form-model';

type TemplateValue = ComposeValues['template'];

/**
 * Pick a template and fill its placeholders. Where the upstream lists no templates (live
 * Mateo documents no list), the id is typed and the values are added by hand, in order.
 */
export function TemplatePicker({
  channelType,
  value,
  onChange,
  error,
}: {
  channelType: ChannelType;
  value: TemplateValue;
  onChange: (value: TemplateValue) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const templates = useQuery(templatesQueryOptions(channelType));
  const noList = templates.isError;

  const pick = (id: string) => {
    const template = templates.data?.find((candidate) => candidate.id === id);
    if (!template) return onChange(null);
    onChange({
      id: template.id,
      manual: false,
      body: template.body,
      slots: placeholderSlots(template.body).map((name) => ({ name, value: '' })),
    });
  };

  const setSlot = (index: number, slotValue: string) =>
    value &&
    onChange({
      ...value,
      slots: value.slots.map((slot, i) => (i === index ? { ...slot, value: slotValue } : slot)),
    });

  return (
    <fieldset className="space-y-2" aria-describedby={error ? 'template-error' : undefined}>
      <legend className="text-sm font-medium">{t('builders.template.legend')}</legend>
      {noList || value?.manual ? (
        <div className="space-y-1">
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {noList ? t('builders.template.noList') : null}
          </p>
          <label htmlFor="template-id" className="text-xs">
            {t('builders.template.id')}
          </label>
          <input
            id="template-id"
            className={`${lineInputClass} font-mono`}
            value={value?.id ?? ''}
            onChange={(event) =>
              onChange(
                event.target.value
                  ? { id: event.target.value, manual: true, body: '', slots: value?.slots ?? [] }
                  : null,
              )
            }
          />
        </div>
      ) : (
        <>
          <label htmlFor="template-select" className="sr-only">
            {t('builders.template.legend')}
          </label>
          <select
            id="template-select"
            className={inputClass}
            value={value?.id ?? ''}
            aria-invalid={error ? true : undefined}
            onChange={(event) => pick(event.target.value)}
          >
            <option value="">
              {templates.isPending ? t('builders.template.loading') : t('builders.template.none')}
            </option>
            {templates.data?.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name}
                {template.language ? ` (${template.language})` : ''}
              </option>
            ))}
          </select>
        </>
      )}

      {value && !value.manual ? (
        <p
          className="rounded-md bg-slate-100 p-2 text-sm whitespace-pre-wrap dark:bg-slate-800"
          aria-label={t('builders.template.text')}
        >
          {templateParts(value.body).map((part, i) =>
            'text' in part ? (
              <span key={i}>{part.text}</span>
            ) : (
              <mark
                key={i}
                className="rounded bg-amber-100 px-1 dark:bg-amber-900 dark:text-amber-100"
              >
                {value.slots.find((s) => s.name === part.slot)?.value || `{{${part.slot}}}`}
              </mark>
            ),
          )}
        </p>
      ) : null}

      {value?.slots.map((slot, index) => (
        <div key={slot.name} className="flex items-center gap-2">
          <label htmlFor={`placeholder-${slot.name}`} className="w-40 shrink-0 text-sm">
            {t('builders.template.placeholder', { slot: `{{${slot.name}}}` })}
          </label>
          <input
            id={`placeholder-${slot.name}`}
            className={inputClass}
            value={slot.value}
            aria-invalid={error && !slot.value.trim() ? true : undefined}
            onChange={(event) => setSlot(index, event.target.value)}
          />
        </div>
      ))}
      {value?.manual ? (
        <Button
          onClick={() =>
            onChange({
              ...value,
              slots: [...value.slots, { name: String(value.slots.length + 1), value: '' }],
            })
          }
        >
          {t('builders.template.addValue')}
        </Button>
      ) : null}
      <FieldError id="template-error" message={error} />
    </fieldset>
  );
}
