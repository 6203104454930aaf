/** Tells open editors that the desk saved the rules file or changed the newsroom dictionary, so their proofing reloads them. */
const listeners = new Set<() => void>();

export function onRulesSaved(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceRulesSaved(): void {
  for (const l of listeners) l();
}
