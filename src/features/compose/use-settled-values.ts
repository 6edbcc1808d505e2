import { startTransition, useEffect, useState } from 'react';
import type { Control, FieldValues } from 'react-hook-form';
import { quietTimer } from '../../lib/quiet-timer';
import { onValuesChange } from './form-changes';

/** Quiet time after the last change before the values are handed on. */
export const SETTLE_MS = 80;
/** While changes keep coming, the values are handed on at least this often. */
export const MAX_WAIT_MS = 250;

interface SettleClock {
  listeners: Set<() => void>;
  stop: () => void;
}

const clocks = new WeakMap<object, SettleClock>();

/**
 * Calls `listener` once the form's values settle (see SETTLE_MS and MAX_WAIT_MS). One clock per
 * form serves every part that follows it from a distance: they are all called in the same task,
 * so they render together and are drawn in one frame, never one frame each between two keys.
 */
export function onSettled<T extends FieldValues>(
  control: Control<T>,
  listener: () => void,
): () => void {
  let clock = clocks.get(control);
  if (!clock) {
    const listeners = new Set<() => void>();
    const timer = quietTimer(
      () =>
        // A transition: React renders what follows in slices and lets a key typed meanwhile be
        // handled (and drawn) between them, instead of after the whole preview.
        startTransition(() => {
          for (const each of [...listeners]) each();
        }),
      SETTLE_MS,
      MAX_WAIT_MS,
    );
    const unsubscribe = onValuesChange(control, timer.poke);
    clock = {
      listeners,
      stop: () => {
        unsubscribe();
        timer.cancel();
      },
    };
    clocks.set(control, clock);
  }
  const current = clock;
  current.listeners.add(listener);
  return () => {
    current.listeners.delete(listener);
    if (current.listeners.size) return;
    current.stop();
    clocks.delete(control);
  };
}

/**
 * The form's values for parts that follow the form from a distance (the preview, the request
 * inspector): handed on 80 ms after the last change, and at least every 250 ms while the user
 * types. A keystroke itself renders nothing here, so typing never waits for the preview, and
 * the preview is never more than a quarter of a second behind.
 *
 * The values are a copy of the form's top level: each field's value is replaced, never changed
 * in place, so a list of 10,000 recipients stays the same array while the subject changes.
 */
export function useSettledValues<T extends FieldValues>(control: Control<T>): T {
  const [values, setValues] = useState(() => ({ ...control._formValues }) as T);
  useEffect(() => onSettled(control, () => setValues({ ...control._formValues } as T)), [control]);
  return values;
}

/**
 * One field's value on the same clock as the preview (for a counter under the field): a
 * keystroke renders nothing, and the count is drawn in the frame that draws the preview.
 */
export function useSettledField<T extends FieldValues, K extends keyof T & string>(
  control: Control<T>,
  name: K,
): T[K] {
  const [value, setValue] = useState(() => (control._formValues as T)[name]);
  useEffect(() => {
    const update = () => setValue((control._formValues as T)[name]);
    // A change between the first render and this subscription is not missed.
    update();
    return onSettled(control, update);
  }, [control, name]);
  return value;
}
