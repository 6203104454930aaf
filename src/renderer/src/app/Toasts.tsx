import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Toast {
  id: number;
  message: string;
  /** Optional action (e.g. "Hoàn tác"); the toast closes when it runs. */
  action?: { label: string; run(): void };
}

/** How long a message stays while the pointer and the keyboard are elsewhere. */
export const TOAST_MS = 6000;

/**
 * Short messages at the bottom centre of the window, above the status bar, so
 * they never cover the top lines of the text; announced to screen readers. One
 * at a time: a new message replaces the one shown, so notices never stack.
 */
export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback((message: string, action?: Toast['action']) => {
    const id = next.current++;
    setToasts([{ id, message, action }]);
  }, []);
  return { toasts, show, dismiss };
}

export function Toasts({ toasts, dismiss }: { toasts: Toast[]; dismiss(id: number): void }) {
  const { t } = useTranslation();
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} dismiss={dismiss} closeLabel={t('app.close')} />
      ))}
    </div>
  );
}

function ToastItem({ toast, dismiss, closeLabel }: { toast: Toast; dismiss(id: number): void; closeLabel: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // Leaves after TOAST_MS; the clock stops while the pointer is over it or the keyboard is in it.
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (hovered || focused) return;
    const timer = setTimeout(() => dismiss(toast.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast.id, dismiss, hovered, focused]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'z' && (e.ctrlKey || e.metaKey) && toast.action && !(document.activeElement as HTMLElement | null)?.closest('.nr-editor, input, textarea, select')) {
        e.preventDefault();
        toast.action.run();
        dismiss(toast.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toast, dismiss]);
  return (
    <div
      className="toast"
      ref={ref}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && setFocused(false)}
    >
      <span>{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            toast.action!.run();
            dismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="toast-close" aria-label={closeLabel} onClick={() => dismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}
