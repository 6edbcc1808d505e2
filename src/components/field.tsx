import type { ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: ReactNode;
  error?: string;
  description?: ReactNode;
  children: ReactNode;
  /** Shown right of the label (counters, toggles). */
  aside?: ReactNode;
}

/** A labelled form row; the control inside uses `fieldDescribedBy(id, ...)` for its messages. */
export function Field({ id, label, error, description, children, aside }: FieldProps) {
  return (
    <div className="space-y-1" data-paint-layer>
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        {aside}
      </div>
      {children}
      {description ? (
        <div id={`${id}-description`} className="text-xs text-slate-600 dark:text-slate-400">
          {description}
        </div>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** An error under a control, announced when it appears; `id` is what the control's `aria-describedby` names. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="text-sm text-red-700 dark:text-red-400">
      {message}
    </p>
  );
}

/** The `aria-describedby` value tying a control to its Field's description and error. */
export function fieldDescribedBy(
  id: string,
  { error, description }: { error?: string; description?: boolean },
) {
  return (
    [description ? `${id}-description` : '', error ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined
  );
}

export const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-600/30 aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-900';

/**
 * A one-line text input that is a layout root of its own: its height is fixed (the padding,
 * one line of `text-sm` and the border, as `inputClass` has it) and its size contained, so a
 * character typed lays out the input, not the page around it.
 */
export const lineInputClass = `${inputClass} h-[calc(2.25rem+2px)] [contain:strict]`;
