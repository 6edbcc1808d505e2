import { useTranslation, channelTypeText } from '../../i18n';
import type { Channel } from '../../../schemas/rows';
import { inputClass, FieldError } from '../../components/field';
import type { ComposeValues } from './form-model';

type Advanced = ComposeValues['advanced'];

/** For integrators: raw `content`, review and marketing channels. Collapsed by default. */
export function AdvancedOptions({
  value,
  onChange,
  channels,
  error,
}: {
  value: Advanced;
  onChange: (value: Advanced) => void;
  channels: Channel[];
  error?: string;
}) {
  const { t } = useTranslation();
  const hasValues = Boolean(value.content || value.reviewChannelId || value.marketingChannelId);
  return (
    <details
      className="rounded-md border border-slate-200 p-2 dark:border-slate-700"
      open={hasValues || Boolean(error)}
    >
      <summary className="cursor-pointer text-sm font-medium">
        {t('builders.advanced.summary')}
      </summary>
      <div className="mt-2 space-y-2">
        <div>
          <label htmlFor="advanced-content" className="text-xs">
            {t('builders.advanced.content')}
          </label>
          <textarea
            id="advanced-content"
            rows={4}
            className={`${inputClass} font-mono`}
            placeholder={t('builders.advanced.contentPlaceholder')}
            value={value.content}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'advanced-error' : undefined}
            onChange={(event) => onChange({ ...value, content: event.target.value })}
          />
          <FieldError id="advanced-error" message={error} />
        </div>
        {(['reviewChannelId', 'marketingChannelId'] as const).map((key) => (
          <div key={key}>
            <label htmlFor={`advanced-${key}`} className="text-xs">
              {key === 'reviewChannelId'
                ? t('builders.advanced.reviewChannel')
                : t('builders.advanced.marketingChannel')}
            </label>
            <select
              id={`advanced-${key}`}
              className={inputClass}
              value={value[key]}
              onChange={(event) => onChange({ ...value, [key]: event.target.value })}
            >
              <option value="">{t('builders.advanced.none')}</option>
              {channels.map((channel) => (
                <option key={channel.id} value={channel.id}>
                  {t('builders.advanced.channelOption', {
                    name: channel.name ?? channel.id,
                    type: channelTypeText(channel.type),
                  })}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    </details>
  );
}
