import type { Migration } from './types';

/**
 * Trust for handoff packages (README "Review and handoff"): this machine's own
 * Ed25519 key pairs, the keys of others (seen in packages, trusted by the user, or
 * both), statuses that untrusted packages claimed but that do not count, and the
 * photos received as stripped copies with the original they say they come from.
 */
export const migration: Migration = {
  version: 9,
  name: 'trust',
  up(db) {
    db.exec(`
      -- The local profile's key pair. The private key never leaves this table except to
      -- a file the user chooses (newsroom profile export-key).
      CREATE TABLE profile_keys (
        profile_id   TEXT PRIMARY KEY REFERENCES review_profiles (id),
        public_key   BLOB NOT NULL,
        private_key  BLOB NOT NULL,
        fingerprint  TEXT NOT NULL UNIQUE,
        created_at   TEXT NOT NULL
      ) STRICT;

      -- Keys of others, by fingerprint (SHA-256 of the raw public key). A key is trusted
      -- when the user gave it a name and role (trusted_name); public_key is known once a
      -- package signed with it arrived; claimed_* is what that package said about itself.
      CREATE TABLE signing_keys (
        fingerprint    TEXT PRIMARY KEY CHECK (length(fingerprint) = 64),
        public_key     BLOB,
        claimed_name   TEXT,
        claimed_role   TEXT,
        profile_id     TEXT,
        first_seen_at  TEXT,
        last_seen_at   TEXT,
        trusted_name   TEXT,
        trusted_role   TEXT CHECK (trusted_role IN ('reporter', 'editor', 'desk')),
        trusted_at     TEXT,
        CHECK ((trusted_name IS NULL) = (trusted_role IS NULL))
      ) STRICT;

      -- An approval or publication a package claimed without a trusted signature. The
      -- article itself stays at the last state this machine accepts; the claim is shown
      -- until a local workflow move settles it.
      CREATE TABLE claimed_statuses (
        article_id   TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        status       TEXT NOT NULL,
        profile_id   TEXT NOT NULL REFERENCES review_profiles (id),
        fingerprint  TEXT,
        received_at  TEXT NOT NULL
      ) STRICT;

      -- A photo received as a copy with GPS and serial numbers taken out: stored under its
      -- own SHA-256 (copy_id); original_id is the photo it says it was made from, and
      -- vouched_by the trusted key that signed that link (NULL: only claimed).
      CREATE TABLE media_origins (
        copy_id      TEXT PRIMARY KEY,
        original_id  TEXT NOT NULL,
        vouched_by   TEXT
      ) STRICT;
    `);
  },
};
