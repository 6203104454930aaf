import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/main/core/db/open';
import { NEWSROOM_APPLICATION_ID } from '../../src/main/core/db/identity';
import { tempDbPerTest } from '../support/temp-per-test';
import { runCli } from '../support/cli';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Another program's database, as a browser or a mail client leaves one: its own tables, maybe its own id, WAL on. */
function foreignDatabase(path: string, options: { applicationId?: number; wal?: boolean } = {}): void {
  const db = new Database(path);
  if (options.wal) db.pragma('journal_mode = WAL');
  if (options.applicationId) db.pragma(`application_id = ${options.applicationId}`);
  db.exec(`CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places (url) VALUES ('https://example.org/');`);
  db.pragma('user_version = 3');
  db.close();
}

describe("another application's SQLite file", () => {
  const temp = tempDbPerTest();

  for (const [label, options] of [
    ['unknown tables, no application_id, WAL', { wal: true }],
    ['another application_id', { applicationId: 0x0f055112 }],
  ] as const) {
    it(`is refused with a sentence and left byte-identical, no -wal/-shm (${label})`, async () => {
      foreignDatabase(temp.db, options);
      const before = sha(temp.db);
      const files = readdirSync(temp.dir).sort();
      for (const argv of [['list'], ['check'], ['backup']]) {
        const r = await runCli([...argv, '--db', temp.db]);
        expect(r.code).toBe(1);
        expect(r.err).toContain(`${temp.db} is not a Newsroom database (`);
        expect(r.err).not.toMatch(/unexpected error/);
      }
      expect(sha(temp.db)).toBe(before);
      expect(readdirSync(temp.dir).sort()).toEqual(files);
    });
  }

  it('names the foreign id and the unknown tables', async () => {
    foreignDatabase(temp.db, { applicationId: 0x0f055112 });
    expect((await runCli(['list', '--db', temp.db])).err).toContain('application_id 252006674 (0xf055112)');
    const other = `${temp.dir}/other.db`;
    foreignDatabase(other);
    expect((await runCli(['list', '--db', other])).err).toContain('tables Newsroom does not use: moz_places');
  });

  it('stamps new databases, and ours from before the stamp, with the Newsroom application_id', () => {
    const db = openDatabase(temp.db);
    expect(db.pragma('application_id', { simple: true })).toBe(NEWSROOM_APPLICATION_ID);
    db.pragma('application_id = 0'); // as every database was before
    db.close();
    const again = openDatabase(temp.db);
    expect(again.pragma('application_id', { simple: true })).toBe(NEWSROOM_APPLICATION_ID);
    again.close();
  });

  it('refuses a negative schema version with a sentence, leaving the file as it was', async () => {
    const db = openDatabase(temp.db);
    db.pragma('user_version = -4');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = sha(temp.db);
    const r = await runCli(['list', '--db', temp.db]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('is not a Newsroom database (its schema version -4 is one no Newsroom writes); it was left as it is');
    expect(sha(temp.db)).toBe(before);
  });
});
