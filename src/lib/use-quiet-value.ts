import { useEffect, useRef, useState } from 'react';

/**
 * `value`, handed on once it has stayed the same for `quietMs`, and at least every `maxWaitMs`
 * while it keeps changing. The first value is there at once.
 */
export function useQuietValue<T>(value: T, quietMs: number, maxWaitMs: number): T {
  const [shown, setShown] = useState(value);
  const firstChange = useRef<number | null>(null);
  useEffect(() => {
    if (Object.is(value, shown)) {
      firstChange.current = null;
      return;
    }
    const now = performance.now();
    firstChange.current ??= now;
    const wait = Math.max(0, Math.min(quietMs, firstChange.current + maxWaitMs - now));
    const timer = setTimeout(() => {
      firstChange.current = null;
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, quietMs, maxWaitMs]);
  return shown;
}
