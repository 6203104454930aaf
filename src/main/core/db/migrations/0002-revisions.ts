import type { Migration } from './types';

/**
 * Named revisions: a snapshot of document and metadata each time an article is
 * created, imported, saved explicitly, changes status or is restored, plus at most
 * one autosave snapshot per five minutes. History is append-only.
 *
 * `document` holds the document JSON, deflated when `encoding` is 'deflate' (new
 * rows) or as UTF-8 JSON bytes when 'json' (rows backfilled here). `media_ids` lists
 * the figures' media ids so media garbage collection never has to parse documents.
 */
export const migration: Migration = {
  version: 2,
  name: 'revisions',
  up(db) {
    db.exec(`
      CREATE TABLE revisions (
        id               INTEGER PRIMARY KEY,
        article_id       TEXT NOT NULL REFERENCES articles (id),
        article_revision INTEGER NOT NULL,
        created_at       TEXT NOT NULL,
        author           TEXT NOT NULL,
        reason           TEXT NOT NULL CHECK (reason IN ('create', 'import', 'save', 'autosave', 'status', 'restore', 'upgrade')),
        restored_from    INTEGER REFERENCES revisions (id),
        meta             TEXT NOT NULL,
        headline         TEXT NOT NULL,
        word_count       INTEGER NOT NULL,
        doc_version      INTEGER NOT NULL,
        encoding         TEXT NOT NULL CHECK (encoding IN ('json', 'deflate')),
        document         BLOB NOT NULL,
        media_ids        TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      CREATE INDEX revisions_by_article ON revisions (article_id, id DESC);
      CREATE INDEX revisions_by_time ON revisions (created_at);

      ALTER TABLE articles ADD COLUMN media_ids TEXT NOT NULL DEFAULT '[]';

      -- Articles written before revisions existed get one snapshot of what they hold now.
      INSERT INTO revisions (article_id, article_revision, created_at, author, reason, meta, headline, word_count, doc_version, encoding, document)
      SELECT id, revision, updated_at, '', 'upgrade',
             json_object('slug', slug, 'section', section, 'tags', json(tags), 'status', status,
                         'datelinePlace', dateline_place, 'agencyTag', agency_tag, 'language', language,
                         'publishedAt', published_at, 'lengthTarget', json(length_target)),
             headline, word_count, doc_version, 'json', CAST(document AS BLOB)
      FROM articles ORDER BY updated_at;
    `);
    // media_ids of existing documents: figures carry attrs.mediaId (a SHA-256 hex id).
    const rows = db.prepare(`SELECT id, document FROM articles WHERE document LIKE '%"mediaId":"%'`).all() as { id: string; document: string }[];
    const setArticle = db.prepare('UPDATE articles SET media_ids = ? WHERE id = ?');
    const setRevision = db.prepare(`UPDATE revisions SET media_ids = ? WHERE article_id = ? AND reason = 'upgrade'`);
    for (const row of rows) {
      const ids = JSON.stringify([...new Set(row.document.match(/(?<="mediaId":")[0-9a-f]{64}(?=")/g) ?? [])].sort());
      setArticle.run(ids, row.id);
      setRevision.run(ids, row.id);
    }
  },
};
