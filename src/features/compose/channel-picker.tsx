import type { Ref } from 'react';
import type { Channel, ChannelType } from '../../../schemas/rows';
import { Field, fieldDescribedBy, inputClass } from '../../components/field';
import { ruleFor, unavailableReason } from './channel-rules';

const ICONS: Record<ChannelType, string> = {
  email: '✉️',
  sms: '💬',
  whatsapp: '🟢',
  facebook: '📘',
  instagram: '📸',
  google_business_messaging: '🅖',
  postal: '📮',
};

function optionLabel(channel: Channel): string {
  const rule = ruleFor(channel.type);
  const reason = unavailableReason(channel);
  const parts = [
    `${ICONS[channel.type]} ${rule.label}`,
    channel.name ?? 'Unnamed channel',
    channel.handle ?? '',
  ];
  if (rule.retired) parts.push('retired by Google');
  if (reason) parts.push(`unavailable: ${reason}`);
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
  error,
  selectRef,
}: {
  id: string;
  channels: Channel[] | undefined;
  loading: boolean;
  loadError?: string;
  value: string;
  onChange: (id: string) => void;
  error?: string;
  selectRef?: Ref<HTMLSelectElement>;
}) {
  const message = error ?? loadError;
  const sorted = (channels ?? [])
    .slice()
    .sort((a, b) => Number(unavailableReason(a) !== null) - Number(unavailableReason(b) !== null));
  return (
    <Field id={id} label="From" error={message}>
      <select
        id={id}
        ref={selectRef}
        className={inputClass}
        value={value}
        aria-invalid={message ? true : undefined}
        aria-describedby={fieldDescribedBy(id, { error: message })}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="" disabled>
          {loading ? 'Loading channels…' : 'Pick a channel'}
        </option>
        {sorted.map((channel) => (
          <option
            key={channel.id}
            value={channel.id}
            disabled={unavailableReason(channel) !== null}
          >
            {optionLabel(channel)}
          </option>
        ))}
      </select>
    </Field>
  );
}
