import { useMemo } from 'react';
import { Button } from '../../components/button';
import { inputClass, FieldError } from '../../components/field';
import {
  COUNTRY_ZONES,
  instantToZoned,
  schedulePresets,
  zonedToInstant,
} from '../../lib/zoned-time';
import type { ComposeValues } from './form-model';
import type { RecipientChip } from './recipients';

type Schedule = ComposeValues['schedule'];

function zones(): string[] {
  const supported =
    (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ??
    [];
  return supported.includes('UTC') ? supported : ['UTC', ...supported];
}

/** "Send later": a wall time in a zone, written as the contract's date-time with an offset. */
export function SchedulePicker({
  value,
  onChange,
  recipients,
  windowWarning,
  error,
}: {
  value: Schedule;
  onChange: (value: Schedule) => void;
  recipients: RecipientChip[];
  /** Set when the time falls outside WhatsApp's 24-hour window and no template is used. */
  windowWarning?: string;
  error?: string;
}) {
  const zoneList = useMemo(() => zones(), []);
  const when = value.enabled ? zonedToInstant(value.date, value.time, value.zone) : null;
  const localTimes = useMemo(() => {
    if (!when) return [];
    const countries = [
      ...new Set(recipients.map((r) => r.country).filter((c): c is string => Boolean(c))),
    ].slice(0, 5);
    return countries
      .filter((country) => COUNTRY_ZONES[country])
      .map((country) => {
        const zone = COUNTRY_ZONES[country] as string;
        const local = instantToZoned(when.instant, zone);
        return { country, zone, text: `${local.date} ${local.time}` };
      });
  }, [when, recipients]);

  return (
    <fieldset className="space-y-2" aria-describedby={error ? 'schedule-error' : undefined}>
      <legend className="sr-only">Schedule</legend>
      <label className="inline-flex items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          checked={value.enabled}
          onChange={(event) => {
            const enabled = event.target.checked;
            if (enabled && !value.date) {
              const tomorrow = schedulePresets(new Date(), value.zone)[1];
              onChange({
                ...value,
                enabled,
                date: tomorrow?.date ?? '',
                time: tomorrow?.time ?? '09:00',
              });
            } else onChange({ ...value, enabled });
          }}
        />
        Send later
      </label>
      {value.enabled ? (
        <div className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <div className="flex flex-wrap gap-2">
            {schedulePresets(new Date(), value.zone).map((preset) => (
              <Button
                key={preset.label}
                onClick={() => onChange({ ...value, date: preset.date, time: preset.time })}
              >
                {preset.label}
              </Button>
            ))}
          </div>
          <div className="flex flex-wrap gap-2">
            <div>
              <label htmlFor="schedule-date" className="text-xs">
                Date
              </label>
              <input
                id="schedule-date"
                type="date"
                className={inputClass}
                value={value.date}
                aria-invalid={error ? true : undefined}
                onChange={(event) => onChange({ ...value, date: event.target.value })}
              />
            </div>
            <div>
              <label htmlFor="schedule-time" className="text-xs">
                Time
              </label>
              <input
                id="schedule-time"
                type="time"
                className={inputClass}
                value={value.time}
                aria-invalid={error ? true : undefined}
                onChange={(event) => onChange({ ...value, time: event.target.value })}
              />
            </div>
            <div className="min-w-[14rem]">
              <label htmlFor="schedule-zone" className="text-xs">
                Time zone
              </label>
              <select
                id="schedule-zone"
                className={inputClass}
                value={value.zone}
                onChange={(event) => onChange({ ...value, zone: event.target.value })}
              >
                {zoneList.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {when ? (
            <div className="text-sm" data-testid="schedule-summary">
              <p>
                Sends at <span className="font-mono">{when.iso}</span> (
                {when.instant.toISOString().replace('.000Z', 'Z')} UTC)
              </p>
              {when.adjusted === 'gap' ? (
                <p className="text-amber-800 dark:text-amber-300">
                  {value.time} does not exist on that day in {value.zone} (clocks go forward);{' '}
                  {when.wall.time} is used.
                </p>
              ) : null}
              {when.adjusted === 'overlap' ? (
                <p className="text-amber-800 dark:text-amber-300">
                  {value.time} happens twice that night in {value.zone} (clocks go back); the first,{' '}
                  {when.offset}, is used.
                </p>
              ) : null}
              {localTimes.map((local) => (
                <p key={local.country} className="text-slate-600 dark:text-slate-400">
                  For recipients in {local.country}: {local.text} ({local.zone})
                </p>
              ))}
            </div>
          ) : null}
          {windowWarning ? (
            <p
              role="note"
              className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
            >
              {windowWarning}
            </p>
          ) : null}
        </div>
      ) : null}
      <FieldError id="schedule-error" message={error} />
    </fieldset>
  );
}
