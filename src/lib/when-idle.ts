/**
 * Runs `task` once the browser is idle after the first render (at the latest after two
 * seconds), for modules the page will need soon but not to draw. Returns a function that
 * cancels it.
 */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 2_000 });
    return () => cancelIdleCallback(handle);
  }
  // Safari before 18.2 has no requestIdleCallback.
  const timer = setTimeout(task, 300);
  return () => clearTimeout(timer);
}
