import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { deflateSync, strToU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { openDatabase } from '../../src/main/core/db/open';
import { NewerDatabaseError } from '../../src/main/core/db/errors';
import { LATEST_VERSION, MIGRATIONS } from '../../src/main/core/db/migrations';
import { main } from '../../src/main/cli/main';
import { createDocument, documentToStored } from '../../src/shared/document';
import type { SearchResult } from '../../src/shared/search';
import type { CallOutput } from '../../src/shared/api';
type RevisionList = CallOutput<'listRevisions'>;
import { tempDir } from '../support/temp';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const MEDIA = 'c'.repeat(64);

/** Build a version-1 database the way the first release wrote it. */
function buildVersion1(path: string): { id: string; row: Record<string, unknown> }[] {
  const db = openDatabase(path, { migrations: MIGRATIONS.slice(0, 1) });
  expect(db.pragma('user_version', { simple: true })).toBe(1);
  const insert = db.prepare(
    `INSERT INTO articles (id, slug, section, tags, status, dateline_place, agency_tag, language, created_at, updated_at, published_at, length_target, doc_version, document, revision, headline, authors, word_count)
     VALUES (@id, @slug, @section, @tags, @status, '', 'BLC', 'vi', @at, @at, NULL, '{}', 1, @document, @revision, @headline, '["Tiến Thành"]', 12)`,
  );
  const plain = documentToStored(createDocument({ headline: 'Đào tạo cán bộ', paragraphs: ['Nâng cao trình độ công chức.'], authors: ['Tiến Thành'] }));
  const withPhoto = {
    version: 1,
    doc: {
      type: 'doc',
      content: [
        { type: 'headline', content: [{ type: 'text', text: 'Mùa lúa chín' }] },
        { type: 'lead' },
        { type: 'body', content: [{ type: 'figure', attrs: { mediaId: MEDIA, alt: 'Ruộng' }, content: [{ type: 'caption', content: [{ type: 'text', text: 'Ruộng bậc thang' }] }, { type: 'credit' }] }] },
        { type: 'byline', content: [{ type: 'author' }] },
      ],
    },
  };
  const rows = [
    { id: '11111111-1111-4111-8111-111111111111', slug: 'dao-tao-can-bo', section: 'Thời sự', tags: '["giáo dục"]', status: 'published', at: '2016-06-10T16:36:00+07:00', document: JSON.stringify(plain.doc), revision: 7, headline: 'Đào tạo cán bộ' },
    { id: '22222222-2222-4222-8222-222222222222', slug: 'mua-lua-chin', section: 'Xã hội', tags: '[]', status: 'draft', at: '2016-06-11T08:00:00+07:00', document: JSON.stringify(withPhoto.doc), revision: 2, headline: 'Mùa lúa chín' },
  ];
  for (const r of rows) insert.run(r);
  const stored = rows.map((r) => ({ id: r.id, row: db.prepare('SELECT * FROM articles WHERE id = ?').get(r.id) as Record<string, unknown> }));
  db.close();
  return stored;
}

describe('migrations', () => {
  it('has one file per version, in order', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(LATEST_VERSION).toBe(versions.at(-1));
  });

  it('upgrades a first-version database to the latest with its data intact, history started and searchable', async () => {
    const path = join(dir, 'v1.db');
    const before = buildVersion1(path);
    const core = createCore({ databasePath: path, host: 'browser' });
    try {
      expect(core.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      for (const { id, row } of before) {
        const after = core.db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as Record<string, unknown>;
        for (const [column, value] of Object.entries(row)) expect(after[column], column).toEqual(value);
        const history = await core.call('listRevisions', { articleId: id });
        expect(history.ok && (history.value as RevisionList).items.map((r) => r.reason)).toEqual(['upgrade']);
        const article = await core.call('getArticle', { id });
        expect(article.ok).toBe(true);
      }
      expect(core.db.prepare('SELECT media_ids FROM articles WHERE id = ?').get(before[1]!.id)).toEqual({ media_ids: JSON.stringify([MEDIA]) });
      const found = await core.call('searchArticles', { query: 'dao tao can bo' });
      expect(found.ok && (found.value as SearchResult).items.map((h) => h.article.id)).toEqual([before[0]!.id]);
      const caption = await core.call('searchArticles', { query: 'bậc thang' });
      expect(caption.ok && (caption.value as SearchResult).items.map((h) => h.article.id)).toEqual([before[1]!.id]);
      expect((core.db.pragma('integrity_check', { simple: true }))).toBe('ok');
    } finally {
      core.close();
    }
  });

  it('runs each step in a transaction: a failing step leaves the previous version untouched', () => {
    const path = join(dir, 'fail.db');
    buildVersion1(path);
    const broken = [MIGRATIONS[0]!, { version: 2, name: 'broken', up: (db: Database.Database) => { db.exec('CREATE TABLE half_done (x)'); throw new Error('step failed'); } }];
    expect(() => openDatabase(path, { migrations: broken })).toThrow('step failed');
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half_done'`).get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 2 });
    db.close();
  });

  it('refuses a database from a newer app, naming both versions, without writing to it', async () => {
    const path = join(dir, 'newer.db');
    openDatabase(path).close();
    const raw = new Database(path);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${LATEST_VERSION + 3}`);
    raw.close();
    const hash = sha(path);
    let error: unknown;
    try {
      openDatabase(path);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(NewerDatabaseError);
    expect((error as Error).message).toContain(`database version ${LATEST_VERSION + 3}`);
    expect((error as Error).message).toContain(`up to ${LATEST_VERSION}`);
    expect((error as Error).message).toContain(path);
    expect(sha(path)).toBe(hash);

    const err: string[] = [];
    expect(await main(['search', 'x', '--db', path], { out: () => {}, err: (l) => err.push(l) })).toBe(1);
    expect(err.join('\n')).toMatch(new RegExp(`database version ${LATEST_VERSION + 3}.*up to ${LATEST_VERSION}`));
    expect(sha(path)).toBe(hash);
  });
});

/**
 * A version-9 database as that release wrote it: the search index without facets
 * (filled by that release's columns), and every revision a full copy, deflated from
 * 2 KB, or plain JSON for the backfilled 'upgrade' ones.
 */
function buildVersion9(path: string) {
  const db = openDatabase(path, { migrations: MIGRATIONS.slice(0, 9) });
  expect(db.pragma('user_version', { simple: true })).toBe(9);
  const long = (words: string) => Array.from({ length: 60 }, (_, i) => `Đoạn ${i}: ${words}.`);
  const articles = [
    { id: '33333333-3333-4333-8333-333333333333', status: 'published', section: 'Thời sự', at: '2020-03-01T08:00:00+07:00', parts: { headline: 'Đào tạo cán bộ trẻ', paragraphs: long('bồi dưỡng công chức'), authors: ['Thu Hà'] } },
    { id: '44444444-4444-4444-8444-444444444444', status: 'draft', section: 'Kinh tế', at: '2020-03-02T08:00:00+07:00', parts: { headline: 'Giá lúa tăng', paragraphs: long('đào tạo nông dân'), authors: ['Minh Anh'] } },
  ];
  const insertArticle = db.prepare(
    `INSERT INTO articles (id, slug, section, tags, status, created_at, updated_at, doc_version, document, revision, headline, authors, word_count)
     VALUES (@id, @slug, @section, '[]', @status, @at, @at, @version, @document, 2, @headline, @authors, 100)`,
  );
  const insertRevision = db.prepare(
    `INSERT INTO revisions (article_id, article_revision, created_at, author, reason, meta, headline, word_count, doc_version, encoding, document)
     VALUES (?, ?, ?, 'bench', ?, '{}', ?, 100, ?, ?, ?)`,
  );
  const old = documentToStored(createDocument({ headline: 'Bản nháp đầu', paragraphs: long('bản cũ hơn') }));
  const revisions: { articleId: string; document: unknown }[] = [];
  for (const a of articles) {
    const stored = documentToStored(createDocument(a.parts));
    const json = JSON.stringify(stored.doc);
    insertArticle.run({ ...a, slug: a.id.slice(0, 8), version: stored.version, document: json, headline: a.parts.headline, authors: JSON.stringify(a.parts.authors) });
    // An older text as plain JSON (a backfilled snapshot), then the current one deflated.
    insertRevision.run(a.id, 1, a.at, 'upgrade', 'Bản nháp đầu', old.version, 'json', Buffer.from(JSON.stringify(old.doc)));
    insertRevision.run(a.id, 2, a.at, 'save', a.parts.headline, stored.version, 'deflate', Buffer.from(deflateSync(strToU8(json))));
    revisions.push({ articleId: a.id, document: old }, { articleId: a.id, document: stored });
    db.prepare('INSERT OR IGNORE INTO search_dirty (article_id) VALUES (?)').run(a.id);
  }
  db.close();
  return { articles, revisions };
}

describe('migration to search facets and revision references', () => {
  it('keeps every revision readable byte for byte, stores no second copy of current text, and searches with filters', async () => {
    const path = join(dir, 'v9.db');
    const { articles, revisions } = buildVersion9(path);
    const core = createCore({ databasePath: path, host: 'browser' });
    try {
      expect(core.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      const encodings = core.db.prepare('SELECT encoding, count(*) AS n FROM revisions GROUP BY encoding ORDER BY encoding').all();
      expect(encodings).toEqual([{ encoding: 'current', n: 2 }, { encoding: 'deflate', n: 2 }]);
      for (const a of articles) {
        const history = await core.call('listRevisions', { articleId: a.id });
        const ids = history.ok ? (history.value as RevisionList).items.map((r) => r.id).reverse() : [];
        const texts = [];
        for (const revisionId of ids) {
          const r = await core.call('getRevision', { articleId: a.id, revisionId });
          texts.push(r.ok && (r.value as { document: unknown }).document);
        }
        expect(texts).toEqual(revisions.filter((r) => r.articleId === a.id).map((r) => r.document));
      }
      const ids = async (input: Record<string, unknown>) => {
        const r = await core.call('searchArticles', input);
        return r.ok ? (r.value as SearchResult).items.map((h) => h.article.id) : r;
      };
      expect(await ids({ query: 'đào tạo' })).toEqual([articles[0]!.id, articles[1]!.id]);
      expect(await ids({ query: 'đào tạo', status: 'draft' })).toEqual([articles[1]!.id]);
      expect(await ids({ query: 'đào tạo', author: 'Thu Hà', section: 'Thời sự' })).toEqual([articles[0]!.id]);
      expect(await ids({ query: 'đào tạo', author: 'Thu Hà', section: 'Kinh tế' })).toEqual([]);
      // Editing after the upgrade still keeps the referenced text in history.
      const current = revisions[1]!;
      // The article is published: editing it reopens it as a correction, which the save must say, with who did it.
      await core.call('setLocalProfile', { displayName: 'Thu Hà', initials: 'TH', role: 'desk', color: '#335577' });
      const saved = await core.call('saveArticle', { id: articles[0]!.id, document: documentToStored(createDocument({ headline: 'Đã sửa' })), reason: 'autosave', reopen: true });
      expect(saved.ok, JSON.stringify(saved)).toBe(true);
      const history = await core.call('listRevisions', { articleId: articles[0]!.id });
      const referenced = history.ok ? (history.value as RevisionList).items.find((x) => x.reason === 'save')!.id : -1;
      const r = await core.call('getRevision', { articleId: articles[0]!.id, revisionId: referenced });
      expect(r.ok && (r.value as { document: unknown }).document).toEqual(current.document);
      expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      core.close();
    }
  });
});
