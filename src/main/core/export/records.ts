import type { Database } from 'better-sqlite3';
import type { ExportKind } from '../../../shared/export';

export interface ExportRecord {
  articleId: string;
  articleRevision: number;
  kind: ExportKind;
  profileName: string;
  profileVersion: number;
  slug: string;
  outPath: string;
  indexSha256: string;
  manifestSha256: string;
  exportedAt: string;
}

/**
 * What was exported, when, with which profile version: a publish record names the
 * exact article revision and the bundle's manifest hash, so "what went out" can be
 * proven later.
 */
export class ExportRecords {
  constructor(private readonly db: Database) {}

  add(r: ExportRecord): void {
    this.db
      .prepare(
        `INSERT INTO export_records (article_id, article_revision, kind, profile_name, profile_version, slug, out_path, index_sha256, manifest_sha256, exported_at)
         VALUES (@articleId, @articleRevision, @kind, @profileName, @profileVersion, @slug, @outPath, @indexSha256, @manifestSha256, @exportedAt)`,
      )
      .run(r);
  }

  forArticle(articleId: string): ExportRecord[] {
    return (
      this.db
        .prepare(
          `SELECT article_id AS articleId, article_revision AS articleRevision, kind, profile_name AS profileName, profile_version AS profileVersion,
                  slug, out_path AS outPath, index_sha256 AS indexSha256, manifest_sha256 AS manifestSha256, exported_at AS exportedAt
           FROM export_records WHERE article_id = ? ORDER BY id DESC`,
        )
        .all(articleId) as ExportRecord[]
    );
  }
}
