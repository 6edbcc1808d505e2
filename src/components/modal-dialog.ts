import { useEffect, type RefObject } from 'react';

/**
 * Opens a native `<dialog>` as a modal while the component is mounted: the page behind is inert,
 * Escape closes it, and the focus starts on the element marked `data-initial-focus`.
 */
export function useModalDialog(ref: RefObject<HTMLDialogElement | null>) {
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
    return () => dialog.close();
  }, [ref]);
}
