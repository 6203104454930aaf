import type { Migration } from './types';

/**
 * Full-text search. Text is folded by Newsroom before it reaches FTS5 (NFC, marks
 * removed, đ → d, lower case), because unicode61 alone leaves đ/Đ unfolded.
 *
 * - `search_map` gives every indexed article a search rowid derived from its
 *   `updated_at` (seconds << 20, plus a counter), so rowid order is "most recently
 *   changed first" and FTS5 can answer `ORDER BY rowid DESC LIMIT n` by reading
 *   doclists backwards and stopping early: the candidate set is bounded by design.
 * - `search_headline` holds only headlines, consulted first so headline hits rank
 *   above body hits without scoring the whole corpus.
 * - `search_text` holds every searchable field (headline, lead, body, captions and
 *   credits, byline, tags, slug).
 * - Both are contentless (the text lives in `articles`) with contentless_delete so a
 *   re-index never has to re-tokenise the old text. Prefix indexes of 1-3 characters
 *   keep "typing" queries (`can b`) from merging hundreds of term lists.
 * - `search_dirty` lists articles written but not yet re-indexed. Writers add to it
 *   in the same transaction as the save; the indexer empties it. A crash between the
 *   two leaves the marker, so the index is repaired on the next open.
 */
export const migration: Migration = {
  version: 3,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE TABLE search_map (
        rowid      INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL UNIQUE,
        revision   INTEGER NOT NULL
      ) STRICT;
      CREATE VIRTUAL TABLE search_headline USING fts5 (
        headline,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
      );
      CREATE VIRTUAL TABLE search_text USING fts5 (
        headline, lead, body, captions, byline, tags, slug,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
      );
      CREATE TABLE search_dirty (article_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
      INSERT INTO search_dirty (article_id) SELECT id FROM articles;
    `);
  },
};
