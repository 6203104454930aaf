import type { Database } from 'better-sqlite3';

/**
 * Photos that arrived as stripped copies (no GPS, no serial numbers): each is kept
 * under its own SHA-256 with the id of the original it was made from, so the copy
 * can be sent on with that link and the original's owner recognises it. The link is
 * `vouched` when a trusted key signed it; otherwise it is only what a package said.
 */
export class MediaOrigins {
  constructor(private readonly db: Database) {}

  originalOf(copyId: string): { originalId: string; vouchedBy: string | null } | null {
    const row = this.db.prepare('SELECT original_id, vouched_by FROM media_origins WHERE copy_id = ?').get(copyId) as
      | { original_id: string; vouched_by: string | null }
      | undefined;
    return row ? { originalId: row.original_id, vouchedBy: row.vouched_by } : null;
  }

  /** Remember a link; a vouched link is never replaced by an unvouched one. */
  record(copyId: string, originalId: string, vouchedBy: string | null): void {
    this.db
      .prepare(
        `INSERT INTO media_origins (copy_id, original_id, vouched_by) VALUES (?, ?, ?)
         ON CONFLICT (copy_id) DO UPDATE SET original_id = excluded.original_id, vouched_by = excluded.vouched_by
         WHERE media_origins.vouched_by IS NULL OR excluded.vouched_by IS NOT NULL`,
      )
      .run(copyId, originalId, vouchedBy);
  }
}
