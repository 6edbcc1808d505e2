import type { Ref } from 'react';
import { useTranslation, type TFunction } from '../../i18n';
import type { Channel } from '../../../schemas/rows';
import { Field, fieldDescribedBy, inputClass } from '../../components/field';
import { channelLabel, ruleFor, unavailableReason } from './channel-rules';

/**
 * The option's text: type, name, handle, and why it cannot be picked. No pictographs: a select
 * measures the text of every option when it is first laid out, and an emoji in each sent the
 * browser through its fonts for the glyphs (a select of these seven options took 10 to 30 ms to
 * lay out in a new page, 3 to 5 without them); screen readers also read each out before the name.
 */
function optionLabel(channel: Channel, t: TFunction): string {
  const rule = ruleFor(channel.type);
  const reason = unavailableReason(channel);
  const parts = [
    channelLabel(channel.type),
    channel.name ?? t('compose.channel.unnamed'),
    channel.handle ?? '',
  ];
  if (rule.retired) parts.push(t('compose.channel.retiredByGoogle'));
  if (reason) parts.push(t('compose.channel.unavailable', { reason }));
  return parts.filter(Boolean).join(' · ');
}

/** The channel to send from; unavailable channels are listed, disabled, with the reason. */
export function ChannelPicker({
  id,
  channels,
  loading,
  loadError,
  value,
  onChange,
  onIntent,
  error,
  selectRef,
}: {
  id: string;
  channels: Channel[] | undefined;
  loading: boolean;
  loadError?: string;
  value: string;
  onChange: (id: string) => void;
  /** The picker got the focus or a press: a channel is about to be picked. */
  onIntent?: () => void;
  error?: string;
  selectRef?: Ref<HTMLSelectElement>;
}) {
  const { t } = useTranslation();
  const message = error ?? loadError;
  const sorted = (channels ?? [])
    .slice()
    .sort((a, b) => Number(unavailableReason(a) !== null) - Number(unavailableReason(b) !== null));
  return (
    <Field id={id} label={t('compose.channel.label')} error={message}>
      <select
        id={id}
        ref={selectRef}
        className={inputClass}
        value={value}
        aria-invalid={message ? true : undefined}
        aria-describedby={fieldDescribedBy(id, { error: message })}
        onChange={(event) => onChange(event.target.value)}
        onFocus={onIntent}
        onPointerDown={onIntent}
      >
        <option value="" disabled>
          {loading ? t('compose.channel.loading') : t('compose.channel.pick')}
        </option>
        {sorted.map((channel) => (
          <option
            key={channel.id}
            value={channel.id}
            disabled={unavailableReason(channel) !== null}
          >
            {optionLabel(channel, t)}
          </option>
        ))}
      </select>
    </Field>
  );
}
