import type { EditorView } from 'prosemirror-view';

const HOST_CLASS = 'nr-editor-notices';

/**
 * A short, polite message above the editor text (images left out of a paste,
 * edits recovered after a crash). Screen readers announce it; it stays until the
 * user dismisses it or `timeoutMs` passes (0 keeps it).
 */
export interface NoticeOptions {
  testId: string;
  closeLabel: string;
  timeoutMs?: number;
  /** A button beside the message; the notice closes after it runs. */
  action?: { label: string; run: () => void };
  /** Called when the user closes the notice with ×. */
  onClose?: () => void;
}

export function showEditorNotice(view: EditorView, message: string, options: NoticeOptions): void {
  const parent = view.dom.parentElement;
  if (!parent) return;
  let host = parent.querySelector<HTMLElement>(`:scope > .${HOST_CLASS}`);
  if (!host) {
    host = document.createElement('div');
    host.className = HOST_CLASS;
    host.setAttribute('role', 'status');
    host.setAttribute('aria-live', 'polite');
    // In the flow above the text, never floating over it: a notice must not hide the lines it is about.
    host.style.cssText = 'position:relative;display:flex;flex-direction:column;gap:4px;';
    parent.insertBefore(host, view.dom);
  }
  host.querySelector(`[data-testid="${options.testId}"]`)?.remove();
  const note = document.createElement('div');
  note.dataset.testid = options.testId;
  note.className = 'nr-editor-notice';
  note.style.cssText =
    'display:flex;align-items:center;gap:8px;padding:6px 10px;border-radius:4px;background:var(--notice-bg);color:var(--notice-ink);border:1px solid var(--notice-line);font:13px/1.4 system-ui,sans-serif;';
  const text = document.createElement('span');
  text.textContent = message;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', options.closeLabel);
  close.style.cssText = 'margin-left:auto;border:none;background:none;font-size:16px;cursor:pointer;color:inherit;';
  close.addEventListener('click', () => {
    note.remove();
    options.onClose?.();
  });
  note.append(text);
  if (options.action) {
    const { label, run } = options.action;
    const action = document.createElement('button');
    action.type = 'button';
    action.textContent = label;
    action.dataset.testid = `${options.testId}-action`;
    action.style.cssText = 'padding:2px 8px;font:inherit;border:1px solid var(--notice-line);border-radius:3px;background:var(--field-bg);color:inherit;cursor:pointer;';
    action.addEventListener('click', () => {
      note.remove();
      run();
    });
    note.append(action);
  }
  note.append(close);
  host.append(note);
  if (options.timeoutMs) setTimeout(() => note.remove(), options.timeoutMs);
}
