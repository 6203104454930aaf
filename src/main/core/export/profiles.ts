import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api';
import { toIsoWithOffset } from '../../../shared/dates';
import { cssFetchProblem } from '../../../shared/css-safety';
import { DEFAULT_PROFILE, DEFAULT_PROFILE_NAME, PublicationProfile, type ProfileRecord } from '../../../shared/export';

interface ProfileRow {
  name: string;
  version: number;
  profile: string;
  created_at: string;
}

/**
 * A stored profile. CSS saved before the current CSS rule that the rule now
 * refuses is taken out of the profile (exports must not fetch anything) and
 * handed back as `cssLeftOut`, so the desk sees it and nothing is lost.
 */
function rowToRecord(row: ProfileRow): ProfileRecord {
  const stored = JSON.parse(row.profile) as Record<string, unknown>;
  const record = { name: row.name, version: row.version, updatedAt: row.created_at };
  const css = typeof stored.css === 'string' ? stored.css : '';
  if (cssFetchProblem(css) === null) return { ...record, profile: PublicationProfile.parse(stored) };
  return { ...record, profile: PublicationProfile.parse({ ...stored, css: '' }), cssLeftOut: css };
}

/**
 * Publication profiles. Saving never overwrites: it adds version n+1, so every
 * export record can point at the exact settings it was made with. The default
 * profile exists implicitly (version 0) until the desk first saves it.
 */
export class ProfileRepository {
  constructor(
    private readonly db: Database,
    private readonly now: () => string = () => toIsoWithOffset(new Date()),
  ) {}

  /** The newest version of every profile, the default first. */
  list(): ProfileRecord[] {
    const rows = this.db
      .prepare(
        `SELECT p.* FROM publication_profiles p
         WHERE p.version = (SELECT max(version) FROM publication_profiles q WHERE q.name = p.name)
         ORDER BY p.name = @d DESC, p.name`,
      )
      .all({ d: DEFAULT_PROFILE_NAME }) as ProfileRow[];
    const records = rows.map(rowToRecord);
    if (!records.some((r) => r.name === DEFAULT_PROFILE_NAME)) records.unshift(this.builtInDefault());
    return records;
  }

  /** The newest version of `name`, or a specific `version`. */
  get(name: string, version?: number): ProfileRecord {
    const row = (
      version === undefined
        ? this.db.prepare('SELECT * FROM publication_profiles WHERE name = ? ORDER BY version DESC LIMIT 1').get(name)
        : this.db.prepare('SELECT * FROM publication_profiles WHERE name = ? AND version = ?').get(name, version)
    ) as ProfileRow | undefined;
    if (row) return rowToRecord(row);
    if (name === DEFAULT_PROFILE_NAME && (version === undefined || version === 0)) return this.builtInDefault();
    throw new ApiError('not_found', `No publication profile named "${name}"${version === undefined ? '' : ` at version ${version}`}.`);
  }

  /** Store a new version; `baseVersion` guards against two editors saving over each other. */
  save(name: string, profile: PublicationProfile, baseVersion?: number): ProfileRecord {
    const checked = PublicationProfile.parse(profile);
    return this.db
      .transaction(() => {
        const current = (this.db.prepare('SELECT max(version) AS v FROM publication_profiles WHERE name = ?').get(name) as { v: number | null }).v ?? 0;
        if (baseVersion !== undefined && baseVersion !== current) {
          throw new ApiError('conflict', `The profile "${name}" was changed elsewhere (version ${current}, you had ${baseVersion}).`);
        }
        const record: ProfileRecord = { name, version: current + 1, profile: checked, updatedAt: this.now() };
        this.db
          .prepare('INSERT INTO publication_profiles (name, version, profile, created_at) VALUES (?, ?, ?, ?)')
          .run(name, record.version, JSON.stringify(checked), record.updatedAt);
        return record;
      })
      .immediate();
  }

  private builtInDefault(): ProfileRecord {
    return { name: DEFAULT_PROFILE_NAME, version: 0, profile: DEFAULT_PROFILE, updatedAt: '1970-01-01T00:00:00Z' };
  }
}
