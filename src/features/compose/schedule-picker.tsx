import { useMemo } from 'react';
import { useTranslation, formatDateTime } from '../../i18n';
import { TaggedText } from '../../components/tagged-text';
import { Button } from '../../components/button';
import { inputClass, FieldError } from '../../components/field';
import { COUNTRY_ZONES, schedulePresets, zonedToInstant } from '../../lib/zoned-time';
import type { ComposeValues } from './form-model';

type Schedule = ComposeValues['schedule'];

/** Date and time of a moment as a wall clock somewhere shows it ("25.11.2026, 09:00"). */
const WALL_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

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
  countries,
  windowWarning,
  error,
}: {
  value: Schedule;
  onChange: (value: Schedule) => void;
  /** The recipients' countries (see firstCountries), for the time it will be where they are. */
  countries: readonly string[];
  /** Set when the time falls outside WhatsApp's 24-hour window and no template is used. */
  windowWarning?: string;
  error?: string;
}) {
  const { t } = useTranslation();
  const zoneList = useMemo(() => zones(), []);
  const when = value.enabled ? zonedToInstant(value.date, value.time, value.zone) : null;
  const localTimes = useMemo(() => {
    if (!when) return [];
    return countries
      .filter((country) => COUNTRY_ZONES[country])
      .map((country) => {
        const zone = COUNTRY_ZONES[country] as string;
        return {
          country,
          text: t('builders.schedule.forRecipientsIn', {
            country,
            time: formatDateTime(when.instant, { ...WALL_TIME, timeZone: zone }),
            zone,
          }),
        };
      });
  }, [when, countries, t]);

  return (
    <fieldset className="space-y-2" aria-describedby={error ? 'schedule-error' : undefined}>
      <legend className="sr-only">{t('builders.schedule.legend')}</legend>
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
        {t('builders.schedule.sendLater')}
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
                {t('builders.schedule.date')}
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
                {t('builders.schedule.time')}
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
                {t('builders.schedule.zone')}
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
                <TaggedText
                  text={t('builders.schedule.sendsAt', {
                    iso: when.iso,
                    utc: formatDateTime(when.instant, { ...WALL_TIME, timeZone: 'UTC' }),
                  })}
                  tags={{ code: (iso) => <span className="font-mono">{iso}</span> }}
                />
              </p>
              {when.adjusted === 'gap' ? (
                <p className="text-amber-800 dark:text-amber-300">
                  {t('builders.schedule.gap', {
                    time: value.time,
                    zone: value.zone,
                    used: when.wall.time,
                  })}
                </p>
              ) : null}
              {when.adjusted === 'overlap' ? (
                <p className="text-amber-800 dark:text-amber-300">
                  {t('builders.schedule.overlap', {
                    time: value.time,
                    zone: value.zone,
                    offset: when.offset,
                  })}
                </p>
              ) : null}
              {localTimes.map((local) => (
                <p key={local.country} className="text-slate-600 dark:text-slate-400">
                  {local.text}
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
