import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { hasSqliteHeader, peekReadOnly } from '../db/driver';
import { LATEST_VERSION } from '../db/migrations';
import { foreignReason } from '../db/identity';

/** Why a backup cannot be used. */
export class BackupError extends Error {
  override name = 'BackupError';
}


/**
 * Check that `file` is a complete, readable Newsroom database this app can open:
 * SQLite header, `PRAGMA integrity_check` = ok, schema version not newer than ours.
 * Opens read-only; never changes the file. Returns its schema version.
 */
export function verifyDatabaseFile(file: string): { version: number; bytes: number } {
  let bytes: number;
  try {
    bytes = statSync(file).size;
  } catch {
    throw new BackupError(`${file}: no such file`);
  }
  if (!hasSqliteHeader(file)) throw new BackupError(`${file} is not a Newsroom database (not an SQLite file)`);
  try {
    return peekReadOnly(file, (db) => check(db, file, bytes));
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`${file} cannot be read as a database: ${(err as Error).message}`);
  }
}

/** The checks of {@link verifyDatabaseFile} on an open read-only connection. */
function check(db: Database.Database, file: string, bytes: number): { version: number; bytes: number } {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  if (problems.length) throw new BackupError(`${file} failed the integrity check: ${problems.slice(0, 3).join('; ')}`);
  const foreign = foreignReason(db);
  if (foreign) throw new BackupError(`${file} is not a Newsroom database (${foreign})`);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > LATEST_VERSION) {
    throw new BackupError(`${file} was written by a newer Newsroom (database version ${version}; this app understands up to ${LATEST_VERSION})`);
  }
  return { version, bytes };
}
