import type { Core } from '../core';
import type { Handlers } from '../api/handlers';

type StoreCall = 'searchArticles' | 'listRevisions' | 'getRevision' | 'restoreRevision';

/** Handlers for search and revision history (see src/shared/store-api.ts). */
export function createStoreHandlers(core: Core): Pick<Handlers, StoreCall> {
  const { articles } = core;
  return {
    searchArticles: (input) => articles.search.search(input),
    listRevisions: ({ articleId, limit, offset }) => articles.listRevisions(articleId, { limit, offset }),
    getRevision: ({ articleId, revisionId }) => articles.getRevision(articleId, revisionId),
    // Restoring is an edit: the workflow's edit rule applies (ReviewService.edits).
    restoreRevision: (input) => core.review.edits.restore(input),
  };
}
