import { z } from 'zod';
import { Article, ArticleId } from './article';
import { Revision, RevisionId, RevisionSummary } from './revisions';
import { SearchInput, SearchResult } from './search';

/** Calls of the draft store: search and revision history. Spread into `api`. */
export const storeCalls = {
  /**
   * Search articles as the user types: Vietnamese-folded full text with ranking
   * (headline hits first, then most recently changed), filters, paging and
   * highlighted snippets as plain-text segments.
   */
  searchArticles: { input: SearchInput, output: SearchResult },

  /** An article's revision history, newest first. */
  listRevisions: {
    input: z
      .object({ articleId: ArticleId, limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) })
      .strict(),
    output: z.object({ items: z.array(RevisionSummary), total: z.number().int() }),
  },

  /** One revision with its document, for viewing or comparing. */
  getRevision: { input: z.object({ articleId: ArticleId, revisionId: RevisionId }).strict(), output: Revision },

  /**
   * Make an old revision current again. Recorded as a new 'restore' revision;
   * nothing in the history is changed. `baseRevision` guards against a concurrent save.
   */
  restoreRevision: {
    /** `reopen`: restoring into an approved or published article moves it back to in edit (see saveArticle). */
    input: z.object({ articleId: ArticleId, revisionId: RevisionId, baseRevision: z.number().int().optional(), reopen: z.boolean().optional() }).strict(),
    output: Article,
  },
};
