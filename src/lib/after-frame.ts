import { useEffect, useState } from 'react';

/**
 * Runs `task` right after the browser has drawn its next frame, so work that need not be on
 * screen with a keystroke stays out of that keystroke's frame. A hidden tab draws no frames:
 * then it runs after a second (the least a hidden tab's timers wait). Returns a function that
 * cancels it.
 */
export function afterNextFrame(task: () => void): () => void {
  let settled = false;
  const channel = new MessageChannel();
  const stop = () => {
    settled = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    channel.port1.close();
  };
  const run = () => {
    if (settled) return;
    stop();
    task();
  };
  channel.port1.onmessage = run;
  // A message posted from the frame's callback is handled once that frame is drawn.
  const frame = requestAnimationFrame(() => channel.port2.postMessage(null));
  const timer = setTimeout(run, 1000);
  return stop;
}

/**
 * False until the component's first frame has been drawn (see afterNextFrame), for parts that
 * must not compete with what that frame needs. With `wait` false it is true from the start.
 */
export function useFirstFrameDrawn(wait = true): boolean {
  const [drawn, setDrawn] = useState(!wait);
  useEffect(() => (drawn ? undefined : afterNextFrame(() => setDrawn(true))), [drawn]);
  return drawn;
}
