/**
 * A renderer-wide signal that the open article's review records (comments,
 * suggestions, status) changed, so every view that lists them reloads: the
 * review pane, the Review view and the editor's highlights. Whoever changes a
 * record calls {@link reviewChanged}; whoever shows records listens.
 */
const listeners = new Set<(articleId: string) => void>();

export function onReviewChanged(listener: (articleId: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reviewChanged(articleId: string): void {
  for (const listener of [...listeners]) listener(articleId);
}
