/**
 * Backups of the Newsroom database, for the Electron shell and the CLI.
 *
 * Backups live in a `backups` folder beside the database, one file per day named
 * `<database name>-YYYY-MM-DD.db` (the day in the newsroom's time zone). They are
 * written with SQLite's online backup API, so the app keeps working meanwhile, and
 * each is checked with `integrity_check` before it replaces anything. Pruning keeps
 * the last 7 daily plus 4 weekly backups.
 *
 * The shell calls {@link backupIfDue} after opening the database (at most once a
 * day) and {@link backupNow} with {@link dailyBackupPath} when the app quits; when
 * opening fails it offers {@link restoreBackup} of {@link newestBackup}.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { connect, peekReadOnly } from '../db/driver';
import { foreignReason } from '../db/identity';
import { describeUsers, otherUsersOf } from '../db/in-use';
import { toIsoWithOffset } from '../../../shared/dates';
import { backupsToKeep } from './retention';
import { BackupError, verifyDatabaseFile } from './verify';

export { BackupError, verifyDatabaseFile } from './verify';
export { KEEP_DAILY, KEEP_WEEKLY, backupsToKeep } from './retention';

export interface BackupInfo {
  file: string;
  bytes: number;
  /** Schema version of the backed-up database. */
  version: number;
}

/** The folder holding automatic backups of the database at `dbPath`. */
export function backupDirFor(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

function stem(dbPath: string): string {
  return basename(dbPath, extname(dbPath)) || 'newsroom';
}

/** Calendar day of `now` in the newsroom's time zone, YYYY-MM-DD. */
function dayOf(now: Date): string {
  return toIsoWithOffset(now).slice(0, 10);
}

/** Where the automatic backup of `now`'s day goes. */
export function dailyBackupPath(dbPath: string, now: Date = new Date()): string {
  return join(backupDirFor(dbPath), `${stem(dbPath)}-${dayOf(now)}.db`);
}

/** Automatic backups of `dbPath`, newest first. */
export function listBackups(dbPath: string): { file: string; day: string }[] {
  const dir = backupDirFor(dbPath);
  if (!existsSync(dir)) return [];
  const pattern = new RegExp(`^${stem(dbPath).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d{4}-\\d{2}-\\d{2})\\.db$`);
  return readdirSync(dir)
    .map((name) => ({ name, m: pattern.exec(name) }))
    .filter((e) => e.m)
    .map((e) => ({ file: join(dir, e.name), day: e.m![1]! }))
    .sort((a, b) => (a.day < b.day ? 1 : -1));
}

/** The newest automatic backup of `dbPath`, or null when there is none. */
export function newestBackup(dbPath: string): string | null {
  return listBackups(dbPath)[0]?.file ?? null;
}

/**
 * Back up `source` (an open connection, or a database path opened read-only for the
 * copy) to `file` with the online backup API. The copy is written beside `file`,
 * verified with `integrity_check`, then renamed over it, so a failed backup never
 * replaces a good one. Throws {@link BackupError} when the copy does not verify.
 */
export async function backupNow(source: Database.Database | string, file: string): Promise<BackupInfo> {
  if (typeof source === 'string') {
    const foreign = peekReadOnly(source, foreignReason);
    if (foreign) throw new BackupError(`${source} is not a Newsroom database (${foreign}); nothing was backed up`);
  }
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const db = typeof source === 'string' ? connect(source, { readonly: true, fileMustExist: true }) : source;
  try {
    await db.backup(partial);
  } catch (err) {
    rmSync(partial, { force: true });
    throw new BackupError(`backup to ${file} failed: ${(err as Error).message}`);
  } finally {
    if (typeof source === 'string') db.close();
  }
  let info: { version: number; bytes: number };
  try {
    // A backup is one self-contained file: rollback journal, not WAL (restore turns WAL back on).
    const copy = connect(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    info = verifyDatabaseFile(partial);
  } catch (err) {
    rmSync(partial, { force: true });
    throw new BackupError(`backup to ${file} did not verify: ${(err as Error).message}`);
  }
  renameSync(partial, file);
  return { file, ...info };
}

/** Delete automatic backups beyond the last 7 daily and 4 weekly; returns the deleted files. */
export function pruneBackups(dbPath: string): string[] {
  const all = listBackups(dbPath);
  const keep = backupsToKeep(all.map((b) => b.day));
  const deleted: string[] = [];
  for (const b of all) {
    if (keep.has(b.day)) continue;
    rmSync(b.file, { force: true });
    deleted.push(b.file);
  }
  return deleted;
}

/**
 * The daily automatic backup: when `now`'s day has no backup yet, write one (from
 * `db` when given, else from the file) and prune old ones. Returns null when today's
 * backup already exists.
 */
export async function backupIfDue(dbPath: string, now: Date = new Date(), db?: Database.Database): Promise<BackupInfo | null> {
  const file = dailyBackupPath(dbPath, now);
  if (existsSync(file)) return null;
  const info = await backupNow(db ?? dbPath, file);
  pruneBackups(dbPath);
  return info;
}

/**
 * Replace the database at `dbPath` with `backupFile`. The backup is verified first
 * (integrity, not from a newer app); the current database, if any, is kept aside as
 * `<db>.before-restore-<time>` (with its -wal/-shm files), never deleted. Refused
 * while any other connection has the database open (the app, `serve`, another
 * command): that process would go on saving into the file kept aside, where no one
 * sees the saves. Returns the path the old file was moved to.
 */
export function restoreBackup(backupFile: string, dbPath: string, now: Date = new Date()): { keptAside: string | null; version: number } {
  const { version } = verifyDatabaseFile(backupFile);
  const users = otherUsersOf(dbPath);
  if (users) {
    throw new BackupError(`${dbPath} is open in ${describeUsers(users)}; close it there first, then restore again`);
  }
  const stamp = toIsoWithOffset(now).slice(0, 19).replace(/:/g, '');
  let keptAside: string | null = null;
  if (!existsSync(dbPath)) {
    for (const suffix of ['-wal', '-shm']) if (existsSync(dbPath + suffix)) throw new BackupError(`${dbPath + suffix} exists without its database; move it away first`);
  }
  const incoming = `${dbPath}.restoring`;
  copyFileSync(backupFile, incoming);
  if (existsSync(dbPath)) {
    keptAside = `${dbPath}.before-restore-${stamp}`;
    for (let n = 2; existsSync(keptAside); n++) keptAside = `${dbPath}.before-restore-${stamp}-${n}`;
    renameSync(dbPath, keptAside);
    for (const suffix of ['-wal', '-shm']) if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, keptAside + suffix);
  }
  renameSync(incoming, dbPath);
  return { keptAside, version };
}
