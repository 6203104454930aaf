import type { Database } from 'better-sqlite3';
import { MIGRATIONS } from './migrations';
import { connect } from './driver';

/**
 * Which SQLite files are Newsroom databases. Every database Newsroom opens gets
 * `PRAGMA application_id = NEWSROOM_APPLICATION_ID` (the bytes "NWRM" as a
 * big-endian integer, 0x4E57524D), so `file(1)` and other tools can tell it apart
 * and Newsroom can refuse another application's file instead of migrating it
 * (adding its tables, switching it to WAL). A database from before the stamp
 * (application_id 0) is recognised by its tables: only names Newsroom's own
 * migrations create.
 */
export const NEWSROOM_APPLICATION_ID = 0x4e57524d;

let knownTables: Set<string> | null = null;

/**
 * Every table and index name any version of our schema has had, found by running
 * the migrations one by one on an in-memory database (so new migrations need no
 * list kept by hand). FTS5 shadow tables are included.
 */
function ourSchemaNames(): Set<string> {
  if (knownTables) return knownTables;
  const names = new Set<string>();
  const db = connect(':memory:');
  try {
    for (const step of MIGRATIONS) {
      step.up(db);
      for (const r of db.prepare(`SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')`).all() as { name: string }[]) names.add(r.name);
    }
  } finally {
    db.close();
  }
  knownTables = names;
  return names;
}

/**
 * Why the database on `db` is not Newsroom's, or null when it is (or is empty):
 * another application_id, a negative schema version, or tables our schema never had.
 */
export function foreignReason(db: Database): string | null {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  if (applicationId !== 0 && applicationId !== NEWSROOM_APPLICATION_ID) {
    return `it belongs to another application: application_id ${applicationId} (0x${(applicationId >>> 0).toString(16)})`;
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version < 0) return `its schema version ${version} is one no Newsroom writes`;
  if (applicationId === NEWSROOM_APPLICATION_ID) return null;
  const ours = ourSchemaNames();
  const tables = (db.prepare(`SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`).all() as { name: string }[]).map((r) => r.name);
  const unknown = tables.filter((t) => !ours.has(t));
  if (unknown.length) return `it holds tables Newsroom does not use: ${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ', …' : ''}`;
  return null;
}

/** Mark the database as Newsroom's (idempotent; a header write, no schema change). */
export function stampApplicationId(db: Database): void {
  if ((db.pragma('application_id', { simple: true }) as number) !== NEWSROOM_APPLICATION_ID) db.pragma(`application_id = ${NEWSROOM_APPLICATION_ID}`);
}
