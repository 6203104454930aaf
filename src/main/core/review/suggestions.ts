import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api';
import type { Anchor, Suggestion, SuggestionChange } from '../../../shared/review/model';
import { ON_EXISTING } from './comments';

interface SuggestionRow {
  id: string;
  article_id: string;
  author_id: string;
  created_at: string;
  anchor: string;
  change: string;
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  inverse: string | null;
}

const rowToSuggestion = (r: SuggestionRow): Suggestion => ({
  id: r.id,
  articleId: r.article_id,
  authorId: r.author_id,
  createdAt: r.created_at,
  anchor: JSON.parse(r.anchor) as Anchor,
  change: JSON.parse(r.change) as SuggestionChange,
  status: r.status as Suggestion['status'],
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  inverse: r.inverse ? (JSON.parse(r.inverse) as Suggestion['inverse']) : null,
});

/**
 * Suggestions as rows beside the article. Decided ones are kept (accepted with the
 * edit that undoes them, rejected as they were) so decisions can be undone and
 * travel in handoff packages.
 */
export class SuggestionRepository {
  constructor(private readonly db: Database) {}

  list(articleId: string, status?: Suggestion['status']): Suggestion[] {
    const rows = (
      status
        ? this.db.prepare('SELECT * FROM review_suggestions WHERE article_id = ? AND status = ? ORDER BY created_at, id').all(articleId, status)
        : this.db.prepare('SELECT * FROM review_suggestions WHERE article_id = ? ORDER BY created_at, id').all(articleId)
    ) as SuggestionRow[];
    return rows.map(rowToSuggestion);
  }

  get(id: string): Suggestion {
    const row = this.db.prepare('SELECT * FROM review_suggestions WHERE id = ?').get(id) as SuggestionRow | undefined;
    if (!row) throw new ApiError('not_found', `No suggestion with id ${id}.`);
    return rowToSuggestion(row);
  }

  countOpen(articleId: string): number {
    return (this.db.prepare("SELECT count(*) AS n FROM review_suggestions WHERE article_id = ? AND status = 'open'").get(articleId) as { n: number }).n;
  }

  /** Insert a suggestion; see CommentRepository.insert for `onExisting`. */
  insert(s: Suggestion, onExisting: 'fail' | 'replace' | 'keep' = 'fail'): void {
    this.db
      .prepare(
        `INSERT ${ON_EXISTING[onExisting]} INTO review_suggestions (id, article_id, author_id, created_at, anchor, change, status, decided_by, decided_at, inverse)
         VALUES (@id, @articleId, @authorId, @createdAt, @anchor, @change, @status, @decidedBy, @decidedAt, @inverse)`,
      )
      .run({ ...s, anchor: JSON.stringify(s.anchor), change: JSON.stringify(s.change), inverse: s.inverse ? JSON.stringify(s.inverse) : null });
  }

  /** Record a decision (or undo one with status `open`). */
  decide(id: string, status: Suggestion['status'], by: string | null, at: string | null, inverse: Suggestion['inverse']): void {
    this.db
      .prepare('UPDATE review_suggestions SET status = @status, decided_by = @by, decided_at = @at, inverse = @inverse WHERE id = @id')
      .run({ id, status, by, at, inverse: inverse ? JSON.stringify(inverse) : null });
  }

  /** Delete a suggestion its author withdrew before anyone decided on it. */
  remove(id: string): void {
    this.db.prepare("DELETE FROM review_suggestions WHERE id = ? AND status = 'open'").run(id);
  }

  updateAnchor(id: string, anchor: Anchor): void {
    this.db.prepare('UPDATE review_suggestions SET anchor = ? WHERE id = ?').run(JSON.stringify(anchor), id);
  }
}
