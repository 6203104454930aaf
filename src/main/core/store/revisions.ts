import type { Database, Statement } from 'better-sqlite3';
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { ApiError } from '../../../shared/api';
import type { ArticleMetaPatch } from '../../../shared/article';
import type { NodeJSON } from '../../../shared/document';
import type { Revision, RevisionReason, RevisionSummary } from '../../../shared/revisions';

/** Autosaves closer together than this share one revision. */
export const AUTOSAVE_REVISION_INTERVAL_MS = 5 * 60 * 1000;

/** Documents smaller than this are kept as plain JSON: deflate would save little. */
const COMPRESS_FROM_BYTES = 2048;

interface RevisionRow {
  id: number;
  article_id: string;
  article_revision: number;
  created_at: string;
  author: string;
  reason: RevisionReason;
  restored_from: number | null;
  meta: string;
  headline: string;
  word_count: number;
  doc_version: number;
  encoding: 'json' | 'deflate';
  document: Buffer;
}

export interface NewRevision {
  articleId: string;
  articleRevision: number;
  createdAt: string;
  author: string;
  reason: RevisionReason;
  restoredFrom?: number | null;
  meta: ArticleMetaPatch;
  headline: string;
  wordCount: number;
  docVersion: number;
  /** The document JSON exactly as stored in `articles.document`. */
  documentJson: string;
  mediaIds: string[];
}

function toSummary(row: Omit<RevisionRow, 'document' | 'encoding' | 'doc_version'>): RevisionSummary {
  const meta = JSON.parse(row.meta) as ArticleMetaPatch;
  return {
    id: row.id,
    articleId: row.article_id,
    articleRevision: row.article_revision,
    createdAt: row.created_at,
    author: row.author,
    reason: row.reason,
    restoredFrom: row.restored_from,
    headline: row.headline,
    status: meta.status ?? '',
    wordCount: row.word_count,
  };
}

/**
 * Article history. Rows are only ever inserted: restoring an old revision records
 * a new one. Documents are deflated (a revision of a typical article takes about a
 * third of its JSON), so years of history do not balloon the database.
 */
export class RevisionStore {
  private readonly insert: Statement;
  private readonly newest: Statement;

  constructor(private readonly db: Database) {
    this.insert = db.prepare(
      `INSERT INTO revisions (article_id, article_revision, created_at, author, reason, restored_from, meta, headline, word_count, doc_version, encoding, document, media_ids)
       VALUES (@articleId, @articleRevision, @createdAt, @author, @reason, @restoredFrom, @meta, @headline, @wordCount, @docVersion, @encoding, @document, @mediaIds)`,
    );
    this.newest = db.prepare('SELECT created_at FROM revisions WHERE article_id = ? ORDER BY id DESC LIMIT 1');
  }

  /** Insert a revision (call inside the writing transaction); returns its id. */
  record(r: NewRevision): number {
    const bytes = strToU8(r.documentJson);
    const compress = bytes.length >= COMPRESS_FROM_BYTES;
    return Number(
      this.insert.run({
        articleId: r.articleId,
        articleRevision: r.articleRevision,
        createdAt: r.createdAt,
        author: r.author,
        reason: r.reason,
        restoredFrom: r.restoredFrom ?? null,
        meta: JSON.stringify(r.meta),
        headline: r.headline,
        wordCount: r.wordCount,
        docVersion: r.docVersion,
        encoding: compress ? 'deflate' : 'json',
        document: Buffer.from(compress ? deflateSync(bytes, { level: 6 }) : bytes),
        mediaIds: JSON.stringify(r.mediaIds),
      }).lastInsertRowid,
    );
  }

  /** True when an autosave at `now` should be kept as a revision (none in the last 5 minutes). */
  autosaveDue(articleId: string, now: string): boolean {
    const row = this.newest.get(articleId) as { created_at: string } | undefined;
    if (!row) return true;
    return Date.parse(now) - Date.parse(row.created_at) >= AUTOSAVE_REVISION_INTERVAL_MS;
  }

  /** An article's history, newest first. */
  list(articleId: string, options: { limit: number; offset: number }): { items: RevisionSummary[]; total: number } {
    const rows = this.db
      .prepare(
        `SELECT id, article_id, article_revision, created_at, author, reason, restored_from, meta, headline, word_count
         FROM revisions WHERE article_id = ? ORDER BY id DESC LIMIT ? OFFSET ?`,
      )
      .all(articleId, options.limit, options.offset) as RevisionRow[];
    const total = (this.db.prepare('SELECT count(*) AS n FROM revisions WHERE article_id = ?').get(articleId) as { n: number }).n;
    return { items: rows.map(toSummary), total };
  }

  /** One revision with its document (at the document version it was written in). */
  get(id: number): Revision {
    const row = this.db.prepare('SELECT * FROM revisions WHERE id = ?').get(id) as RevisionRow | undefined;
    if (!row) throw new ApiError('not_found', `No revision with id ${id}.`);
    const json = row.encoding === 'deflate' ? strFromU8(inflateSync(row.document)) : row.document.toString('utf8');
    return {
      ...toSummary(row),
      meta: JSON.parse(row.meta) as ArticleMetaPatch,
      document: { version: row.doc_version, doc: JSON.parse(json) as NodeJSON },
    };
  }
}
