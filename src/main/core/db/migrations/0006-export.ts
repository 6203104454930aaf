import type { Migration } from './types';

/**
 * Publication profiles (every saved version kept, so an export names the exact
 * profile it used), the record of every export, and the rendition cache that lets a
 * re-export reuse encoded photos instead of running sharp again.
 */
export const migration: Migration = {
  version: 6,
  name: 'export',
  up(db) {
    db.exec(`
      CREATE TABLE publication_profiles (
        name        TEXT NOT NULL,
        version     INTEGER NOT NULL,
        profile     TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        PRIMARY KEY (name, version)
      ) STRICT;
      CREATE TABLE export_records (
        id               INTEGER PRIMARY KEY,
        article_id       TEXT NOT NULL,
        article_revision INTEGER NOT NULL,
        kind             TEXT NOT NULL CHECK (kind IN ('publish', 'preview')),
        profile_name     TEXT NOT NULL,
        profile_version  INTEGER NOT NULL,
        slug             TEXT NOT NULL,
        out_path         TEXT NOT NULL,
        index_sha256     TEXT NOT NULL,
        manifest_sha256  TEXT NOT NULL,
        exported_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX export_records_by_article ON export_records (article_id, id DESC);
      CREATE TABLE export_renditions (
        key      TEXT PRIMARY KEY,
        width    INTEGER NOT NULL,
        height   INTEGER NOT NULL,
        format   TEXT NOT NULL,
        bytes    BLOB NOT NULL
      ) STRICT;
    `);
  },
};
