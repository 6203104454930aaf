import type { Migration } from './types';

/**
 * Review: the people who work on articles (this machine's own profile and those that
 * arrived in handoff packages), comment threads, suggestions (tracked changes kept
 * beside the document, see README "Review and handoff"), the workflow log and
 * handoff conflicts awaiting a choice.
 */
export const migration: Migration = {
  version: 8,
  name: 'review',
  up(db) {
    db.exec(`
      CREATE TABLE review_profiles (
        id            TEXT PRIMARY KEY,
        display_name  TEXT NOT NULL,
        initials      TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (role IN ('reporter', 'editor', 'desk')),
        color         TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        is_local      INTEGER NOT NULL DEFAULT 0 CHECK (is_local IN (0, 1))
      ) STRICT;
      CREATE UNIQUE INDEX review_profiles_one_local ON review_profiles (is_local) WHERE is_local = 1;

      CREATE TABLE review_comments (
        id           TEXT PRIMARY KEY,
        article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        thread_id    TEXT NOT NULL,
        author_id    TEXT NOT NULL REFERENCES review_profiles (id),
        body         TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        edited_at    TEXT,
        anchor       TEXT,
        detached     INTEGER NOT NULL DEFAULT 0 CHECK (detached IN (0, 1)),
        resolved_at  TEXT,
        resolved_by  TEXT REFERENCES review_profiles (id)
      ) STRICT;
      CREATE INDEX review_comments_by_article ON review_comments (article_id, thread_id, created_at);

      CREATE TABLE review_suggestions (
        id          TEXT PRIMARY KEY,
        article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        author_id   TEXT NOT NULL REFERENCES review_profiles (id),
        created_at  TEXT NOT NULL,
        anchor      TEXT NOT NULL,
        change      TEXT NOT NULL,
        status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
        decided_by  TEXT REFERENCES review_profiles (id),
        decided_at  TEXT,
        inverse     TEXT
      ) STRICT;
      CREATE INDEX review_suggestions_by_article ON review_suggestions (article_id, status);

      CREATE TABLE review_transitions (
        id               TEXT PRIMARY KEY,
        article_id       TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        from_status      TEXT NOT NULL,
        to_status        TEXT NOT NULL,
        profile_id       TEXT NOT NULL REFERENCES review_profiles (id),
        at               TEXT NOT NULL,
        note             TEXT NOT NULL DEFAULT '',
        override_reason  TEXT,
        revision         INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX review_transitions_by_article ON review_transitions (article_id, at);

      -- A package whose article changed on both machines: their version is kept as a
      -- parallel revision until someone chooses (keep mine, take theirs, merged by hand).
      CREATE TABLE review_conflicts (
        id            TEXT PRIMARY KEY,
        article_id    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        revision_id   INTEGER NOT NULL,
        sender_id     TEXT NOT NULL REFERENCES review_profiles (id),
        received_at   TEXT NOT NULL,
        resolved_at   TEXT,
        resolved_by   TEXT REFERENCES review_profiles (id),
        resolution    TEXT CHECK (resolution IN ('mine', 'theirs', 'merged'))
      ) STRICT;
      CREATE INDEX review_conflicts_by_article ON review_conflicts (article_id, resolved_at);
    `);
  },
};
