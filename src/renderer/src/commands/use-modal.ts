import { useEffect, useRef } from 'react';

/**
 * Show a `<dialog>` as modal while mounted. Escape (the dialog's `cancel`) calls
 * `onClose`; when it closes, focus goes back where it was before it opened.
 */
export function useModal(onClose: () => void) {
  const dialog = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const before = document.activeElement as HTMLElement | null;
    element.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    element.addEventListener('cancel', onCancel);
    return () => {
      element.removeEventListener('cancel', onCancel);
      element.close();
      if (before && document.contains(before)) before.focus();
    };
  }, []);
  return dialog;
}
