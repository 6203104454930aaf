import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DamagedDatabaseError, NewerDatabaseError } from './errors';
import { MIGRATIONS } from './migrations';
import { migrate } from './migrate';
import type { Migration } from './migrations/types';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Milliseconds a writer waits for another process's write before reporting "busy". */
export const BUSY_TIMEOUT_MS = 3000;

export interface OpenOptions {
  /** Migrations to apply; tests pass a prefix to build an older database. */
  migrations?: readonly Migration[];
  /** Path of a better-sqlite3 addon built for another ABI (the Electron shell passes its own). */
  nativeBinding?: string;
}

/**
 * Open (creating if needed) the Newsroom database at `path`: checks the file is
 * SQLite, refuses newer versions, sets WAL, FULL sync, foreign keys and a busy
 * timeout, then runs migrations. Never overwrites or deletes an existing file.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Database.Database {
  if (path !== ':memory:') {
    if (existsSync(path)) assertLooksLikeSqlite(path);
    else mkdirSync(dirname(path), { recursive: true });
  }
  let db: Database.Database;
  try {
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (err) {
    throw new DamagedDatabaseError(path, `${path} cannot be opened as a database: ${(err as Error).message}`);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Read the version before any pragma that writes, so a newer file stays untouched.
    const version = db.pragma('user_version', { simple: true }) as number;
    const migrations = options.migrations ?? MIGRATIONS;
    const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
    if (version > latest) throw new NewerDatabaseError(path, version, latest);
    db.pragma('journal_mode = WAL');
    // FULL: a save the UI reported as done must survive power loss, not only a crash.
    // The cost (one extra fsync of the WAL per commit) is a few ms, well inside autosave's budget.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, path);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof NewerDatabaseError || err instanceof DamagedDatabaseError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (/SQLITE_(CORRUPT|NOTADB)/.test(code)) {
      throw new DamagedDatabaseError(path, `${path} is damaged (${(err as Error).message}); it was left as it is.`);
    }
    throw err;
  }
}

function assertLooksLikeSqlite(path: string): void {
  const size = statSync(path).size;
  if (size === 0) return; // an empty file is a new database
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (!header.equals(SQLITE_HEADER)) {
    throw new DamagedDatabaseError(path, `${path} is not a Newsroom database (it is not an SQLite file); it was left as it is.`);
  }
  if (size < 512 || size % 512 !== 0) {
    throw new DamagedDatabaseError(path, `${path} is truncated or damaged (size ${size} bytes); it was left as it is.`);
  }
}
