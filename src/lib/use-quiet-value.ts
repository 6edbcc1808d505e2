import { useEffect, useRef, useState } from 'react';
import { quietTimer, type QuietTimer } from './quiet-timer';

/**
 * `value`, handed on once it has stayed the same for `quietMs`, and at least every `maxWaitMs`
 * while it keeps changing (see quietTimer). The first value is there at once.
 */
export function useQuietValue<T>(value: T, quietMs: number, maxWaitMs: number): T {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  const timer = useRef<QuietTimer | null>(null);
  useEffect(() => {
    const clock = quietTimer(() => setShown(latest.current), quietMs, maxWaitMs);
    timer.current = clock;
    return () => {
      clock.cancel();
      timer.current = null;
    };
  }, [quietMs, maxWaitMs]);
  useEffect(() => {
    latest.current = value;
    if (Object.is(value, shown)) timer.current?.cancel();
    else timer.current?.poke();
    // A new timer (other times) is told of a value still waiting.
  }, [value, shown, quietMs, maxWaitMs]);
  return shown;
}
