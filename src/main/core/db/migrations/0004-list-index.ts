import type { Migration } from './types';

/**
 * The article list's first page: live articles newest first. A partial index on
 * exactly that order lets the list read 100 index entries instead of sorting.
 */
export const migration: Migration = {
  version: 4,
  name: 'list-index',
  up(db) {
    db.exec(`
      -- Replaced: (deleted_at, updated_at) made the planner sort ties on id for every page.
      DROP INDEX articles_by_updated;
      CREATE INDEX articles_all_by_updated ON articles (updated_at DESC, id);
      CREATE INDEX articles_live_by_updated ON articles (updated_at DESC, id) WHERE deleted_at IS NULL;
      CREATE INDEX articles_live_by_status ON articles (status, updated_at DESC, id) WHERE deleted_at IS NULL;
    `);
  },
};
