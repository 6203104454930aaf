import type { Database } from 'better-sqlite3';
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { Migration } from './types';

/** Same thresholds as the revision store: smaller documents stay plain JSON; longer ones are not referenced. */
const COMPRESS_FROM_BYTES = 2048;
const REFERENCE_UP_TO_BYTES = 16 * 1024;

/**
 * Revisions stop keeping a second copy of the article's current document.
 *
 * - Encoding 'current': the revision's document is the article's `document` as it
 *   now stands (the newest revisions usually are: create, import, save, status).
 *   Its `document` column is empty.
 * - The trigger `revisions_keep_current` runs before anything changes an article's
 *   document or document version, whoever writes it: it copies the old document into
 *   every 'current' revision of that article as plain JSON, which the revision store
 *   deflates on the article's next write. So a reference can never point at text the
 *   revision did not hold.
 * - Existing databases: each article's newest revisions equal to its document (up
 *   to 16 KB of JSON) become references; JSON revisions of 2 KB or more (the backfill of migration 0002) are
 *   deflated.
 */
export const migration: Migration = {
  version: 13,
  name: 'revision-refs',
  up(db) {
    db.exec(`
      CREATE TABLE revisions_new (
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
        encoding         TEXT NOT NULL CHECK (encoding IN ('json', 'deflate', 'current')),
        document         BLOB NOT NULL,
        media_ids        TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      INSERT INTO revisions_new SELECT id, article_id, article_revision, created_at, author, reason, restored_from, meta, headline, word_count, doc_version, encoding, document, media_ids FROM revisions;
      DROP TABLE revisions;
      ALTER TABLE revisions_new RENAME TO revisions;
      CREATE INDEX revisions_by_article ON revisions (article_id, id DESC);
      CREATE INDEX revisions_by_time ON revisions (created_at);
      CREATE INDEX revisions_current ON revisions (article_id) WHERE encoding = 'current';
      CREATE INDEX revisions_plain ON revisions (article_id) WHERE encoding = 'json';
    `);
    referenceCurrentDocuments(db);
    deflateLargeJson(db);
    db.exec(`
      CREATE TRIGGER revisions_keep_current BEFORE UPDATE OF document, doc_version ON articles
      WHEN NEW.document IS NOT OLD.document OR NEW.doc_version IS NOT OLD.doc_version
      BEGIN
        UPDATE revisions SET encoding = 'json', document = CAST(OLD.document AS BLOB)
        WHERE article_id = OLD.id AND encoding = 'current';
      END;
    `);
  },
};

function decode(encoding: string, document: Buffer): string {
  return encoding === 'deflate' ? strFromU8(inflateSync(document)) : document.toString('utf8');
}

/** Each article's newest revisions holding exactly its current document become references. */
function referenceCurrentDocuments(db: Database): void {
  // In batches by rowid: the whole table of documents need not sit in memory.
  const batch = db.prepare('SELECT rowid, id, document, doc_version FROM articles WHERE rowid > ? ORDER BY rowid LIMIT 500');
  const newestFirst = db.prepare('SELECT id, encoding, document, doc_version FROM revisions WHERE article_id = ? ORDER BY id DESC');
  const toReference = db.prepare(`UPDATE revisions SET encoding = 'current', document = X'' WHERE id = ?`);
  for (let after = 0; ; ) {
    const articles = batch.all(after) as { rowid: number; id: string; document: string; doc_version: number }[];
    if (!articles.length) return;
    for (const a of articles) {
      if (a.document.length > REFERENCE_UP_TO_BYTES) continue;
      for (const r of newestFirst.all(a.id) as { id: number; encoding: string; document: Buffer; doc_version: number }[]) {
        if (r.doc_version !== a.doc_version || decode(r.encoding, r.document) !== a.document) break;
        toReference.run(r.id);
      }
    }
    after = articles[articles.length - 1]!.rowid;
  }
}

function deflateLargeJson(db: Database): void {
  const rows = db.prepare(`SELECT id, document FROM revisions WHERE encoding = 'json' AND length(document) >= ${COMPRESS_FROM_BYTES}`).all() as { id: number; document: Buffer }[];
  const update = db.prepare(`UPDATE revisions SET encoding = 'deflate', document = ? WHERE id = ?`);
  for (const r of rows) update.run(Buffer.from(deflateSync(new Uint8Array(r.document), { level: 6 })), r.id);
}
