import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api';
import type { ConflictResolution, HandoffConflict } from '../../../shared/review/model';

interface ConflictRow {
  id: string;
  article_id: string;
  revision_id: number;
  sender_id: string;
  received_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution: ConflictResolution | null;
}

const rowToConflict = (r: ConflictRow): HandoffConflict => ({
  id: r.id,
  articleId: r.article_id,
  revisionId: r.revision_id,
  senderId: r.sender_id,
  receivedAt: r.received_at,
  resolvedAt: r.resolved_at,
  resolvedBy: r.resolved_by,
  resolution: r.resolution,
});

/** Handoff conflicts: their version waits as a parallel revision until someone chooses. */
export class ConflictRepository {
  constructor(private readonly db: Database) {}

  record(input: { articleId: string; revisionId: number; senderId: string; receivedAt: string }): HandoffConflict {
    const id = randomUUID();
    this.db
      .prepare('INSERT INTO review_conflicts (id, article_id, revision_id, sender_id, received_at) VALUES (@id, @articleId, @revisionId, @senderId, @receivedAt)')
      .run({ id, ...input });
    return this.get(id);
  }

  get(id: string): HandoffConflict {
    const row = this.db.prepare('SELECT * FROM review_conflicts WHERE id = ?').get(id) as ConflictRow | undefined;
    if (!row) throw new ApiError('not_found', `No handoff conflict with id ${id}.`);
    return rowToConflict(row);
  }

  list(articleId: string, openOnly = false): HandoffConflict[] {
    const rows = this.db
      .prepare(`SELECT * FROM review_conflicts WHERE article_id = ? ${openOnly ? 'AND resolved_at IS NULL' : ''} ORDER BY received_at, rowid`)
      .all(articleId) as ConflictRow[];
    return rows.map(rowToConflict);
  }

  markResolved(id: string, resolution: ConflictResolution, by: string, at: string): void {
    this.db.prepare('UPDATE review_conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?').run(at, by, resolution, id);
  }
}
