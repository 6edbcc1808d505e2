/**
 * Keeps calls to the upstream under its rate limit (Mateo: 2 requests per second). A sliding
 * window: at most `perSecond` calls start within any 1,000 ms; the rest wait in FIFO order
 * instead of earning 429s.
 */
export interface Pacer {
  schedule<T>(task: () => Promise<T>): Promise<T>;
  /** Calls waiting for a slot (for tests and diagnostics). */
  readonly waiting: number;
}

export function createPacer(
  perSecond: number,
  { now = Date.now, marginMs = 50 }: { now?: () => number; marginMs?: number } = {},
): Pacer {
  // The upstream counts arrivals, which jitter by a few milliseconds after our start times.
  const windowMs = 1000 + marginMs;
  // Whole calls per window; a fractional rate (0.5/s) becomes one call per 2 s.
  const slots = Math.max(1, Math.floor(perSecond));
  const spanMs = perSecond >= 1 ? windowMs : windowMs / perSecond;
  const starts: number[] = [];
  const queue: (() => void)[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const pump = () => {
    timer = undefined;
    while (queue.length > 0) {
      const t = now();
      while (starts.length > 0 && t - (starts[0] as number) >= spanMs) starts.shift();
      if (starts.length >= slots) {
        timer = setTimeout(pump, spanMs - (t - (starts[0] as number)) + 1);
        return;
      }
      starts.push(t);
      (queue.shift() as () => void)();
    }
  };

  return {
    schedule(task) {
      return new Promise((resolve, reject) => {
        queue.push(() => {
          task().then(resolve, reject);
        });
        if (!timer) pump();
      });
    },
    get waiting() {
      return queue.length;
    },
  };
}
