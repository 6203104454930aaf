import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { connect, hasSqliteHeader, headerApplicationId, peekReadOnly } from './driver';
import { DamagedDatabaseError, DatabaseOpenError, ForeignDatabaseError, NewerDatabaseError } from './errors';
import { foreignReason, NEWSROOM_APPLICATION_ID } from './identity';
import { MIGRATIONS } from './migrations';
import { migrate } from './migrate';
import type { Migration } from './migrations/types';


/** Milliseconds a writer waits for another process's write before reporting "busy". */
export const BUSY_TIMEOUT_MS = 3000;

export interface OpenOptions {
  /** Migrations to apply; tests pass a prefix to build an older database. */
  migrations?: readonly Migration[];
  /** Milliseconds to wait for another process's write lock before failing with "busy". */
  busyTimeoutMs?: number;
  /**
   * How hard to look for damage before using the file. 'probe' (default) reads the
   * schema and the first row of every table: enough for truncated or scrambled files,
   * and cheap at any size. 'full' also runs `PRAGMA integrity_check` (about a second
   * per 50 MB): the shell uses it after a session that did not end cleanly.
   */
  check?: 'probe' | 'full';
}

/** The first problems `integrity_check` reports, or an empty list when the file is sound. */
export function integrityProblems(db: Database.Database, max = 10): string[] {
  return (db.pragma(`integrity_check(${max})`) as { integrity_check: string }[]).map((r) => r.integrity_check).filter((r) => r !== 'ok');
}

/** Read the schema and touch every table, so structural damage shows up now and not mid-save. */
function probe(db: Database.Database): void {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'`).all() as { name: string }[];
  for (const { name } of tables) db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}" LIMIT 1`).get();
}

/** True when this process may write `path` (file or folder); false on a read-only disk too. */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** SQLite cannot even read a WAL database whose folder it may not write (it needs `-shm` beside it). */
function readOnlyFolderError(path: string): DatabaseOpenError {
  return new DatabaseOpenError(
    path,
    `${path} is in a folder Newsroom cannot write to, and reading it needs a ${basename(path)}-shm file beside it; copy the database to a writable folder or make this one writable. The file was left as it is.`,
  );
}

const READ_ONLY_FOLDER_CODES = /^SQLITE_(READONLY_DIRECTORY|CANTOPEN)/;

/**
 * Open (creating if needed) the Newsroom database at `path`: checks the file is
 * SQLite and ours, refuses newer versions, sets WAL, FULL sync, foreign keys and a
 * busy timeout, then runs migrations. Never overwrites or deletes an existing file.
 *
 * A file or folder this process may not write is opened read-only: reading,
 * listing, searching and preflight work; every write (an export records what it
 * wrote, so it is one) is refused by SQLite
 * (SQLITE_READONLY), which the hosts turn into one sentence. A read-only database
 * that needs migrating is refused, since upgrading it means writing it.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Database.Database {
  let readOnly = false;
  if (path !== ':memory:') {
    if (existsSync(path)) {
      assertLooksLikeSqlite(path);
      readOnly = !writable(path) || !writable(dirname(path));
      assertNewsroomFile(path);
    } else {
      mkdirSync(dirname(path), { recursive: true });
      if (!writable(dirname(path))) {
        throw new DatabaseOpenError(path, `${path} does not exist, and its folder cannot be written, so no new database can be made there; choose a writable folder.`);
      }
    }
  }
  let db: Database.Database;
  try {
    db = connect(path, readOnly ? { readonly: true, fileMustExist: true } : {});
  } catch (err) {
    throw new DamagedDatabaseError(path, `${path} cannot be opened as a database: ${(err as Error).message}`);
  }
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? BUSY_TIMEOUT_MS}`);
    // Read the version before any pragma that writes, so a newer file stays untouched.
    const version = db.pragma('user_version', { simple: true }) as number;
    const migrations = options.migrations ?? MIGRATIONS;
    const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
    if (version > latest) throw new NewerDatabaseError(path, version, latest);
    const foreign = foreignReason(db);
    if (foreign) throw new ForeignDatabaseError(path, foreign);
    // Look for damage before the first write (WAL switch, migrations) touches the file.
    probe(db);
    if (readOnly) return openedReadOnly(db, path, version, latest);
    if (options.check === 'full') {
      const problems = integrityProblems(db, 3);
      if (problems.length) {
        throw new DamagedDatabaseError(path, `${path} is damaged (integrity check: ${problems.join('; ')}); it was left as it is.`);
      }
    }
    db.pragma('journal_mode = WAL');
    // FULL: a save the UI reported as done must survive power loss, not only a crash.
    // The cost (one extra fsync of the WAL per commit) is a few ms, well inside autosave's budget.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Search reads doclists and list pages repeatedly: keep more of them in memory (32 MB).
    db.pragma('cache_size = -32768');
    migrate(db, migrations, path);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof DatabaseOpenError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (readOnly && READ_ONLY_FOLDER_CODES.test(code)) throw readOnlyFolderError(path);
    if (/SQLITE_(CORRUPT|NOTADB)/.test(code)) {
      throw new DamagedDatabaseError(path, `${path} is damaged (${(err as Error).message}); it was left as it is.`);
    }
    throw err;
  }
}

/** The read-only connection as it is: no WAL switch, no migration, no stamp (each would write). */
function openedReadOnly(db: Database.Database, path: string, version: number, latest: number): Database.Database {
  if (version < latest) {
    throw new DatabaseOpenError(
      path,
      `${path} cannot be written and is from an older Newsroom (database version ${version}; this app needs ${latest}). Upgrading it means writing it: make it writable, then open it again. The file was left as it is.`,
    );
  }
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -32768');
  return db;
}

/**
 * Refuse another application's SQLite file before any connection that could write
 * to it: a foreign application_id is read from the header; a file without one is
 * looked at read-only (no -wal/-shm left behind) for tables our schema never had.
 */
function assertNewsroomFile(path: string): void {
  if (statSync(path).size === 0) return;
  const id = headerApplicationId(path);
  if (id === NEWSROOM_APPLICATION_ID) return;
  let reason: string | null;
  try {
    reason = peekReadOnly(path, foreignReason);
  } catch (err) {
    if (READ_ONLY_FOLDER_CODES.test((err as { code?: string }).code ?? '') && !writable(dirname(path))) throw readOnlyFolderError(path);
    if (/SQLITE_(CORRUPT|NOTADB)/.test((err as { code?: string }).code ?? '')) {
      throw new DamagedDatabaseError(path, `${path} is damaged (${(err as Error).message}); it was left as it is.`);
    }
    throw err;
  }
  if (reason) throw new ForeignDatabaseError(path, reason);
}

function assertLooksLikeSqlite(path: string): void {
  const stat = statSync(path);
  if (stat.isDirectory()) throw new DatabaseOpenError(path, `${path} is a folder, not a database file; give the path of a .db file (a new name starts a new database).`);
  const size = stat.size;
  if (size === 0) return; // an empty file is a new database
  if (!hasSqliteHeader(path)) {
    throw new DamagedDatabaseError(path, `${path} is not a Newsroom database (it is not an SQLite file); it was left as it is.`);
  }
  if (size < 512 || size % 512 !== 0) {
    throw new DamagedDatabaseError(path, `${path} is truncated or damaged (size ${size} bytes); it was left as it is.`);
  }
}
