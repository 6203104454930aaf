import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/main/cli/main';
import {
  BackupError,
  backupDirFor,
  backupIfDue,
  backupNow,
  backupsToKeep,
  dailyBackupPath,
  listBackups,
  newestBackup,
  pruneBackups,
  restoreBackup,
} from '../../src/main/core/backup';
import { createCore } from '../../src/main/core/core';
import { LATEST_VERSION } from '../../src/main/core/db/migrations';
import type { SearchResult } from '../../src/shared/search';
import type { Article } from '../../src/shared/article';
import { doc, storeFixture } from '../support/store-fixture';
import { captureIo } from '../support/cli';

let fx: ReturnType<typeof storeFixture>;
beforeEach(() => (fx = storeFixture()));
afterEach(() => fx.cleanup());

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const day = (iso: string) => new Date(`${iso}T12:00:00+07:00`);

describe('retention', () => {
  it('keeps the last 7 daily backups plus one for each of the 4 weeks before them', () => {
    const days: string[] = [];
    for (let d = new Date(Date.UTC(2026, 0, 1)); d <= new Date(Date.UTC(2026, 2, 31)); d = new Date(d.getTime() + 86_400_000)) days.push(d.toISOString().slice(0, 10));
    const keep = [...backupsToKeep(days)].sort();
    expect(keep).toEqual([
      // the newest of each of the 4 weeks before (weeks start on Monday; 2026-03-31 is a Tuesday,
      // so the week of 2026-03-23 is already represented by the daily backups)
      '2026-03-01', '2026-03-08', '2026-03-15', '2026-03-22',
      // the last 7 days
      '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31',
    ]);
  });

  it('keeps everything while there are few backups', () => {
    expect([...backupsToKeep(['2026-01-01', '2026-01-05'])].sort()).toEqual(['2026-01-01', '2026-01-05']);
  });
});

describe('backups', () => {
  it('backs up the open database online and verifies the copy', async () => {
    const a = await fx.call('createArticle', { document: doc({ headline: 'Sao lưu' }) });
    const file = join(backupDirFor(fx.dbPath), 'manual.db');
    const info = await backupNow(fx.core.db, file);
    expect(info).toMatchObject({ file, version: LATEST_VERSION });
    expect(existsSync(`${file}.partial`)).toBe(false);
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT headline FROM articles WHERE id = ?').get(a.meta.id)).toEqual({ headline: 'Sao lưu' });
    copy.close();
    // The app keeps writing.
    await fx.call('saveArticle', { id: a.meta.id, document: doc({ headline: 'Sau sao lưu' }) });
  });

  it('makes the automatic backup at most once a day and prunes old ones', async () => {
    await fx.call('createArticle', { document: doc({ headline: 'Hằng ngày' }) });
    const first = await backupIfDue(fx.dbPath, day('2026-03-02'), fx.core.db);
    expect(first?.file).toBe(dailyBackupPath(fx.dbPath, day('2026-03-02')));
    expect(await backupIfDue(fx.dbPath, day('2026-03-02'), fx.core.db)).toBeNull();
    // Forty days of opening the app once a day.
    for (let t = Date.UTC(2026, 1, 20); t <= Date.UTC(2026, 2, 31); t += 86_400_000) await backupIfDue(fx.dbPath, day(new Date(t).toISOString().slice(0, 10)), fx.core.db);
    const kept = listBackups(fx.dbPath).map((b) => b.day);
    expect(kept).toHaveLength(7 + 4);
    expect(kept.slice(0, 7)).toEqual(['2026-03-31', '2026-03-30', '2026-03-29', '2026-03-28', '2026-03-27', '2026-03-26', '2026-03-25']);
    expect(newestBackup(fx.dbPath)).toBe(dailyBackupPath(fx.dbPath, day('2026-03-31')));
    expect(pruneBackups(fx.dbPath)).toEqual([]);
    // Files that are not ours are never touched.
    writeFileSync(join(backupDirFor(fx.dbPath), 'notes.txt'), 'x');
    pruneBackups(fx.dbPath);
    expect(readdirSync(backupDirFor(fx.dbPath))).toContain('notes.txt');
  });

  it('the quit-time backup replaces the day\'s file only after the new copy verifies', async () => {
    const a = await fx.call('createArticle', { document: doc({ headline: 'Sáng' }) });
    const file = dailyBackupPath(fx.dbPath);
    await backupNow(fx.core.db, file);
    await fx.call('saveArticle', { id: a.meta.id, document: doc({ headline: 'Chiều' }) });
    await backupNow(fx.core.db, file);
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare('SELECT headline FROM articles').get()).toEqual({ headline: 'Chiều' });
    copy.close();
  });
});

describe('restore', () => {
  it('restores a backup and keeps the replaced database aside under a new name', async () => {
    const a = await fx.call('createArticle', { document: doc({ headline: 'Trước sự cố', paragraphs: ['Đào tạo cán bộ.'] }) });
    const backup = dailyBackupPath(fx.dbPath);
    await backupNow(fx.core.db, backup);
    await fx.call('saveArticle', { id: a.meta.id, document: doc({ headline: 'Sau sao lưu' }) });
    fx.core.close();
    writeFileSync(fx.dbPath, 'hỏng'); // the database is damaged
    const damaged = sha(fx.dbPath);

    const c = captureIo();
    expect(await main(['restore', backup, '--db', fx.dbPath], c.io)).toBe(0);
    const aside = c.out.join('\n').match(/kept as (.+)\.$/)![1]!;
    expect(aside).toMatch(/newsroom\.db\.before-restore-\d{4}-\d{2}-\d{2}T\d{6}/);
    expect(sha(aside)).toBe(damaged);

    const core = createCore({ databasePath: fx.dbPath, host: 'browser' });
    try {
      const got = await core.call('getArticle', { id: a.meta.id });
      expect(got.ok && (got.value as Article).meta.slug).toBe('truoc-su-co');
      const found = await core.call('searchArticles', { query: 'dao tao' });
      expect(found.ok && (found.value as SearchResult).items.map((h) => h.article.id)).toEqual([a.meta.id]);
    } finally {
      core.close();
    }
  });

  it('refuses a damaged or newer backup and changes nothing', async () => {
    await fx.call('createArticle', { document: doc({ headline: 'Giữ nguyên' }) });
    fx.core.close();
    const current = sha(fx.dbPath);
    const bad = join(backupDirFor(fx.dbPath), 'bad.db');
    await backupNow(fx.dbPath, bad);
    const bytes = readFileSync(bad);
    bytes.fill(0x41, 4096, 4096 * 3);
    writeFileSync(bad, bytes);
    expect(() => restoreBackup(bad, fx.dbPath)).toThrow(BackupError);

    const newer = join(backupDirFor(fx.dbPath), 'newer.db');
    await backupNow(fx.dbPath, newer);
    const raw = new Database(newer);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const c = captureIo();
    expect(await main(['restore', newer, '--db', fx.dbPath], c.io)).toBe(1);
    expect(c.err[0]).toMatch(new RegExp(`newer Newsroom .*version ${LATEST_VERSION + 1}.*nothing was changed`));
    expect(await main(['restore', join(backupDirFor(fx.dbPath), 'missing.db'), '--db', fx.dbPath], c.io)).toBe(1);
    expect(sha(fx.dbPath)).toBe(current);
    expect(readdirSync(join(fx.dbPath, '..')).filter((f) => f.includes('before-restore'))).toEqual([]);
  });

  it('newsroom backup writes a verified copy on demand', async () => {
    await fx.call('createArticle', { document: doc({ headline: 'Theo yêu cầu' }) });
    const target = join(backupDirFor(fx.dbPath), '..', 'on-demand.db');
    const c = captureIo();
    expect(await main(['backup', target, '--db', fx.dbPath], c.io)).toBe(0);
    expect(c.out[0]).toMatch(/integrity verified/);
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 1 });
    copy.close();
    expect(await main(['backup', fx.dbPath, '--db', fx.dbPath], c.io)).toBe(1);
    expect(c.err.at(-1)).toMatch(/cannot replace the database itself/);
  });
});
