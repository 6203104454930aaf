import type { Migration } from './types';
import { toIsoWithOffset } from '../../../../shared/dates';
import { insertBuiltinTemplates } from '../../templates/builtin';

/**
 * Documents for the desk: article templates (news, interview, photo story, brief,
 * and the desk's own), and a record of every Word file export wrote, so a later
 * export replaces only a file that is still byte for byte the one Newsroom wrote.
 */
export const migration: Migration = {
  version: 10,
  name: 'desk-documents',
  up(db) {
    db.exec(`
      CREATE TABLE article_templates (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        document    TEXT NOT NULL,
        meta        TEXT NOT NULL,
        position    INTEGER NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE word_exports (
        path         TEXT PRIMARY KEY,
        sha256       TEXT NOT NULL,
        article_id   TEXT NOT NULL REFERENCES articles (id),
        revision     INTEGER NOT NULL,
        exported_at  TEXT NOT NULL
      ) STRICT;
    `);
    insertBuiltinTemplates(db, toIsoWithOffset(new Date()));
  },
};
