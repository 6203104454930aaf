import type { Database } from 'better-sqlite3';
import { NewerDatabaseError } from './errors';
import { stampApplicationId } from './identity';
import type { Migration } from './migrations/types';

/**
 * Bring the database to the newest version in `migrations`, one transaction per
 * step so a failed step leaves the previous version intact, then mark it as ours
 * (`application_id`). A database from a newer app is refused before anything is written.
 */
export function migrate(db: Database, migrations: readonly Migration[], path: string): { from: number; to: number } {
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latest) throw new NewerDatabaseError(path, from, latest);
  for (const step of migrations) {
    if (step.version <= from) continue;
    db.transaction(() => {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
  }
  // Marks new databases and those from before the stamp; see identity.ts.
  stampApplicationId(db);
  return { from, to: Math.max(from, latest) };
}
