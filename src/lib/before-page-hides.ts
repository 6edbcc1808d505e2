/**
 * Calls `listener` when the page is hidden or closed, ahead of the listeners added without
 * capture (the draft saver's), so that what it brings up to date is what gets saved. Returns
 * the function that removes it.
 */
export function beforePageHides(listener: () => void): () => void {
  const hide = () => {
    if (document.visibilityState === 'hidden') listener();
  };
  window.addEventListener('visibilitychange', hide, true);
  window.addEventListener('pagehide', listener, true);
  return () => {
    window.removeEventListener('visibilitychange', hide, true);
    window.removeEventListener('pagehide', listener, true);
  };
}
