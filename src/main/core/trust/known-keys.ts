import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api';
import { toIsoWithOffset } from '../../../shared/dates';
import type { Profile, ProfileRole } from '../../../shared/review/model';
import type { KnownKey } from '../../../shared/review/trust';

interface SigningKeyRow {
  fingerprint: string;
  public_key: Buffer | null;
  claimed_name: string | null;
  claimed_role: string | null;
  profile_id: string | null;
  first_seen_at: string | null;
  last_seen_at: string | null;
  trusted_name: string | null;
  trusted_role: string | null;
  trusted_at: string | null;
}

/**
 * Colleagues' keys: every key a package was signed with is remembered (seen), and
 * the user trusts a key by its fingerprint, giving the name and role it belongs to.
 * A fingerprint can be trusted before any package signed with it arrives (read out
 * over the phone, say). Trust is never set by a package.
 */
export class KnownKeys {
  constructor(
    private readonly db: Database,
    private readonly now: () => string = () => toIsoWithOffset(new Date()),
  ) {}

  private row(fingerprint: string): SigningKeyRow | undefined {
    return this.db.prepare('SELECT * FROM signing_keys WHERE fingerprint = ?').get(fingerprint) as SigningKeyRow | undefined;
  }

  /** The name and role the user trusted this key as, or null. */
  trustedAs(fingerprint: string): { name: string; role: ProfileRole } | null {
    const row = this.row(fingerprint);
    return row?.trusted_name ? { name: row.trusted_name, role: row.trusted_role as ProfileRole } : null;
  }

  /** Remember that a package signed with this key arrived, and who it said it was from. */
  noteSeen(fingerprint: string, publicKey: Uint8Array, sender: Profile): void {
    const at = this.now();
    this.db
      .prepare(
        `INSERT INTO signing_keys (fingerprint, public_key, claimed_name, claimed_role, profile_id, first_seen_at, last_seen_at)
         VALUES (@fingerprint, @publicKey, @name, @role, @profileId, @at, @at)
         ON CONFLICT (fingerprint) DO UPDATE SET public_key = excluded.public_key, claimed_name = excluded.claimed_name,
           claimed_role = excluded.claimed_role, profile_id = excluded.profile_id, first_seen_at = coalesce(first_seen_at, excluded.first_seen_at),
           last_seen_at = excluded.last_seen_at`,
      )
      .run({ fingerprint, publicKey: Buffer.from(publicKey), name: sender.displayName, role: sender.role, profileId: sender.id, at });
  }

  trust(fingerprint: string, name: string, role: ProfileRole): KnownKey {
    this.db
      .prepare(
        `INSERT INTO signing_keys (fingerprint, trusted_name, trusted_role, trusted_at) VALUES (@fingerprint, @name, @role, @at)
         ON CONFLICT (fingerprint) DO UPDATE SET trusted_name = excluded.trusted_name, trusted_role = excluded.trusted_role, trusted_at = excluded.trusted_at`,
      )
      .run({ fingerprint, name, role, at: this.now() });
    return this.toKnown(this.row(fingerprint)!);
  }

  /** Take trust back; the key stays listed as seen if a package used it. */
  revoke(fingerprint: string): KnownKey | null {
    const row = this.row(fingerprint);
    if (!row?.trusted_name) throw new ApiError('not_found', `No trusted key has the fingerprint ${fingerprint}.`);
    if (!row.public_key) {
      this.db.prepare('DELETE FROM signing_keys WHERE fingerprint = ?').run(fingerprint);
      return null;
    }
    this.db.prepare('UPDATE signing_keys SET trusted_name = NULL, trusted_role = NULL, trusted_at = NULL WHERE fingerprint = ?').run(fingerprint);
    return this.toKnown(this.row(fingerprint)!);
  }

  /** Trusted keys by name, then keys seen but not trusted, newest first. */
  list(): KnownKey[] {
    const rows = this.db
      .prepare('SELECT * FROM signing_keys ORDER BY trusted_name IS NULL, trusted_name, last_seen_at DESC, fingerprint')
      .all() as SigningKeyRow[];
    return rows.map((r) => this.toKnown(r));
  }

  private toKnown(r: SigningKeyRow): KnownKey {
    return {
      fingerprint: r.fingerprint,
      kind: r.trusted_name ? 'trusted' : 'seen',
      name: r.trusted_name ?? r.claimed_name ?? '',
      role: ((r.trusted_role ?? r.claimed_role) as ProfileRole | null) ?? null,
      claimedName: r.claimed_name,
      claimedRole: r.claimed_role,
      lastSeenAt: r.last_seen_at,
      trustedAt: r.trusted_at,
    };
  }
}
