import { useEffect, useState } from 'react';
import type { Control, FieldValues } from 'react-hook-form';
import { onValuesChange } from './form-changes';

/** Quiet time after the last change before the values are handed on. */
export const SETTLE_MS = 80;
/** While changes keep coming, the values are handed on at least this often. */
export const MAX_WAIT_MS = 250;

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
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let firstChange: number | undefined;
    const hand = () => {
      timer = undefined;
      firstChange = undefined;
      setValues({ ...control._formValues } as T);
    };
    const unsubscribe = onValuesChange(control, () => {
      const now = performance.now();
      firstChange ??= now;
      clearTimeout(timer);
      timer = setTimeout(hand, Math.max(0, Math.min(SETTLE_MS, firstChange + MAX_WAIT_MS - now)));
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [control]);
  return values;
}
