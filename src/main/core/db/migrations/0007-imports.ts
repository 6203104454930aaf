import type { Migration } from './types';

/**
 * Imports: the original file of every imported article is kept as an attachment
 * (the media store holds photos only), and each import is recorded with the name of
 * the revision it created ("imported from <file name>") and its report.
 */
export const migration: Migration = {
  version: 7,
  name: 'imports',
  up(db) {
    db.exec(`
      CREATE TABLE attachments (
        id          INTEGER PRIMARY KEY,
        article_id  TEXT NOT NULL REFERENCES articles (id),
        file_name   TEXT NOT NULL,
        media_type  TEXT NOT NULL,
        byte_size   INTEGER NOT NULL,
        sha256      TEXT NOT NULL,
        purpose     TEXT NOT NULL CHECK (purpose IN ('import-original')),
        created_at  TEXT NOT NULL,
        data        BLOB NOT NULL
      ) STRICT;
      CREATE INDEX attachments_by_article ON attachments (article_id);

      CREATE TABLE article_imports (
        id             INTEGER PRIMARY KEY,
        article_id     TEXT NOT NULL REFERENCES articles (id),
        revision_id    INTEGER,
        revision_name  TEXT NOT NULL,
        file_name      TEXT NOT NULL,
        format         TEXT NOT NULL,
        encoding       TEXT,
        attachment_id  INTEGER REFERENCES attachments (id),
        imported_at    TEXT NOT NULL,
        report         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX article_imports_by_article ON article_imports (article_id);
    `);
  },
};
