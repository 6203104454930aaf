import type { Migration } from './types';

/** Articles with their metadata and current document. */
export const migration: Migration = {
  version: 1,
  name: 'articles',
  up(db) {
    db.exec(`
      CREATE TABLE articles (
        id             TEXT PRIMARY KEY,
        slug           TEXT NOT NULL,
        section        TEXT NOT NULL DEFAULT '',
        tags           TEXT NOT NULL DEFAULT '[]',
        status         TEXT NOT NULL DEFAULT 'draft',
        dateline_place TEXT NOT NULL DEFAULT '',
        agency_tag     TEXT NOT NULL DEFAULT '',
        language       TEXT NOT NULL DEFAULT 'vi',
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        published_at   TEXT,
        length_target  TEXT NOT NULL DEFAULT '{}',
        doc_version    INTEGER NOT NULL,
        document       TEXT NOT NULL,
        revision       INTEGER NOT NULL DEFAULT 1,
        headline       TEXT NOT NULL DEFAULT '',
        authors        TEXT NOT NULL DEFAULT '[]',
        word_count     INTEGER NOT NULL DEFAULT 0,
        deleted_at     TEXT
      ) STRICT;
      CREATE INDEX articles_by_updated ON articles (deleted_at, updated_at DESC);
      CREATE INDEX articles_by_status ON articles (status, updated_at DESC);
    `);
  },
};
