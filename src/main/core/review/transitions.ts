import type { Database } from 'better-sqlite3';
import type { ArticleStatus } from '../../../shared/article';
import type { Transition } from '../../../shared/review/model';

interface TransitionRow {
  id: string;
  article_id: string;
  from_status: string;
  to_status: string;
  profile_id: string;
  at: string;
  note: string;
  override_reason: string | null;
  revision: number;
}

const rowToTransition = (r: TransitionRow): Transition => ({
  id: r.id,
  articleId: r.article_id,
  from: r.from_status as ArticleStatus,
  to: r.to_status as ArticleStatus,
  profileId: r.profile_id,
  at: r.at,
  note: r.note,
  overrideReason: r.override_reason,
  revision: r.revision,
});

/** The workflow log: every status change with who, when, why and the revision it made. */
export class TransitionRepository {
  constructor(private readonly db: Database) {}

  list(articleId: string): Transition[] {
    return (this.db.prepare('SELECT * FROM review_transitions WHERE article_id = ? ORDER BY at, rowid').all(articleId) as TransitionRow[]).map(rowToTransition);
  }

  /** The state the article was in before its latest spike, for recovery. */
  spikedFrom(articleId: string): ArticleStatus | null {
    const row = this.db
      .prepare("SELECT from_status FROM review_transitions WHERE article_id = ? AND to_status = 'spiked' ORDER BY at DESC, rowid DESC LIMIT 1")
      .get(articleId) as { from_status: string } | undefined;
    return (row?.from_status as ArticleStatus | undefined) ?? null;
  }

  has(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM review_transitions WHERE id = ?').get(id) !== undefined;
  }

  /** Insert a log entry; entries are immutable, so one already stored is kept. */
  insert(t: Transition, onExisting: 'fail' | 'keep' = 'fail'): void {
    this.db
      .prepare(
        `INSERT ${onExisting === 'keep' ? 'OR IGNORE' : ''} INTO review_transitions (id, article_id, from_status, to_status, profile_id, at, note, override_reason, revision)
         VALUES (@id, @articleId, @from, @to, @profileId, @at, @note, @overrideReason, @revision)`,
      )
      .run(t);
  }
}
