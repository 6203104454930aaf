import type { Database } from 'better-sqlite3';
import { documentFromStored, type StoredDocument } from '../../../shared/document';
import { SearchIndex } from '../search/search-index';

/** What a check sees: the open database and where it lives (media live beside it). */
export interface CheckContext {
  db: Database;
  databasePath: string;
  /** Skip the slow, row-by-row checks. */
  quick: boolean;
}

/** One named check; returns the problems found, each one readable line (empty = fine). */
export interface DatabaseCheck {
  name: string;
  run(ctx: CheckContext): string[] | Promise<string[]>;
}

export interface CheckResult {
  name: string;
  problems: string[];
}

const MAX_LISTED = 20;

const integrity: DatabaseCheck = {
  name: 'integrity',
  run: ({ db }) => (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((r) => r !== 'ok'),
};

const foreignKeys: DatabaseCheck = {
  name: 'references',
  run: ({ db }) =>
    (db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]).map(
      (r) => `${r.table} row ${r.rowid} points to a missing ${r.parent} row`,
    ),
};

const documents: DatabaseCheck = {
  name: 'documents',
  run: ({ db, quick }) => {
    if (quick) return [];
    const problems: string[] = [];
    for (const row of db.prepare('SELECT id, doc_version, document FROM articles').iterate() as Iterable<{ id: string; doc_version: number; document: string }>) {
      try {
        documentFromStored({ version: row.doc_version, doc: JSON.parse(row.document) } as StoredDocument);
      } catch (err) {
        problems.push(`article ${row.id}: ${(err as Error).message}`);
        if (problems.length >= MAX_LISTED) break;
      }
    }
    return problems;
  },
};

/** Reports the index as it is; bringing it up to date is the repair's job ({@link repairSearchIndex}), never the check's. */
export const SEARCH_INDEX_CHECK = 'search index';

const searchIndex: DatabaseCheck = {
  name: SEARCH_INDEX_CHECK,
  run: ({ db }) => {
    const problems: string[] = [];
    for (const table of ['search_headline', 'search_text']) {
      try {
        db.prepare(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`).run();
      } catch (err) {
        problems.push(`${table}: ${(err as Error).message}`);
      }
    }
    const stale = db
      .prepare(
        `SELECT a.id FROM articles a LEFT JOIN search_map m ON m.article_id = a.id
         WHERE (a.deleted_at IS NULL AND (m.revision IS NULL OR m.revision <> a.revision)) OR (a.deleted_at IS NOT NULL AND m.rowid IS NOT NULL)
         LIMIT ${MAX_LISTED}`,
      )
      .all() as { id: string }[];
    for (const r of stale) problems.push(`article ${r.id} is not indexed as it stands (repair: newsroom check --repair)`);
    return problems;
  },
};

/**
 * Every check `newsroom check` runs, in order. Other parts of the core add theirs
 * (media files, for instance) with {@link registerCheck}.
 */
export const DATABASE_CHECKS: DatabaseCheck[] = [integrity, foreignKeys, documents, searchIndex];

export function registerCheck(check: DatabaseCheck): void {
  if (!DATABASE_CHECKS.some((c) => c.name === check.name)) DATABASE_CHECKS.push(check);
}

/** The repair `newsroom check --repair` makes: re-index every article; returns how many. */
export function repairSearchIndex(db: Database): number {
  return new SearchIndex(db).rebuild();
}

/** Run the checks; a check that throws reports that as its problem. */
export async function runChecks(ctx: CheckContext, checks: readonly DatabaseCheck[] = DATABASE_CHECKS): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    try {
      results.push({ name: check.name, problems: await check.run(ctx) });
    } catch (err) {
      results.push({ name: check.name, problems: [`the check failed: ${(err as Error).message}`] });
    }
  }
  return results;
}
