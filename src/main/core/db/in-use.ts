import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { connect } from './driver';

/**
 * Whether another connection (another process: the app, `newsroom serve`, or a
 * second command) has the database open, so a file operation that replaces the
 * database (restore) can refuse instead of leaving that process writing into a
 * file nobody reads any more.
 *
 * The test is SQLite's own: a connection to a WAL database keeps a shared lock on
 * the database file for as long as it is open, so an exclusive lock can only be
 * had when no other connection exists. The check takes that lock (exclusive
 * locking mode, no busy wait) and releases it at once; this works on every
 * platform SQLite supports. On Linux, `/proc/locks` then names the holders.
 */

export interface DatabaseUser {
  pid: number;
  /** What the process is, as far as the system tells ("newsroom serve", "electron …"). */
  command: string;
}

/** Null when nobody else has `path` open; otherwise who does (empty when the system cannot say). */
export function otherUsersOf(path: string): DatabaseUser[] | null {
  if (!existsSync(path)) return null;
  const users = lockHolders(path);
  if (heldBySqliteConnection(path)) return users;
  return users.length ? users : null;
}

/** True when an exclusive lock on the database cannot be had right now. */
function heldBySqliteConnection(path: string): boolean {
  let db;
  try {
    db = connect(path, { fileMustExist: true, timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
    return false;
  } catch (err) {
    // Busy is the answer; any other failure (a damaged file) says nothing about other users.
    return /SQLITE_BUSY|SQLITE_LOCKED/.test((err as { code?: string }).code ?? '');
  } finally {
    db?.close();
  }
}

/** Processes other than this one holding a POSIX lock on the file (Linux only; elsewhere empty). */
function lockHolders(path: string): DatabaseUser[] {
  let locks: string;
  try {
    locks = readFileSync('/proc/locks', 'utf8');
  } catch {
    return [];
  }
  const inode = statSync(path).ino;
  const pids = new Set<number>();
  for (const line of locks.split('\n')) {
    // "1: POSIX  ADVISORY  READ 4242 08:01:1234567 1073741826 1073741826"
    const m = /^\d+:\s+(?:->\s+)?\S+\s+\S+\s+\S+\s+(\d+)\s+[0-9a-f]+:[0-9a-f]+:(\d+)\s/i.exec(line);
    if (m && Number(m[2]) === inode && Number(m[1]) !== process.pid) pids.add(Number(m[1]));
  }
  return [...pids].sort((a, b) => a - b).map((pid) => ({ pid, command: commandOf(pid) }));
}

/** Node options whose value is the next argument, skipped when looking for the script a runtime runs. */
const RUNTIME_OPTIONS_WITH_VALUE = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);

/** A short, readable name for a process: `newsroom <command>` for our CLI, else the program (or the script a runtime runs). */
function commandOf(pid: number): string {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const cli = args.findIndex((a) => /(^|\/)newsroom(\.js)?$/.test(a));
    if (cli >= 0) return ['newsroom', ...args.slice(cli + 1).filter((a) => !a.startsWith('-')).slice(0, 1)].join(' ');
    const program = basename(args[0] ?? '?');
    if (!/^(node|nodejs|electron)$/i.test(program)) return program;
    for (let i = 1; i < args.length; i++) {
      if (RUNTIME_OPTIONS_WITH_VALUE.has(args[i]!)) i++;
      else if (!args[i]!.startsWith('-')) return `${program} ${basename(args[i]!)}`;
    }
    return program;
  } catch {
    return 'unknown program';
  }
}

/** "newsroom serve (process 4242)" for each user, or a general phrase when the system does not say. */
export function describeUsers(users: DatabaseUser[]): string {
  if (!users.length) return 'another program';
  return users.map((u) => `${u.command} (process ${u.pid})`).join(', ');
}
