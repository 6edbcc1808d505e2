/**
 * The pace of what follows typing and costs a frame of its own to show: the email frame's new
 * document, the plain text made from the HTML. It follows once typing pauses for 0.4 s (a breath
 * rather than the gap between two words), and every 2 s during a long run of keys. Anything
 * drawn between two keys makes the next key wait for the display's next refresh, so these are
 * drawn seldom while the user types.
 */
export const SLOW_QUIET_MS = 400;
export const SLOW_MAX_WAIT_MS = 2000;

export interface QuietTimer {
  /** Something changed: `run` comes `quietMs` after the last poke, or `maxWaitMs` after the first. */
  poke: () => void;
  /** Nothing is due any more (it was done another way, or its owner is gone). */
  cancel: () => void;
}

/**
 * Calls `run` once pokes have stopped for `quietMs`, and at least every `maxWaitMs` while they
 * keep coming (counted from the first poke since the last run).
 */
export function quietTimer(run: () => void, quietMs: number, maxWaitMs: number): QuietTimer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPoke: number | undefined;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    firstPoke = undefined;
  };
  return {
    poke: () => {
      const now = performance.now();
      firstPoke ??= now;
      clearTimeout(timer);
      timer = setTimeout(
        () => {
          cancel();
          run();
        },
        Math.max(0, Math.min(quietMs, firstPoke + maxWaitMs - now)),
      );
    },
    cancel,
  };
}
