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
  // Start times still inside the window are `starts[first..]`. Expired ones are skipped by
  // moving `first` and cut off in bulk: at high rates the window holds thousands of starts, and
  // shifting the array once per call would copy them all.
  const starts: number[] = [];
  let first = 0;
  const queue: (() => void)[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Forgets starts that left the window; returns how many are still in it. */
  const inWindow = (t: number) => {
    while (first < starts.length && t - (starts[first] as number) >= spanMs) first++;
    if (first === starts.length) {
      starts.length = 0;
      first = 0;
    } else if (first >= 1024 && first * 2 >= starts.length) {
      starts.splice(0, first);
      first = 0;
    }
    return starts.length - first;
  };

  const pump = () => {
    timer = undefined;
    while (queue.length > 0) {
      const t = now();
      if (inWindow(t) >= slots) {
        timer = setTimeout(pump, spanMs - (t - (starts[first] as number)) + 1);
        return;
      }
      starts.push(t);
      (queue.shift() as () => void)();
    }
  };

  return {
    schedule(task) {
      // Nobody waiting and a slot free: start now, without a queue entry or a wrapping promise.
      if (queue.length === 0) {
        const t = now();
        if (inWindow(t) < slots) {
          starts.push(t);
          try {
            return task();
          } catch (error) {
            return Promise.reject(error);
          }
        }
      }
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
