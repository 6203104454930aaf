import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArticleRepository } from '../../src/main/core/store/articles';
import { AUTOSAVE_REVISION_INTERVAL_MS } from '../../src/main/core/store/revisions';
import { referencedMediaIds } from '../../src/main/core/store/media-refs';
import { openDatabase } from '../../src/main/core/db/open';
import { documentFromStored } from '../../src/shared/document';
import { doc, storeFixture } from '../support/store-fixture';
import { moveAlongWorkflow } from '../support/workflow';
import { tempDir } from '../support/temp';
import { join } from 'node:path';
import fc from 'fast-check';
import type Database from 'better-sqlite3';

let fx: ReturnType<typeof storeFixture>;
beforeEach(() => (fx = storeFixture()));
afterEach(() => fx.cleanup());

/** A repository on its own connection with a clock the test moves. */
function withClock(dbPath: string) {
  let t = Date.parse('2026-03-02T08:00:00+07:00');
  const db = openDatabase(dbPath);
  const repo = new ArticleRepository(db, { now: () => new Date(t).toISOString().replace(/\.\d+Z$/, '+00:00'), author: () => 'Thu Hà' });
  return { repo, db, advance: (ms: number) => (t += ms) };
}

/** The ordered page queries (`ORDER BY`) run on `db` while `work` runs, with their bound values. */
function capturePageQueries(db: Database.Database, work: () => unknown): { sql: string; params: unknown[] }[] {
  const ran: { sql: string; params: unknown[] }[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    if (!/ORDER BY/i.test(sql)) return statement;
    const all = statement.all.bind(statement);
    statement.all = ((...params: unknown[]) => {
      ran.push({ sql, params });
      return all(...params);
    }) as typeof statement.all;
    return statement;
  }) as typeof db.prepare;
  try {
    work();
  } finally {
    db.prepare = prepare;
  }
  return ran;
}

describe('revisions', () => {
  it('records create, explicit save, status change and import, with who, when and why', async () => {
    const a = await fx.call('createArticle', { document: doc({ headline: 'Tin một', paragraphs: ['Bản đầu.'] }) });
    await fx.call('saveArticle', { id: a.meta.id, document: doc({ headline: 'Tin một', paragraphs: ['Bản hai.'] }), reason: 'save' });
    await moveAlongWorkflow(fx.core, a.meta.id, 'submitted');
    const imported = await fx.call('createArticle', { document: doc({ headline: 'Nhập từ tệp' }), reason: 'import' });
    const history = await fx.call('listRevisions', { articleId: a.meta.id });
    expect(history.items.map((r) => r.reason)).toEqual(['status', 'save', 'create']);
    expect(history.total).toBe(3);
    expect(history.items[0]!.status).toBe('submitted');
    for (const r of history.items) {
      expect(r.author).toBeTruthy();
      expect(r.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    expect((await fx.call('listRevisions', { articleId: imported.meta.id })).items.map((r) => r.reason)).toEqual(['import']);
  });

  it('keeps at most one autosave revision per five minutes of continuous typing', () => {
    const { repo, db, advance } = withClock(fx.dbPath);
    const id = repo.create({ document: doc({ headline: 'Gõ liên tục' }) }).meta.id;
    // 20 minutes of autosaves every 2 seconds.
    for (let i = 1; i <= 600; i++) {
      advance(2000);
      repo.save({ id, document: doc({ headline: 'Gõ liên tục', paragraphs: [`Chữ thứ ${i}`] }), reason: 'autosave' });
    }
    const items = repo.listRevisions(id, { limit: 100, offset: 0 }).items;
    expect(items.filter((r) => r.reason === 'autosave')).toHaveLength(4);
    const times = items.map((r) => Date.parse(r.createdAt)).reverse();
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(AUTOSAVE_REVISION_INTERVAL_MS);
    expect(items.every((r) => r.author === 'Thu Hà')).toBe(true);
    db.close();
  });

  it('an explicit save always makes a revision, even seconds after another', () => {
    const { repo, db, advance } = withClock(fx.dbPath);
    const id = repo.create({ document: doc({ headline: 'A' }) }).meta.id;
    advance(1000);
    repo.save({ id, document: doc({ headline: 'B' }), reason: 'save' });
    advance(1000);
    repo.save({ id, document: doc({ headline: 'C' }), reason: 'save' });
    expect(repo.listRevisions(id, { limit: 10, offset: 0 }).items.map((r) => r.headline)).toEqual(['C', 'B', 'A']);
    db.close();
  });

  it('restores an old revision as a new one and never rewrites history', async () => {
    const a = await fx.call('createArticle', { document: doc({ headline: 'Bản gốc', paragraphs: ['Đoạn gốc về hoà bình.'] }), meta: { section: 'Thời sự' } });
    const saved = await fx.call('saveArticle', {
      id: a.meta.id,
      document: doc({ headline: 'Bản sửa', paragraphs: ['Đoạn đã sửa.'] }),
      meta: { section: 'Kinh tế' },
      reason: 'save',
    });
    const before = await fx.call('listRevisions', { articleId: a.meta.id });
    const original = before.items.find((r) => r.reason === 'create')!;
    const restored = await fx.call('restoreRevision', { articleId: a.meta.id, revisionId: original.id, baseRevision: saved.revision });
    expect(restored.meta.section).toBe('Thời sự');
    expect(documentFromStored(restored.document).textContent).toContain('Đoạn gốc về hoà bình.');
    expect(restored.revision).toBe(saved.revision + 1);
    const after = await fx.call('listRevisions', { articleId: a.meta.id });
    expect(after.total).toBe(before.total + 1);
    expect(after.items[0]).toMatchObject({ reason: 'restore', restoredFrom: original.id, headline: 'Bản gốc' });
    // The old rows are untouched.
    expect(after.items.slice(1)).toEqual(before.items);
    const again = await fx.call('getRevision', { articleId: a.meta.id, revisionId: before.items[0]!.id });
    expect(again.headline).toBe('Bản sửa');
    expect(again.meta.section).toBe('Kinh tế');
  });

  it('refuses a restore over a newer save (conflict) and a revision of another article (not found)', async () => {
    const a = await fx.call('createArticle', { document: doc({ headline: 'Một' }) });
    const b = await fx.call('createArticle', { document: doc({ headline: 'Hai' }) });
    const revA = (await fx.call('listRevisions', { articleId: a.meta.id })).items[0]!;
    expect((await fx.fail('getRevision', { articleId: b.meta.id, revisionId: revA.id })).code).toBe('not_found');
    expect((await fx.fail('restoreRevision', { articleId: b.meta.id, revisionId: revA.id })).code).toBe('not_found');
    await fx.call('saveArticle', { id: a.meta.id, document: doc({ headline: 'Một sửa' }) });
    const conflict = await fx.fail('restoreRevision', { articleId: a.meta.id, revisionId: revA.id, baseRevision: 1 });
    expect(conflict.code).toBe('conflict');
    expect((await fx.fail('listRevisions', { articleId: '00000000-0000-4000-8000-000000000000' })).code).toBe('not_found');
    expect((await fx.fail('getRevision', { articleId: a.meta.id, revisionId: -1 })).code).toBe('invalid_input');
  });

  it('keeps the revision of the current document as a reference, then compressed once the text moves on, byte for byte', async () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => `Đoạn ${i}: công tác đào tạo, bồi dưỡng cán bộ, công chức giai đoạn 2011 – 2015.`);
    const a = await fx.call('createArticle', { document: doc({ headline: 'Bài dài', paragraphs }) });
    const stored = (id: number) => fx.core.db.prepare('SELECT encoding, length(document) AS bytes FROM revisions WHERE id = ?').get(id) as { encoding: string; bytes: number };
    const first = (await fx.call('listRevisions', { articleId: a.meta.id })).items[0]!;
    expect(stored(first.id)).toEqual({ encoding: 'current', bytes: 0 });
    expect((await fx.call('getRevision', { articleId: a.meta.id, revisionId: first.id })).document).toEqual(a.document);
    // An autosave changes the text: the old text is kept, plain until the next revision.
    await fx.call('saveArticle', { id: a.meta.id, document: doc({ headline: 'Bài dài, sửa', paragraphs }), reason: 'autosave' });
    expect(stored(first.id).encoding).toBe('json');
    expect((await fx.call('getRevision', { articleId: a.meta.id, revisionId: first.id })).document).toEqual(a.document);
    await fx.call('saveArticle', { id: a.meta.id, document: doc({ headline: 'Bài dài, sửa lần hai', paragraphs }), reason: 'save' });
    expect(stored(first.id).encoding).toBe('deflate');
    expect(stored(first.id).bytes).toBeLessThan(JSON.stringify(a.document.doc).length / 3);
    expect((await fx.call('getRevision', { articleId: a.meta.id, revisionId: first.id })).document).toEqual(a.document);
  });

  it('deflates the revision of a long document at once, so no autosave writes its old text', async () => {
    const paragraphs = Array.from({ length: 400 }, (_, i) => `Đoạn ${i}: công tác đào tạo, bồi dưỡng cán bộ, công chức giai đoạn 2011 – 2015.`);
    const a = await fx.call('createArticle', { document: doc({ headline: 'Bài rất dài', paragraphs }) });
    const first = (await fx.call('listRevisions', { articleId: a.meta.id })).items[0]!;
    const row = fx.core.db.prepare('SELECT encoding, length(document) AS bytes FROM revisions WHERE id = ?').get(first.id) as { encoding: string; bytes: number };
    expect(row.encoding).toBe('deflate');
    expect(row.bytes).toBeLessThan(JSON.stringify(a.document.doc).length / 3);
    expect((await fx.call('getRevision', { articleId: a.meta.id, revisionId: first.id })).document).toEqual(a.document);
  });

  it('keeps history readable when another module rewrites the document directly', async () => {
    const a = await fx.call('createArticle', { document: doc({ headline: 'Bản gốc', paragraphs: ['Nội dung ban đầu.'] }) });
    const first = (await fx.call('listRevisions', { articleId: a.meta.id })).items[0]!;
    const other = doc({ headline: 'Bản từ gói', paragraphs: ['Nội dung khác.'] });
    fx.core.db.prepare('UPDATE articles SET document = ? WHERE id = ?').run(JSON.stringify(other.doc), a.meta.id);
    expect((await fx.call('getRevision', { articleId: a.meta.id, revisionId: first.id })).document).toEqual(a.document);
  });

  it('knows every media id referenced by current documents and by history', async () => {
    const photo = 'a'.repeat(64);
    const other = 'b'.repeat(64);
    const withFigure = (mediaId: string) => ({
      version: 1,
      doc: {
        type: 'doc',
        content: [
          { type: 'headline', content: [{ type: 'text', text: 'Ảnh' }] },
          { type: 'lead' },
          { type: 'body', content: [{ type: 'figure', attrs: { mediaId, alt: '' }, content: [{ type: 'caption' }, { type: 'credit' }] }] },
          { type: 'byline', content: [{ type: 'author' }] },
        ],
      },
    });
    const a = await fx.call('createArticle', { document: withFigure(photo) });
    await fx.call('saveArticle', { id: a.meta.id, document: withFigure(other), reason: 'save' });
    expect([...referencedMediaIds(fx.core.db)].sort()).toEqual([photo, other]);
  });
});

describe('saves', () => {
  it('writes document and metadata together and rejects a stale base revision', async () => {
    const a = await fx.call('createArticle', { document: doc({ headline: 'Một' }) });
    const s = await fx.call('saveArticle', { id: a.meta.id, baseRevision: 1, document: doc({ headline: 'Hai' }), meta: { tags: ['giáo dục'] } });
    expect(s.revision).toBe(2);
    const got = await fx.call('getArticle', { id: a.meta.id });
    expect(got.meta.tags).toEqual(['giáo dục']);
    expect(documentFromStored(got.document).firstChild!.textContent).toBe('Hai');
    const conflict = await fx.fail('saveArticle', { id: a.meta.id, baseRevision: 1, document: doc({ headline: 'Ba' }) });
    expect(conflict.code).toBe('conflict');
    expect(documentFromStored((await fx.call('getArticle', { id: a.meta.id })).document).firstChild!.textContent).toBe('Hai');
  });

  it('keeps the article list fast path: newest first, bin excluded', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const { repo, db, advance } = withClock(join(dir, 'l.db'));
      const ids = [1, 2, 3].map((i) => {
        advance(60_000);
        return repo.create({ document: doc({ headline: `Bài ${i}` }) }).meta.id;
      });
      repo.setDeleted(ids[1]!, true);
      const list = repo.list({ limit: 10, offset: 0 });
      expect(list.items.map((i) => i.headline)).toEqual(['Bài 3', 'Bài 1']);
      expect(list.total).toBe(2);
      // The plan of the page query list() itself ran, with the values it bound.
      const ran = capturePageQueries(db, () => repo.list({ limit: 100, offset: 0 }));
      expect(ran).toHaveLength(1);
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${ran[0]!.sql}`).all(...ran[0]!.params) as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/articles_live_by_updated/);
      expect(plan.map((p) => p.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
      db.close();
    } finally {
      cleanup();
    }
  });
});

describe('word count on the save path', () => {
  it('stores, on each save, the count of every whitespace-separated run holding a letter or digit', () => {
    const pieces = fc.constantFrom('cán', 'bộ', 'Đào', '27.309', '40,1%', '–', '-', '…', '"', ' ', '  ', '\u00a0', '😀', '𝐀', 'x', '5', '(BLC)', 'ẫ', '\u0301');
    const id = fx.core.articles.create({ document: doc({ headline: 'Tin' }) }).meta.id;
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme' })), { minLength: 1, maxLength: 40 }), (parts) => {
        const text = parts.join('');
        fx.core.articles.save({ id, document: doc({ headline: 'Tin', paragraphs: [text] }), reason: 'autosave' });
        const saved = fx.core.articles.get(id);
        const stored = documentFromStored(saved.document);
        const blocks: string[] = [];
        stored.forEach((block) => blocks.push(block.textContent));
        expect(blocks.join(' ')).toContain('Tin');
        const expected = blocks.join(' ').split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
        const listed = fx.core.articles.list({ limit: 10, offset: 0 }).items.find((item) => item.id === id);
        expect(listed?.wordCount).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('list totals', () => {
  it('stay right after creates, bin, status changes and writes by another process', async () => {
    const count = async (status?: 'draft' | 'published') => (await fx.call('listArticles', status ? { status } : {})).total;
    const a = await fx.call('createArticle', { document: doc({ headline: 'Một' }) });
    expect(await count()).toBe(1);
    await fx.call('createArticle', { document: doc({ headline: 'Hai' }) });
    expect(await count()).toBe(2);
    expect(await count('published')).toBe(0);
    await moveAlongWorkflow(fx.core, a.meta.id, 'published');
    expect(await count('published')).toBe(1);
    expect(await count('draft')).toBe(1);
    await fx.call('deleteArticle', { id: a.meta.id });
    expect(await count()).toBe(1);
    expect(await count('published')).toBe(0);
    // Another process creates an article.
    const other = openDatabase(fx.dbPath);
    new ArticleRepository(other).create({ document: doc({ headline: 'Ba' }) });
    other.close();
    expect(await count()).toBe(2);
  });
});
