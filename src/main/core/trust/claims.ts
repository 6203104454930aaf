import type { Database } from 'better-sqlite3';
import type { ArticleStatus } from '../../../shared/article';
import type { ClaimedStatus } from '../../../shared/review/trust';

interface ClaimRow {
  article_id: string;
  status: string;
  profile_id: string;
  fingerprint: string | null;
  received_at: string;
}

/**
 * Approvals and publications claimed by packages this machine does not trust. The
 * article keeps the status this machine accepts; the claim is only shown, and is
 * settled (removed) by the next workflow move made here or by a trusted package.
 */
export class ClaimedStatuses {
  constructor(private readonly db: Database) {}

  get(articleId: string): ClaimedStatus | null {
    const row = this.db.prepare('SELECT * FROM claimed_statuses WHERE article_id = ?').get(articleId) as ClaimRow | undefined;
    return row ? { articleId: row.article_id, status: row.status as ArticleStatus, profileId: row.profile_id, fingerprint: row.fingerprint, receivedAt: row.received_at } : null;
  }

  record(claim: ClaimedStatus): void {
    this.db
      .prepare(
        `INSERT INTO claimed_statuses (article_id, status, profile_id, fingerprint, received_at) VALUES (@articleId, @status, @profileId, @fingerprint, @receivedAt)
         ON CONFLICT (article_id) DO UPDATE SET status = excluded.status, profile_id = excluded.profile_id, fingerprint = excluded.fingerprint, received_at = excluded.received_at`,
      )
      .run(claim);
  }

  settle(articleId: string): void {
    this.db.prepare('DELETE FROM claimed_statuses WHERE article_id = ?').run(articleId);
  }
}
