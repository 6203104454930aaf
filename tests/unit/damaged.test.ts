import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/main/cli/main';
import { DamagedDatabaseError } from '../../src/main/core/db/errors';
import { openDatabase } from '../../src/main/core/db/open';
import { ArticleRepository } from '../../src/main/core/store/articles';
import { backupNow, dailyBackupPath } from '../../src/main/core/backup';
import { doc } from '../support/store-fixture';
import { tempDir } from '../support/temp';
import { captureIo } from '../support/cli';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A healthy database with enough articles to span many pages, closed with its WAL folded in. */
function healthy(path: string): void {
  const db = openDatabase(path);
  const repo = new ArticleRepository(db);
  for (let i = 0; i < 60; i++) repo.create({ document: doc({ headline: `Bài số ${i}`, paragraphs: ['Công tác đào tạo, bồi dưỡng cán bộ. '.repeat(20)] }) });
  repo.search.flush();
  db.pragma('journal_mode = DELETE');
  db.close();
}

const cases: [string, (path: string) => void][] = [
  ['a truncated file (cut mid-page)', (p) => truncateSync(p, 5000)],
  ['a truncated file (cut on a page boundary)', (p) => truncateSync(p, 8192)],
  ['random bytes', (p) => writeFileSync(p, randomBytes(64 * 1024))],
  ['a file that is not SQLite (a text article)', (p) => writeFileSync(p, 'Từng bước đáp ứng yêu cầu của nền hành chính hiện đại\n'.repeat(100))],
  ['an SQLite header followed by garbage', (p) => writeFileSync(p, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), randomBytes(64 * 1024 - 16)]))],
  [
    'a file whose pages were overwritten',
    (p) => {
      const bytes = readFileSync(p);
      randomBytes(4096 * 3).copy(bytes, 4096);
      writeFileSync(p, bytes);
    },
  ],
];

describe('damaged database files', () => {
  for (const [name, damage] of cases) {
    it(`refuses ${name} with an error naming the file, and leaves it untouched`, async () => {
      const path = join(dir, 'newsroom.db');
      healthy(path);
      damage(path);
      const hash = sha(path);
      const filesBefore = readdirSync(dir).sort();
      let error: unknown;
      try {
        openDatabase(path, { check: 'full' }).close();
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(DamagedDatabaseError);
      expect((error as Error).message).toContain(path);
      expect((error as Error).message).toMatch(/left as it is/);
      expect(sha(path)).toBe(hash);

      // The CLI says the same in one line and points to the newest backup.
      const c = captureIo();
      expect(await main(['check', '--db', path], c.io)).toBe(1);
      expect(c.err[0]).toContain(path);
      expect(sha(path)).toBe(hash);
      expect(readdirSync(dir).filter((f) => !f.endsWith('-shm') && !f.endsWith('-wal')).sort()).toEqual(filesBefore);
    });
  }

  it('reports a file that opens but fails integrity_check: refused by a full check, listed by newsroom check', async () => {
    const path = join(dir, 'newsroom.db');
    healthy(path);
    // Make an index disagree with its table (one entry says "drafu" where the row says
    // "draft"): SQLite opens and reads the file, only integrity_check notices.
    const raw = new Database(path, { readonly: true });
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    const roots = raw.prepare(`SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'articles'`).all() as { rootpage: number }[];
    raw.close();
    const bytes = readFileSync(path);
    const leaf = roots.map((r) => (r.rootpage - 1) * pageSize).find((at) => bytes[at] === 0x0a && bytes.subarray(at, at + pageSize).includes('draft'));
    expect(leaf).toBeDefined();
    const at = bytes.indexOf('draft', leaf!);
    bytes[at + 4] = 'u'.charCodeAt(0);
    writeFileSync(path, bytes);
    const hash = sha(path);
    expect(() => openDatabase(path, { check: 'full' })).toThrow(DamagedDatabaseError);
    expect(sha(path)).toBe(hash);

    const backup = dailyBackupPath(path);
    const c = captureIo();
    expect(await main(['check', '--db', path], c.io)).toBe(1);
    expect(c.out.join('\n')).toMatch(/integrity: \d+ problems?/);
    expect(c.out.at(-1)).toBe(`${path}: problems found`);
    expect(existsSync(backup)).toBe(false);
  });

  it('offers the newest backup when the database cannot be opened', async () => {
    const path = join(dir, 'newsroom.db');
    healthy(path);
    const backup = dailyBackupPath(path);
    await backupNow(path, backup);
    writeFileSync(path, 'not a database');
    const c = captureIo();
    expect(await main(['check', '--db', path], c.io)).toBe(1);
    expect(c.err.join('\n')).toContain(`newsroom restore "${backup}"`);
  });

  it('passes newsroom check on a healthy database', async () => {
    const path = join(dir, 'newsroom.db');
    healthy(path);
    const c = captureIo();
    expect(await main(['check', '--db', path], c.io)).toBe(0);
    expect(c.out).toEqual(['integrity: ok', 'references: ok', 'documents: ok', 'search index: ok', ...c.out.slice(4, -1), `${path}: all checks passed`]);
  });
});
