import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';

let nativeBinding: string | undefined;

/**
 * Use a better-sqlite3 addon built for another ABI for every connection this
 * process opens. The Electron shell calls it once at start with its own build;
 * Node hosts (CLI, browser host, tests) never call it.
 */
export function useNativeBinding(path: string | undefined): void {
  nativeBinding = path || undefined;
}

/** Open a better-sqlite3 connection; the one place the core constructs one. */
export function connect(path: string, options: Database.Options = {}): Database.Database {
  return new Database(path, nativeBinding ? { ...options, nativeBinding } : options);
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The application_id stored in the file's header (offset 68), read without opening it as a database; 0 when absent. */
export function headerApplicationId(path: string): number {
  const field = Buffer.alloc(4);
  const fd = openSync(path, 'r');
  try {
    if (readSync(fd, field, 0, 4, 68) < 4) return 0;
  } finally {
    closeSync(fd);
  }
  return field.readInt32BE(0);
}

/** True when the file starts with SQLite's magic header (read without opening it as a database). */
export function hasSqliteHeader(path: string): boolean {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return header.equals(SQLITE_HEADER);
}

/**
 * Run `read` on a read-only connection to `path`, then close it. Opening a
 * WAL-mode file read-only creates -wal/-shm files beside it; those this call
 * created are removed again, so a file we only looked at keeps no trace of it.
 */
export function peekReadOnly<T>(path: string, read: (db: Database.Database) => T): T {
  const created = ['-wal', '-shm'].map((s) => path + s).filter((f) => !existsSync(f));
  let db: Database.Database | undefined;
  try {
    db = connect(path, { readonly: true, fileMustExist: true });
    return read(db);
  } finally {
    db?.close();
    for (const f of created) if (existsSync(f) && (f.endsWith('-shm') || statSync(f).size === 0)) rmSync(f, { force: true });
  }
}
