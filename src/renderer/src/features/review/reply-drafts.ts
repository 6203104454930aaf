import { useCallback, useSyncExternalStore } from 'react';

/**
 * Replies being typed, one per thread, kept outside the cards: a card that
 * re-renders, folds, moves between the pane and the Review view, or loses focus
 * finds its draft again. A draft ends only when sent or cancelled. Mirrored in
 * localStorage so a reload keeps it too.
 */
const PREFIX = 'newsroom.replyDraft.';
const drafts = new Map<string, string>();
const listeners = new Set<() => void>();

function read(threadId: string): string {
  if (!drafts.has(threadId)) {
    let stored = '';
    try {
      stored = localStorage.getItem(PREFIX + threadId) ?? '';
    } catch {
      // No storage: the draft lives in memory for this session.
    }
    drafts.set(threadId, stored);
  }
  return drafts.get(threadId)!;
}

export function setReplyDraft(threadId: string, text: string): void {
  drafts.set(threadId, text);
  try {
    if (text) localStorage.setItem(PREFIX + threadId, text);
    else localStorage.removeItem(PREFIX + threadId);
  } catch {
    // Kept in memory only.
  }
  for (const l of [...listeners]) l();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The draft reply of a thread, and a setter; `''` clears it. */
export function useReplyDraft(threadId: string): [string, (text: string) => void] {
  const draft = useSyncExternalStore(subscribe, () => read(threadId));
  const set = useCallback((text: string) => setReplyDraft(threadId, text), [threadId]);
  return [draft, set];
}
