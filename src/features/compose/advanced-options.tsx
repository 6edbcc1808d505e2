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
  const hasValues = Boolean(value.content || value.reviewChannelId || value.marketingChannelId);
  return (
    <details
      className="rounded-md border border-slate-200 p-2 dark:border-slate-700"
      open={hasValues || Boolean(error)}
    >
      <summary className="cursor-pointer text-sm font-medium">Advanced</summary>
      <div className="mt-2 space-y-2">
        <div>
          <label htmlFor="advanced-content" className="text-xs">
            Content (JSON)
          </label>
          <textarea
            id="advanced-content"
            rows={4}
            className={`${inputClass} font-mono`}
            placeholder='{ "type": "text", … } — only when you know Mateo’s content format'
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
              {key === 'reviewChannelId' ? 'Review channel' : 'Marketing channel'}
            </label>
            <select
              id={`advanced-${key}`}
              className={inputClass}
              value={value[key]}
              onChange={(event) => onChange({ ...value, [key]: event.target.value })}
            >
              <option value="">None</option>
              {channels.map((channel) => (
                <option key={channel.id} value={channel.id}>
                  {channel.name ?? channel.id} ({channel.type})
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    </details>
  );
}
