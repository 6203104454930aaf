import type { Migration } from './types';

/**
 * Search filters inside the index, and a smaller index.
 *
 * - Both FTS5 tables gain a `facets` column: one token per status, section, author
 *   and tag (see search/facets.ts). A filtered search then asks FTS5 for "these
 *   words AND these facet tokens", which it answers by seeking through doclists, so
 *   a filter that leaves few or no articles no longer reads every hit of the words.
 * - Prefix indexes are kept for 1 and 2 characters only ("ch", "đ", "cán b"); the
 *   3-character one cost a quarter of the text index and longer prefixes are
 *   answered well from the terms themselves.
 *
 * The tables are rebuilt empty and every article is marked for re-indexing; the
 * index catches up on the first search or write after opening.
 */
export const migration: Migration = {
  version: 12,
  name: 'search-facets',
  up(db) {
    db.exec(`
      DROP TABLE search_headline;
      DROP TABLE search_text;
      DELETE FROM search_map;
      CREATE VIRTUAL TABLE search_headline USING fts5 (
        headline, facets,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2'
      );
      CREATE VIRTUAL TABLE search_text USING fts5 (
        headline, lead, body, captions, byline, tags, slug, facets,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2'
      );
      INSERT OR IGNORE INTO search_dirty (article_id) SELECT id FROM articles;
    `);
  },
};
