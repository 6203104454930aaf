import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { main } from '../../src/main/cli/main';
import { createCore } from '../../src/main/core/core';
import { documentToStored } from '../../src/shared/document';
import { SEED_PATH } from '../support/temp';
import { tempDbPerTest } from '../support/temp-per-test';
import { captureIo } from '../support/cli';
import { DESK } from '../support/workflow';
import { buildDoc, makePhoto } from './export-fixtures';
import { validateHtml } from './export-validators';

const GOLDEN = join(import.meta.dirname, 'export-golden-seed.txt');

/** The reader-visible structure of a page, one line per block; the export time is masked. */
function pageOutline(html: string): string {
  const { document } = parseHTML(html);
  const lines: string[] = [];
  for (const el of Array.from(document.querySelectorAll('article > *, article .meta > p, article figure img, article figcaption'))) {
    if (el.tagName === 'DIV') continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (el.className === 'updated') lines.push('p.updated: Cập nhật: <export time>');
    else if (el.tagName === 'IMG') lines.push(`img: ${el.getAttribute('width')}x${el.getAttribute('height')} alt="${el.getAttribute('alt')}"`);
    else lines.push(`${el.tagName.toLowerCase()}${el.className ? `.${el.className}` : ''}: ${text}`);
  }
  return lines.join('\n') + '\n';
}

describe('newsroom export and preflight (CLI)', () => {
  const temp = tempDbPerTest();

  it('exports the seed story folder (text + photo with IPTC credit) to the golden page', async () => {
    const story = join(temp.dir, 'story');
    mkdirSync(story);
    copyFileSync(SEED_PATH, join(story, 'bai.txt'));
    writeFileSync(join(story, 'anh1.jpg'), await makePhoto(temp.dir, { credit: 'Tiến Thành' }));
    const imp = captureIo();
    expect(await main(['import', story, '--json', '--db', temp.db], imp.io), imp.err.join('\n')).toBe(0);
    const imported = JSON.parse(imp.out.join('\n')) as { id: string }[] | { id: string };
    const id = (Array.isArray(imported) ? imported[0]! : imported).id;

    const pre = captureIo();
    expect(await main(['preflight', id, '--db', temp.db], pre.io)).toBe(0);
    expect(pre.out[0]).toMatch(/ready {2}0 error/);

    const out = join(temp.dir, 'out');
    const exp = captureIo();
    expect(await main(['export', id, '--out', out, '--zip', '--db', temp.db], exp.io), exp.err.join('\n')).toBe(0);
    expect(exp.out.at(-1)).toBe('1 exported (0 published, 1 preview), 0 failed');
    const slug = 'tung-buoc-dap-ung-yeu-cau-cua-nen-hanh-chinh-hien-dai';
    expect(existsSync(join(out, `${slug}.zip`))).toBe(true);
    const html = readFileSync(join(out, slug, 'index.html'), 'utf8');
    const { document } = parseHTML(html);
    expect(document.querySelector('h1')!.textContent).toBe('Từng bước đáp ứng yêu cầu của nền hành chính hiện đại');
    expect(document.querySelector('.dateline time')!.getAttribute('datetime')).toBe('2016-06-10T16:36:00+07:00');
    expect(document.querySelector('.dateline')!.textContent).toBe('Thứ sáu, 10/06/2016, 16:36 [GMT+7]');
    expect(document.querySelector('.lead')!.textContent).toMatch(/^\(BLC\) – Để từng bước xây dựng nền hành chính hiện đại/);
    const seed = readFileSync(SEED_PATH, 'utf8').normalize('NFC');
    const bodyParagraphs = seed.split('\n').filter((l) => /^(Theo đó|Cùng với|Được đánh giá|Với sự quan tâm|Có thể khẳng định)/.test(l));
    expect(bodyParagraphs).toHaveLength(5);
    // The importer turns the seed's no-break spaces into plain ones.
    const squash = (s: string | null) => (s ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
    const pageParagraphs = Array.from(document.querySelectorAll('article > p:not([class])')).map((p) => squash(p.textContent));
    for (const p of bodyParagraphs) expect(pageParagraphs).toContain(squash(p));
    expect(html).toContain('“Năm 2015, tôi được điều động từ Ban Tổ chức Huyện ủy về nhận nhiệm vụ mới tại xã Khổng Lào.');
    expect(document.querySelector('figcaption')!.textContent).toMatch(/^Một giờ học tiếng Mông/);
    expect(document.querySelector('.byline a[rel="author"]')!.textContent).toBe('Tiến Thành');
    expect(html).not.toMatch(/Bình luận|Đăng kiểm xe/);
    // UPDATE_GOLDEN=1 rewrites the golden after a deliberate change to the page.
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, pageOutline(html));
    expect(pageOutline(html)).toBe(readFileSync(GOLDEN, 'utf8'));
    const messages = validateHtml([join(out, slug, 'index.html')]);
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
  }, 120_000);

  it('publishes approved articles, fails the ones preflight blocks, exports the rest, exits non-zero', async () => {
    const core = createCore({ databasePath: temp.db, host: 'browser' });
    const make = (headline: string, slug: string, status: 'approved' | 'draft') =>
      core.articles.create({ meta: { slug, status, lengthTarget: {} }, document: documentToStored(buildDoc({ headline, lead: 'Dẫn đề.', blocks: ['Nội dung.'], authors: headline ? ['Tiến Thành'] : [] })) }).meta.id;
    core.review.people.setLocal(DESK); // publishing is the desk's move
    const good = make('Bài đã duyệt', 'bai-da-duyet', 'approved');
    const blocked = make('', 'bai-khong-tit', 'approved');
    const draft = make('Bài nháp', 'bai-nhap', 'draft');
    core.close();

    const out = join(temp.dir, 'out');
    const run = captureIo();
    expect(await main(['export', '--status', 'approved', '--publish', '--out', out, '--db', temp.db], run.io)).toBe(1);
    expect(run.out.some((l) => /^published {2}bai-da-duyet {2}/.test(l))).toBe(true);
    expect(run.err.some((l) => /^FAILED {5}bai-khong-tit {2}no_headline \(headline\), missing_byline \(byline\)/.test(l))).toBe(true);
    expect(run.out.at(-1)).toMatch(/^1 exported \(1 published, 0 preview\), 1 failed; index .*index\.json$/);
    expect(existsSync(join(out, 'bai-khong-tit'))).toBe(false);
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
    expect(index.articles.map((a: { slug: string }) => a.slug)).toEqual(['bai-da-duyet']);

    const show = captureIo();
    await main(['show', good, '--json', '--db', temp.db], show.io);
    expect(show.out.join('\n')).toContain('"status": "published"');

    const pre = captureIo();
    expect(await main(['preflight', blocked, '--db', temp.db], pre.io)).toBe(1);
    expect(pre.out[0]).toMatch(/BLOCKED {2}2 error/);

    const preview = captureIo();
    expect(await main(['export', draft, '--publish', '--out', out, '--db', temp.db], preview.io)).toBe(0);
    expect(preview.out[0]).toMatch(/^preview {4}bai-nhap/);
    expect(readFileSync(join(out, 'bai-nhap', 'index.html'), 'utf8')).toContain('noindex');
  }, 60_000);

  it('explains bad arguments on one line with exit code 2', async () => {
    for (const args of [['export', '--out', 'x'], ['export', 'id', '--all', '--out', 'x'], ['export', '--status', 'draft', '--out', 'x'], ['export', '--all'], ['preflight']]) {
      const r = captureIo();
      expect(await main([...args, '--db', temp.db], r.io), args.join(' ')).toBe(2);
      expect(r.err[0]).toMatch(/^newsroom: /);
    }
    const r = captureIo();
    expect(await main(['export', '--all', '--out', join(temp.dir, 'o'), '--profile', 'nope', '--db', temp.db], r.io)).toBe(1);
    expect(r.err.join('\n')).toMatch(/No publication profile named "nope"/);
  });
});
