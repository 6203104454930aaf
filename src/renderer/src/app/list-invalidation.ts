import type { ApiClient, CallName } from '../../../shared/api';

/**
 * Calls after which a row of the article list may read differently (status,
 * headline, word count, or an article added or gone). Autosaves are not here:
 * the open article's session refreshes its row itself after each save. This is
 * the one refresh after these calls: callers do not refresh the list again.
 */
export const LIST_CHANGING_CALLS: ReadonlySet<CallName> = new Set<CallName>([
  'createArticle',
  'createFromTemplate',
  'deleteArticle',
  'restoreArticle',
  'changeStatus',
  'decideSuggestions',
  'undoSuggestionDecision',
  'restoreRevision',
  'openHandoffPackage',
  'resolveHandoffConflict',
  'commitImport',
  'fixArticleNfc',
  'exportJob',
  'setLocalProfile',
]);

/**
 * The same client, telling `invalidate` after every successful call that may
 * change what the list shows, so the list follows review actions, imports,
 * package arrivals, publishing and a change of profile (the list orders and
 * filters by role) without a reload. Bursts are coalesced into
 * one invalidation a moment after the last call.
 */
export function withListInvalidation(client: ApiClient, invalidate: () => void, delayMs = 120): ApiClient {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      invalidate();
    }, delayMs);
  };
  const wrapped = { ...client } as Record<CallName, (input: unknown) => Promise<unknown>>;
  for (const name of LIST_CHANGING_CALLS) {
    const call = client[name] as (input: unknown) => Promise<unknown>;
    wrapped[name] = async (input: unknown) => {
      const result = await call(input);
      if (name !== 'exportJob' || (result as { finished?: boolean }).finished) schedule();
      return result;
    };
  }
  return wrapped as unknown as ApiClient;
}
