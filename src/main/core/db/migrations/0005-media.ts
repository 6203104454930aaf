import type { Migration } from './types';

/**
 * The media store's index (the files themselves live beside the database, see
 * README "Photos") and each article's chosen lead image.
 */
export const migration: Migration = {
  version: 5,
  name: 'media',
  up(db) {
    db.exec(`
      CREATE TABLE media (
        id               TEXT PRIMARY KEY CHECK (length(id) = 64),
        format           TEXT NOT NULL,
        mime_type        TEXT NOT NULL,
        width            INTEGER NOT NULL,
        height           INTEGER NOT NULL,
        byte_size        INTEGER NOT NULL,
        file_name        TEXT NOT NULL DEFAULT '',
        created_at       TEXT NOT NULL,
        description      TEXT NOT NULL DEFAULT '{}',
        private_metadata TEXT NOT NULL DEFAULT '{}',
        preview_mime     TEXT
      ) STRICT;
      ALTER TABLE articles ADD COLUMN featured_media_id TEXT;
    `);
  },
};
