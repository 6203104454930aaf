import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api';
import type { Article, ArticleStatus } from '../../../shared/article';
import type { ReviewService } from '../review/service';
import type { ArticleRepository } from '../store/articles';

/** The status and publish time an article had before an export published it. */
export interface StatusBefore {
  status: ArticleStatus;
  publishedAt: string | null;
}

/**
 * The export's side of the workflow. Publishing an approved article is a status
 * change like any other: the local profile must be allowed to make it (only the
 * desk publishes), and it is logged with a named revision. When the bundle then
 * cannot be written, the publication is taken back by a second logged change, so
 * the log never claims a publication that left no bundle and nothing is erased.
 */
export interface PublishWorkflow {
  /** Publish an approved article at the revision read; throws an ApiError ('forbidden', 'conflict') when it may not. */
  publish(article: Article): { revision: number };
  /** Put the article back as it was after a failed export, saying why in the log. */
  withdraw(id: string, before: StatusBefore, reason: string): void;
}

/** Used when an export service has no workflow (rendering-only set-ups): publishing is refused. */
export const NO_PUBLISHING: PublishWorkflow = {
  publish: () => {
    throw new ApiError('forbidden', 'Publishing is not available here: it needs the workflow and a desk profile.');
  },
  withdraw: () => undefined,
};

/** The workflow of a core: publishes through `changeStatus` as the local profile. */
export function reviewPublisher(db: Database, review: ReviewService, articles: ArticleRepository, now: () => string): PublishWorkflow {
  return {
    publish: (article) => review.changeStatus({ id: article.meta.id, to: 'published', baseRevision: article.revision }),
    withdraw: (id, before, reason) => {
      const me = review.people.requireLocal();
      db.transaction(() => {
        if (articles.get(id).meta.status !== 'published') return; // already moved on by someone: leave it
        const saved = articles.setStatus({ id, status: before.status, publishedAt: before.publishedAt });
        review.transitions.insert({
          id: randomUUID(),
          articleId: id,
          from: 'published',
          to: before.status,
          profileId: me.id,
          at: now(),
          note: `Publication withdrawn: the export failed (${reason}).`,
          overrideReason: null,
          revision: saved.revision,
        });
      }).immediate();
    },
  };
}
