import { closeSync, openSync, readSync } from 'node:fs';
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
