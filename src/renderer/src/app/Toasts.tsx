import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Toast {
  id: number;
  message: string;
  /** Optional action (e.g. "Hoàn tác"); the toast closes when it runs. */
  action?: { label: string; run(): void };
}

/** How long a message stays; an undo offer needs time to be read and used. */
const TOAST_MS = 8000;

/** Short messages at the bottom of the window, announced to screen readers. */
export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback(
    (message: string, action?: Toast['action']) => {
      const id = next.current++;
      setToasts((all) => [...all.slice(-2), { id, message, action }]);
      setTimeout(() => dismiss(id), TOAST_MS);
    },
    [dismiss],
  );
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
    <div className="toast" ref={ref}>
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
