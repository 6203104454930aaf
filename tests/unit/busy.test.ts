import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/main/cli/main';
import { BUSY_TIMEOUT_MS } from '../../src/main/core/db/open';
import { crashDocument, crashMarker } from '../support/crash-doc';
import { doc, storeFixture } from '../support/store-fixture';

const WRITER = join(import.meta.dirname, '..', 'support', 'crash-writer.ts');

let fx: ReturnType<typeof storeFixture>;
beforeEach(() => (fx = storeFixture()));
afterEach(() => fx.cleanup());

describe('a second process on the same database', () => {
  it(`waits for another writer, then reports "busy" clearly after ${BUSY_TIMEOUT_MS} ms and loses nothing`, async () => {
    const a = await fx.call('createArticle', { document: doc({ headline: 'Bản một' }) });
    const other = new Database(fx.dbPath);
    other.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    const error = await fx.fail('saveArticle', { id: a.meta.id, document: doc({ headline: 'Bản hai' }) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(BUSY_TIMEOUT_MS - 100);
    expect(error).toEqual({ code: 'busy', message: 'The database is busy with another Newsroom window or command; try again in a moment.' });
    // Reads still work while the other process writes.
    expect((await fx.call('getArticle', { id: a.meta.id })).revision).toBe(1);
    other.exec('COMMIT');
    other.close();
    const saved = await fx.call('saveArticle', { id: a.meta.id, document: doc({ headline: 'Bản hai' }) });
    expect(saved.revision).toBe(2);
    expect(fx.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 20_000);

  it('lets two processes save at the same time without corrupting the file or losing saves', async () => {
    const mine = await fx.call('createArticle', { document: doc({ headline: 'Của tôi' }) });
    const theirs = await fx.call('createArticle', { document: crashDocument(0) });
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, fx.dbPath, theirs.meta.id, '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (out += d));
    child.stderr.on('data', (d) => (stderr += String(d)));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (out.includes('ack 1\n')) {
          clearInterval(timer);
          resolve();
        }
      }, 10);
      child.on('exit', () => reject(new Error(`writer ended early: ${stderr}`)));
    });
    // Save while the other process is saving as fast as it can.
    let revision = 1;
    for (let i = 1; i <= 40; i++) {
      revision = (await fx.call('saveArticle', { id: mine.meta.id, baseRevision: revision, document: doc({ headline: `Của tôi ${i}` }), reason: i % 10 === 0 ? 'save' : 'autosave' })).revision;
    }
    const done = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await done;
    const acked = Math.max(...[...out.matchAll(/ack (\d+)\n/g)].map((m) => Number(m[1])));
    expect(acked).toBeGreaterThan(1);
    expect(revision).toBe(41);
    const theirsNow = fx.core.db.prepare('SELECT document FROM articles WHERE id = ?').get(theirs.meta.id) as { document: string };
    expect(crashMarker(theirsNow.document)).toBeGreaterThanOrEqual(acked);
    expect(fx.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const found = await fx.call('searchArticles', { query: '"của tôi 40"' });
    expect(found.items.map((h) => h.article.id)).toEqual([mine.meta.id]);
  }, 60_000);

  it('runs CLI commands while the app has the database open', async () => {
    await fx.call('createArticle', { document: doc({ headline: 'Đang mở trong ứng dụng' }) });
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    expect(await main(['search', 'dang mo', '--db', fx.dbPath], io)).toBe(0);
    expect(out[0]).toContain('«Đang» «mở» trong ứng dụng');
    expect(await main(['backup', join(fx.dbPath, '..', 'live.db'), '--db', fx.dbPath], io)).toBe(0);
    expect(await main(['check', '--db', fx.dbPath], io)).toBe(0);
    // The app keeps working afterwards.
    expect((await fx.call('listArticles', {})).total).toBe(1);
  });
});
