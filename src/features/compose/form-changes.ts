import { useCallback, useSyncExternalStore } from 'react';
import type { Control, FieldValues, Path } from 'react-hook-form';

/**
 * Calls `listener` after any of the form's values changed: typed, set, or the whole form reset.
 *
 * Parts that follow the whole form (the preview, the draft saver) listen to the form's own
 * change signal instead of asking react-hook-form for the values: while anyone asks for values,
 * it deep-copies the entire form on every change of any field, which with 10,000 recipients
 * costs milliseconds per keystroke. Each field's value is replaced, never changed in place, when
 * it changes, so comparing the form's top level finds every change (and ignores signals that
 * only carry errors or touched state).
 */
export function onValuesChange<T extends FieldValues>(
  control: Control<T>,
  listener: () => void,
): () => void {
  let last: Record<string, unknown> = { ...control._formValues };
  const { unsubscribe } = control._subjects.state.subscribe({
    next: () => {
      const now = control._formValues as Record<string, unknown>;
      const keys = Object.keys(now);
      const changed =
        keys.length !== Object.keys(last).length || keys.some((key) => now[key] !== last[key]);
      if (!changed) return;
      last = { ...now };
      listener();
    },
  });
  return unsubscribe;
}

/** One field's value for rendering, following the form without the copies `useWatch` causes. */
export function useFormValue<T extends FieldValues, V>(
  control: Control<T>,
  select: (values: T) => V,
): V {
  const subscribe = useCallback(
    (changed: () => void) => onValuesChange(control, changed),
    [control],
  );
  return useSyncExternalStore(subscribe, () => select(control._formValues as T));
}

/**
 * Lets the form focus a field that is not an input (the rich editor) after a failed check, as
 * a Controller would, without the watch that comes with a Controller (see onValuesChange).
 */
export function registerFocus<T extends FieldValues>(
  control: Control<T>,
  name: Path<T>,
  focus: () => void,
): void {
  control.register(name);
  const field = (control._fields as Record<string, { _f?: { ref: unknown } } | undefined>)[name];
  if (field?._f) field._f.ref = { focus };
}
