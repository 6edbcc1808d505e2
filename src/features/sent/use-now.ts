import { useEffect, useState } from 'react';

/**
 * The current time, renewed every `intervalMs` while `enabled`, and right away whenever
 * `resetKey` changes (new data to show against the clock).
 */
export function useNow(intervalMs: number, enabled: boolean, resetKey?: unknown): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [intervalMs, enabled, resetKey]);
  return now;
}
