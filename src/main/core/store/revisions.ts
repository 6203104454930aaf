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

/**
 * Documents up to this size are referenced while current. When the text then
 * changes, the autosave that changes it also writes the old text into the
 * revision; for a long document that would double the save's bytes, so long
 * documents are deflated at once, as the revision is recorded.
 */
const REFERENCE_UP_TO_BYTES = 16 * 1024;

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
  encoding: 'json' | 'deflate' | 'current';
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
 * a new one. A revision of the document the article holds now (up to 16 KB of JSON)
 * is stored as a reference to it ('current', migration 0011), with no second copy; when the
 * article's document changes, a database trigger copies the old text into those
 * revisions as plain JSON, which the next revision of the article deflates (about a
 * third of the JSON). Autosaves therefore never pay for compression.
 */
export class RevisionStore {
  private readonly insert: Statement;
  private readonly newest: Statement;
  private readonly currentDocument: Statement;
  private readonly plain: Statement;
  private readonly deflated: Statement;

  constructor(private readonly db: Database) {
    this.insert = db.prepare(
      `INSERT INTO revisions (article_id, article_revision, created_at, author, reason, restored_from, meta, headline, word_count, doc_version, encoding, document, media_ids)
       VALUES (@articleId, @articleRevision, @createdAt, @author, @reason, @restoredFrom, @meta, @headline, @wordCount, @docVersion, @encoding, @document, @mediaIds)`,
    );
    this.newest = db.prepare('SELECT created_at FROM revisions WHERE article_id = ? ORDER BY id DESC LIMIT 1');
    this.currentDocument = db.prepare('SELECT document, doc_version FROM articles WHERE id = ?');
    this.plain = db.prepare(`SELECT id, document FROM revisions WHERE article_id = ? AND encoding = 'json' AND length(document) >= ${COMPRESS_FROM_BYTES}`);
    this.deflated = db.prepare(`UPDATE revisions SET encoding = 'deflate', document = ? WHERE id = ?`);
  }

  /** Deflate the article's revisions the trigger left as plain JSON (and any other large JSON one). */
  private compressPlain(articleId: string): void {
    for (const r of this.plain.all(articleId) as { id: number; document: Buffer }[]) {
      this.deflated.run(Buffer.from(deflateSync(new Uint8Array(r.document), { level: 6 })), r.id);
    }
  }

  /** Insert a revision (call inside the writing transaction); returns its id. */
  record(r: NewRevision): number {
    this.compressPlain(r.articleId);
    const article = r.documentJson.length <= REFERENCE_UP_TO_BYTES ? (this.currentDocument.get(r.articleId) as { document: string; doc_version: number } | undefined) : undefined;
    const current = article !== undefined && article.doc_version === r.docVersion && article.document === r.documentJson;
    const bytes = current ? new Uint8Array(0) : strToU8(r.documentJson);
    const compress = !current && bytes.length >= COMPRESS_FROM_BYTES;
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
        encoding: current ? 'current' : compress ? 'deflate' : 'json',
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

  /** The article's document, which a 'current' revision holds (the trigger keeps this true). */
  private referenced(row: RevisionRow): string {
    const article = this.currentDocument.get(row.article_id) as { document: string; doc_version: number } | undefined;
    if (!article || article.doc_version !== row.doc_version) throw new ApiError('storage', `Revision ${row.id} refers to a document its article no longer holds.`);
    return article.document;
  }

  /** One revision with its document (at the document version it was written in). */
  get(id: number): Revision {
    const row = this.db.prepare('SELECT * FROM revisions WHERE id = ?').get(id) as RevisionRow | undefined;
    if (!row) throw new ApiError('not_found', `No revision with id ${id}.`);
    const json = row.encoding === 'current' ? this.referenced(row) : row.encoding === 'deflate' ? strFromU8(inflateSync(row.document)) : row.document.toString('utf8');
    return {
      ...toSummary(row),
      meta: JSON.parse(row.meta) as ArticleMetaPatch,
      document: { version: row.doc_version, doc: JSON.parse(json) as NodeJSON },
    };
  }
}
