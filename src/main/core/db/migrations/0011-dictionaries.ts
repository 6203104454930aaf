import { DEFAULT_NEWSROOM_WORDS } from '../../../../shared/proofing/dictionary';
import type { Migration } from './types';

/**
 * Proofing dictionaries (README "Proofing"): the newsroom dictionary the desk
 * keeps, seeded with the paper's default list; entries offered by handoff packages
 * whose signer is not trusted as desk, waiting for the desk to accept them; and
 * each profile's personal dictionary. Also the log of exports the desk let
 * through past proofing errors, kept with the article's workflow history.
 */
export const migration: Migration = {
  version: 11,
  name: 'dictionaries',
  up(db) {
    db.exec(`
      -- added_by: display name of whoever added the entry; NULL for the default list.
      CREATE TABLE newsroom_words (
        word      TEXT PRIMARY KEY CHECK (length(word) BETWEEN 1 AND 200),
        kind      TEXT NOT NULL CHECK (kind IN ('person', 'place', 'ethnic', 'organisation', 'word')),
        added_by  TEXT,
        added_at  TEXT NOT NULL
      ) STRICT;

      -- One offer per word: a later package offering the same word replaces the offer.
      CREATE TABLE newsroom_words_offered (
        word         TEXT PRIMARY KEY CHECK (length(word) BETWEEN 1 AND 200),
        kind         TEXT NOT NULL CHECK (kind IN ('person', 'place', 'ethnic', 'organisation', 'word')),
        offered_by   TEXT NOT NULL,
        fingerprint  TEXT,
        offered_at   TEXT NOT NULL
      ) STRICT;

      CREATE TABLE personal_words (
        profile_id  TEXT NOT NULL REFERENCES review_profiles (id),
        word        TEXT NOT NULL CHECK (length(word) BETWEEN 1 AND 200),
        added_at    TEXT NOT NULL,
        PRIMARY KEY (profile_id, word)
      ) STRICT;

      -- An export or publication past proofing errors: who (NULL: no profile set up), the
      -- reason given, and the overridden findings as JSON [{part, rule, text}].
      CREATE TABLE proofing_overrides (
        id           TEXT PRIMARY KEY,
        article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        revision     INTEGER NOT NULL,
        profile_id   TEXT REFERENCES review_profiles (id),
        at           TEXT NOT NULL,
        kind         TEXT NOT NULL CHECK (kind IN ('preview', 'publish')),
        reason       TEXT NOT NULL CHECK (length(reason) > 0),
        findings     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX proofing_overrides_by_article ON proofing_overrides (article_id, at);
    `);
    const seed = db.prepare("INSERT OR IGNORE INTO newsroom_words (word, kind, added_by, added_at) VALUES (?, ?, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
    for (const { word, kind } of DEFAULT_NEWSROOM_WORDS) seed.run(word.normalize('NFC'), kind);
  },
};
