import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, openSync, closeSync, ftruncateSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/core/core';
import { main } from '../../src/main/cli/main';
import type { ImportPreviewItem, ImportReport } from '../../src/shared/import-report';
import { makeJpeg, withMetadata } from '../support/photos';
import { SEED_PATH, tempDir } from '../support/temp';
import { storeFixture, type StoreFixture } from '../support/store-fixture';
import { captureIo } from '../support/cli';
import { makeDocx } from '../fixtures/import/docx';

let fx: StoreFixture;
let dir: string;
let core: Core;

beforeEach(() => ({ core, dir } = fx = storeFixture('newsroom-import-')));
afterEach(() => fx.cleanup());

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await core.call(name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const upload = (name: string, bytes: Uint8Array, path?: string) => ({ name, path, data: Buffer.from(bytes).toString('base64') });
const count = (table: string) => (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

const STORY = `Mùa lúa chín trên ruộng bậc thang Sìn Hồ

Chủ nhật, 02/10/2016 - 09:00

(BLC) – Tháng Mười, những thửa ruộng bậc thang ở Sìn Hồ chuyển sang màu vàng óng, thu hút du khách.

Ảnh: Ruộng bậc thang xã Pa Tần nhìn từ trên cao.

Người dân tranh thủ những ngày nắng ráo để gặt lúa, phơi thóc ngay trên bờ ruộng.

Ảnh: Bà con dân tộc Mông gặt lúa.

Ông Giàng A Páo, trưởng bản, vui vẻ nói với chúng tôi khi đang gánh thóc về nhà.

Tiến Thành
`;

let photos: Record<string, Buffer>;
beforeAll(async () => {
  const { dir: d, cleanup: c } = tempDir('newsroom-photos-');
  try {
    photos = {
      'anh1.jpg': withMetadata(await makeJpeg({ width: 1600, height: 1000, color: '#357' }), d, { caption: 'Ruộng bậc thang Pa Tần', byline: 'Tiến Thành', credit: 'Báo Lai Châu', headline: 'Ruộng bậc thang' }),
      'anh2.jpg': withMetadata(await makeJpeg({ width: 1600, height: 1000, color: '#753' }), d, { caption: 'Bà con dân tộc Mông gặt lúa.', byline: 'Minh Anh' }),
      'anh10.jpg': withMetadata(await makeJpeg({ width: 1600, height: 1000, color: '#537' }), d, { caption: 'Thóc phơi trên bờ ruộng', byline: 'Minh Anh' }),
    };
  } finally {
    c();
  }
});

const storyFolder = () => [
  upload('bai.txt', Buffer.from(STORY), 'sin-ho/bai.txt'),
  upload('anh10.jpg', photos['anh10.jpg']!, 'sin-ho/anh10.jpg'),
  upload('anh2.jpg', photos['anh2.jpg']!, 'sin-ho/anh2.jpg'),
  upload('anh1.jpg', photos['anh1.jpg']!, 'sin-ho/anh1.jpg'),
  upload('.DS_Store', Buffer.from('junk'), 'sin-ho/.DS_Store'),
  upload('ghi-chu.pdf', Buffer.from('%PDF-1.4'), 'sin-ho/ghi-chu.pdf'),
];

describe('story folders', () => {
  it('fills caption placeholders in file-name order, appends extra photos, text captions win, IPTC fills credit and alt', async () => {
    const { items } = await call<{ items: ImportPreviewItem[] }>('previewImport', { files: storyFolder() });
    expect(items).toHaveLength(1);
    const report = items[0]!.report!;
    expect(items[0]!.name).toBe('sin-ho');
    expect(report.figures).toEqual([
      { caption: 'Ruộng bậc thang xã Pa Tần nhìn từ trên cao.', credit: 'Ảnh: Tiến Thành/Báo Lai Châu', alt: 'Ruộng bậc thang', image: 'anh1.jpg' },
      { caption: 'Bà con dân tộc Mông gặt lúa.', credit: 'Ảnh: Minh Anh', alt: 'Bà con dân tộc Mông gặt lúa.', image: 'anh2.jpg' },
      { caption: 'Thóc phơi trên bờ ruộng', credit: 'Ảnh: Minh Anh', alt: 'Thóc phơi trên bờ ruộng', image: 'anh10.jpg' },
    ]);
    // The first photo's own caption disagrees with the text's: listed; the second agrees: not listed.
    expect(report.dropped).toContainEqual(expect.objectContaining({ text: 'Ruộng bậc thang Pa Tần', reason: "caption inside anh1.jpg differs from the text's caption (the text's was kept)" }));
    expect(report.dropped.filter((d) => d.reason.startsWith('caption inside'))).toHaveLength(1);
    // The extra photo had no caption in the text: the report says its caption came from the photo.
    expect(report.warnings.filter((w) => w.code === 'caption_from_photo').map((w) => w.params)).toEqual([{ photo: 'anh10.jpg', caption: 'Thóc phơi trên bờ ruộng' }]);
    expect(report.dropped).toContainEqual(expect.objectContaining({ text: 'ghi-chu.pdf', reason: 'file in the story folder that is neither the article nor a photo' }));
    expect(report.dropped.some((d) => d.text.includes('DS_Store'))).toBe(false);

    const { articleId } = await call<{ articleId: string }>('commitImport', { importId: items[0]!.importId });
    const article = core.articles.get(articleId);
    const figures = (article.document.doc.content![2]!.content ?? []).filter((b) => b.type === 'figure');
    expect(figures).toHaveLength(3);
    expect(figures.every((f) => typeof f.attrs?.mediaId === 'string')).toBe(true);
    expect(figures.at(-1)).toBe(article.document.doc.content![2]!.content!.at(-1)); // the extra photo closes the body
    expect(count('media')).toBe(3);
  });

  it('refuses a folder with two article files or none, saying why', async () => {
    const two = await call<{ items: ImportPreviewItem[] }>('previewImport', {
      files: [upload('a.txt', Buffer.from(STORY), 'f/a.txt'), upload('b.docx', makeDocx([{ p: 'x' }]), 'f/b.docx')],
    });
    expect(two.items[0]!.error).toMatch(/The folder f holds 2 article files \(a\.txt, b\.docx\)/);
    const none = await call<{ items: ImportPreviewItem[] }>('previewImport', { files: [upload('anh1.jpg', photos['anh1.jpg']!, 'g/anh1.jpg')] });
    expect(none.items[0]!.error).toMatch(/has no text, Word or HTML file/);
  });
});

describe('preview and commit', () => {
  it('creates a draft with the corrections, a revision named "imported from <file>", and the original as an attachment', async () => {
    const seed = readFileSync(SEED_PATH);
    const { items } = await call<{ items: ImportPreviewItem[] }>('previewImport', { files: [upload('000_seed.txt', seed)] });
    const item = items[0]!;
    expect(count('articles')).toBe(0); // a preview creates nothing
    expect(item.report!.headline).toBe('Từng bước đáp ứng yêu cầu của nền hành chính hiện đại');

    const revised = await call<ImportReport>('reviseImport', { importId: item.importId, fields: { headline: 'Tiêu đề đã sửa' } });
    expect(revised.headline).toBe('Tiêu đề đã sửa');

    const fields = { headline: 'Tiêu đề đã sửa', byline: ['Tiến Thành', 'Minh Anh'], captions: ['Giờ học tiếng Mông'], agencyTag: 'BLC' };
    const result = await call<{ articleId: string; revisionName: string }>('commitImport', { importId: item.importId, fields });
    expect(result.revisionName).toBe('imported from 000_seed.txt');
    const article = core.articles.get(result.articleId);
    expect(article.meta).toMatchObject({ status: 'draft', agencyTag: 'BLC', publishedAt: '2016-06-10T16:36:00+07:00', language: 'vi' });
    const doc = article.document.doc;
    expect(doc.content![0]!.content![0]!.text).toBe('Tiêu đề đã sửa');
    expect(doc.content![3]!.content!.map((a) => a.content![0]!.text)).toEqual(['Tiến Thành', 'Minh Anh']);

    const revisions = core.db.prepare('SELECT id, reason FROM revisions WHERE article_id = ?').all(result.articleId) as { id: number; reason: string }[];
    expect(revisions.map((r) => r.reason)).toEqual(['import']);
    const record = core.db.prepare('SELECT revision_id, revision_name FROM article_imports WHERE article_id = ?').get(result.articleId) as { revision_id: number; revision_name: string };
    expect(record).toEqual({ revision_id: revisions[0]!.id, revision_name: 'imported from 000_seed.txt' });
    expect(core.imports.revisionNameFor(result.articleId)).toBe('imported from 000_seed.txt');
    expect(core.imports.original(result.articleId)).toMatchObject({ fileName: '000_seed.txt', mediaType: 'text/plain' });
    expect(Buffer.compare(core.imports.original(result.articleId)!.data, seed)).toBe(0);

    // The review handle is spent: a second commit cannot create a duplicate.
    await expect(call('commitImport', { importId: item.importId })).rejects.toThrow(/not_found: This import is no longer waiting/);
  });

  it('is all or nothing: a failure while writing leaves no article, revision or attachment behind', async () => {
    const { items } = await call<{ items: ImportPreviewItem[] }>('previewImport', { files: [upload('seed.txt', readFileSync(SEED_PATH))] });
    core.db.exec("CREATE TEMP TRIGGER fail_import BEFORE INSERT ON article_imports BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;");
    const result = await core.call('commitImport', { importId: items[0]!.importId });
    expect(result.ok).toBe(false);
    expect(count('articles')).toBe(0);
    expect(count('revisions')).toBe(0);
    expect(count('attachments')).toBe(0);
    core.db.exec('DROP TRIGGER fail_import');
    // Still pending: the user can try again.
    expect((await core.call('commitImport', { importId: items[0]!.importId })).ok).toBe(true);
    expect(count('articles')).toBe(1);
  });

  it('cleans file names from outside: NFC, no bidi overrides or paths', async () => {
    const name = `..\\bài\u202Etxt.exe\u202C.txt`.normalize('NFD');
    const { items } = await call<{ items: ImportPreviewItem[] }>('previewImport', { files: [upload(name, readFileSync(SEED_PATH))] });
    expect(items[0]!.name).toBe('bàitxt.exe.txt');
    const { revisionName } = await call<{ revisionName: string }>('commitImport', { importId: items[0]!.importId });
    expect(revisionName).toBe('imported from bàitxt.exe.txt');
  });

  it('answers each bad file with its own error and imports the good ones', async () => {
    const { items } = await call<{ items: ImportPreviewItem[] }>('previewImport', {
      files: [upload('garbage.txt', Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)), upload('empty.txt', new Uint8Array(0)), upload('seed.txt', readFileSync(SEED_PATH))],
    });
    const byName = Object.fromEntries(items.map((i) => [i.name, i]));
    expect(byName['garbage.txt']!.error).toMatch(/not a text file|neither UTF-8/);
    expect(byName['empty.txt']!.error).toBe('empty.txt is empty; nothing was imported.');
    expect(byName['seed.txt']!.importId).toBeTruthy();
    expect(count('articles')).toBe(0);
  });
});

describe('newsroom import (CLI)', () => {
  it('imports a story folder given as one argument and prints the id and report', async () => {
    core.close();
    const folder = join(dir, 'sin-ho');
    mkdirSync(folder);
    writeFileSync(join(folder, 'bai.txt'), STORY);
    for (const [name, bytes] of Object.entries(photos)) writeFileSync(join(folder, name), bytes);
    const db = join(dir, 'cli.db');
    const a = captureIo();
    expect(await main(['import', folder, '--db', db, '--json'], a.io)).toBe(0);
    const [result] = JSON.parse(a.out.join('\n')) as { id: string; revision: string; report: ImportReport }[];
    expect(result!.revision).toBe('imported from sin-ho/bai.txt');
    expect(result!.report.figures.map((f) => f.image)).toEqual(['anh1.jpg', 'anh2.jpg', 'anh10.jpg']);
    const imported = createCore({ databasePath: db, host: 'browser' });
    try {
      expect(imported.articles.get(result!.id).meta.status).toBe('draft');
    } finally {
      imported.close();
    }
  });

  it('shows the progress of a long Word file on stderr', async () => {
    const photo = new Uint8Array(await makeJpeg({ width: 2400, height: 1600, noise: true }));
    const file = join(dir, 'dai.docx');
    writeFileSync(file, makeDocx([{ p: 'Bài dài', style: 'Title' }, { p: '(BLC) – Mở đầu.' }, { image: 'a.jpeg' }, { p: 'Chú thích ảnh.' }, { p: 'Tiến Thành' }], { 'a.jpeg': photo }));
    const a = captureIo();
    expect(await main(['import', file, '--dry-run'], a.io)).toBe(0);
    expect(a.err).toEqual(['dai.docx: checking the archive (0%)', 'dai.docx: converting (20%)', 'dai.docx: recognising the parts (70%)', 'dai.docx: recognising the parts (100%)']);
    expect(a.out.join('\n')).toContain('figure 1: dai.docx › image1.jpeg — Chú thích ảnh.');
  });

  it('shows the report only with --dry-run and writes nothing', async () => {
    const a = captureIo();
    const db = join(dir, 'dry.db');
    expect(await main(['import', SEED_PATH, '--dry-run', '--db', db], a.io)).toBe(0);
    expect(a.out[0]).toMatch(/^\(dry run\) {2}000_1125d15221aff6fc\.txt {2}"Từng bước/);
    expect(a.out.join('\n')).toContain('dropped (site chrome): Bình luận');
    expect(() => readFileSync(db)).toThrow();
  });

  it('refuses a 200 MB text file by its size without reading it, and binary garbage, with one line each', async () => {
    const big = join(dir, 'huge.txt');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 200 * 1024 * 1024);
    closeSync(fd);
    const garbage = join(dir, 'photo.txt');
    writeFileSync(garbage, Buffer.from(await makeJpeg({ width: 64, height: 64 })));
    const a = captureIo();
    expect(await main(['import', big, garbage, SEED_PATH, '--db', join(dir, 'c.db')], a.io)).toBe(1);
    expect(a.err).toEqual([
      'newsroom: huge.txt is 200.0 MB; text and web pages up to 10.0 MB can be imported. Nothing was imported.',
      'newsroom: photo.txt is not a text file (it holds binary data); nothing was imported.',
      // The seed imports, and says on stderr what it left out.
      'newsroom: 000_1125d15221aff6fc.txt: 7 paragraphs (118 words) were left out as site furniture — review',
    ]);
    expect(a.out[0]).toMatch(/000_1125d15221aff6fc\.txt/); // the good file still went in
  });
});
