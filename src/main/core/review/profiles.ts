import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api';
import { toIsoWithOffset } from '../../../shared/dates';
import type { Profile, ProfileInput, ProfileRole } from '../../../shared/review/model';
import { OwnKeys } from '../trust/own-keys';

interface ProfileRow {
  id: string;
  display_name: string;
  initials: string;
  role: string;
  color: string;
  created_at: string;
  is_local: number;
}

const rowToProfile = (r: ProfileRow): Profile => ({
  id: r.id,
  displayName: r.display_name,
  initials: r.initials,
  role: r.role as ProfileRole,
  color: r.color,
  createdAt: r.created_at,
});

/**
 * People: this machine's own profile (set on first run; every comment, suggestion
 * and status change made here carries it) and the profiles of colleagues that
 * arrived with handoff packages, kept so their names and colours show.
 */
export class PeopleRepository {
  constructor(
    private readonly db: Database,
    private readonly now: () => string = () => toIsoWithOffset(new Date()),
  ) {}

  local(): Profile | null {
    const row = this.db.prepare('SELECT * FROM review_profiles WHERE is_local = 1').get() as ProfileRow | undefined;
    return row ? rowToProfile(row) : null;
  }

  /** The local profile, or a clear error asking the user to set one up. */
  requireLocal(): Profile {
    const p = this.local();
    if (!p) throw new ApiError('forbidden', 'Set up your profile (name, initials, role) before reviewing articles.');
    return p;
  }

  /**
   * Create the local profile on first run, or update it (same id, so past work keeps
   * its author). A new profile gets its Ed25519 key pair in the same transaction.
   */
  setLocal(input: ProfileInput): Profile {
    return this.db
      .transaction(() => {
        const existing = this.local();
        if (existing) {
          this.db
            .prepare('UPDATE review_profiles SET display_name = @displayName, initials = @initials, role = @role, color = @color WHERE id = @id')
            .run({ ...input, id: existing.id });
          return { ...existing, ...input };
        }
        const profile: Profile = { id: randomUUID(), createdAt: this.now(), ...input };
        this.db
          .prepare('INSERT INTO review_profiles (id, display_name, initials, role, color, created_at, is_local) VALUES (@id, @displayName, @initials, @role, @color, @createdAt, 1)')
          .run(profile);
        new OwnKeys(this.db).ensure(profile.id);
        return profile;
      })
      .immediate();
  }

  get(id: string): Profile | null {
    const row = this.db.prepare('SELECT * FROM review_profiles WHERE id = ?').get(id) as ProfileRow | undefined;
    return row ? rowToProfile(row) : null;
  }

  /** The local profile first, then colleagues by name. */
  list(): Profile[] {
    const rows = this.db.prepare('SELECT * FROM review_profiles ORDER BY is_local DESC, display_name, id').all() as ProfileRow[];
    return rows.map(rowToProfile);
  }

  /**
   * Record a colleague's profile from a package. A newer name or colour replaces the
   * stored one; the local profile is never overwritten by someone else's package.
   */
  remember(profile: Profile): void {
    const existing = this.get(profile.id);
    if (!existing) {
      this.db
        .prepare('INSERT INTO review_profiles (id, display_name, initials, role, color, created_at, is_local) VALUES (@id, @displayName, @initials, @role, @color, @createdAt, 0)')
        .run(profile);
      return;
    }
    const isLocal = (this.db.prepare('SELECT is_local FROM review_profiles WHERE id = ?').get(profile.id) as { is_local: number }).is_local === 1;
    if (isLocal) return;
    this.db
      .prepare('UPDATE review_profiles SET display_name = @displayName, initials = @initials, role = @role, color = @color WHERE id = @id')
      .run(profile);
  }
}

/**
 * Who the store records as the author of each revision: the local profile's name,
 * or the operating-system user until a profile is set up.
 */
export function revisionAuthor(db: Database, fallback: () => string): () => string {
  const people = new PeopleRepository(db);
  return () => people.local()?.displayName ?? fallback();
}
