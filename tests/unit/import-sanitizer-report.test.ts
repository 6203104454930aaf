import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readHtml } from '../../src/main/core/import/html';
import { assemble } from '../../src/main/core/import/parsed';
import { runCli } from '../support/cli';
import { tempDbPerTest } from '../support/temp-per-test';

/**
 * A page as Word's "Save as Web Page" writes it: list numbers and bullets inside
 * `<![if !supportLists]>` sections (without the `mso-list:Ignore` span some versions
 * add), a page header and footer, hidden text, a table, struck and underlined runs,
 * a tracked deletion and a picture.
 */
const SAVED_WORD_PAGE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'import', 'saved-word-page.htm'), 'utf8');

describe('saved Word page (.htm) import', () => {
  const { document, report } = assemble(readHtml(SAVED_WORD_PAGE, 'bai.htm', 'utf-8'));
  const body = document.child(2);
  const lists = (type: string) => {
    const items: string[] = [];
    body.forEach((b) => {
      if (b.type.name === type) b.forEach((li) => items.push(li.textContent));
    });
    return items;
  };

  it('reads the supportLists sections as list markers: no bullet or number stays in the text', () => {
    expect(lists('bullet_list')).toEqual(['Cầu chính dài 300 mét', 'Đường dẫn hai đầu cầu']);
    expect(lists('ordered_list')).toEqual(['Giải phóng mặt bằng', 'Đổ trụ cầu']);
    expect(document.textContent).not.toMatch(/·|a\)|b\)/);
  });

  it('reports every change of the sanitiser, once per kind', () => {
    const byCode = Object.fromEntries(report.warnings.map((w) => [w.code, w.message]));
    expect(byCode).toMatchObject({
      tables_flattened: '1 table (2 rows) flattened into paragraphs; check the figures in them.',
      struck_kept: '1 struck-through passage kept as ordinary text: check it was not meant as a deletion.',
      underlined_kept: '1 underlined passage kept as plain text.',
      tracked_deletions_dropped: '1 tracked deletion left out, as in the author’s final text.',
    });
    expect(report.warnings.map((w) => w.code).sort()).toEqual([...new Set(report.warnings.map((w) => w.code))].sort());
    // Struck text stays in the article, where the editor sees it.
    expect(document.textContent).toContain('Tổng vốn 200 215 tỷ đồng, do tỉnh quản lý.');
  });

  it('lists hidden text and the page header and footer with their words, and says so in the headline warning', () => {
    expect(report.dropped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'hidden_text', text: 'Ghi chú nội bộ: chưa xác minh số vốn với sở tài chính.' }),
        expect.objectContaining({ kind: 'word_header_footer', text: 'Báo Lai Châu – bản thảo gửi ban biên tập số ba' }),
        expect.objectContaining({ kind: 'word_header_footer', text: 'Trang 1' }),
      ]),
    );
    expect(document.textContent).not.toMatch(/Ghi chú nội bộ|bản thảo|Trang 1/);
    expect(report.warnings[0]!.message).toBe('3 paragraphs (26 words) were left out as hidden text or page headers and footers — review');
  });
});

describe('sanitiser counts in a web page import', () => {
  it('reports images, embeds, form fields and comments left out, with correct plurals', () => {
    const page =
      '<html><body><article><h1>Tít bài</h1><p>(BLC) – Mở đầu bài viết đủ dài để làm sapo.</p>' +
      '<p>Đoạn một.<video src="a.mp4"></video><svg><circle r="1"></circle></svg></p><p>Đoạn hai <input value="x"> và <select><option>A</option></select>.</p>' +
      '<p>Đoạn ba.</p><p>Tiến Thành</p></article></body></html>';
    const { report } = assemble(readHtml(page, 'p.html', 'utf-8'));
    const messages = report.warnings.map((w) => w.message);
    expect(messages).toEqual(expect.arrayContaining(['2 embedded objects left out (video, audio, frames or drawings).', '2 form fields left out.']));
  });

  it('keeps a few words of hidden text out of the headline warning, but lists them', () => {
    const page = '<html><body><article><h1>Tít bài</h1><p>Mở đầu bài.</p><p>Đoạn một.<span hidden>ghi chú</span></p><p>Tiến Thành</p></article></body></html>';
    const { report } = assemble(readHtml(page, 'p.html', 'utf-8'));
    expect(report.dropped).toContainEqual(expect.objectContaining({ kind: 'hidden_text', text: 'ghi chú' }));
    expect(report.warnings.find((w) => w.code === 'text_left_out')).toBeUndefined();
  });
});

describe('newsroom import prints the sanitiser report', () => {
  const temp = tempDbPerTest();

  it('says the loss on stderr, and every warning and dropped passage in the human and --json outputs', async () => {
    const file = join(temp.dir, 'bai.htm');
    writeFileSync(file, SAVED_WORD_PAGE);
    const human = await runCli(['import', file, '--dry-run']);
    expect(human.code).toBe(0);
    expect(human.err).toContain('newsroom: bai.htm: 3 paragraphs (26 words) were left out as hidden text or page headers and footers — review');
    expect(human.out).toContain('  warning: 1 struck-through passage kept as ordinary text: check it was not meant as a deletion.');
    expect(human.out).toContain('  dropped (hidden passage the page never shows (display:none, hidden, Word hidden text, noscript…)): Ghi chú nội bộ: chưa xác minh số vốn với sở tài chính.');
    expect(human.out).toContain('  dropped (Word page header or footer (printed on every page, not part of the story)): Trang 1');

    const json = await runCli(['import', file, '--dry-run', '--json']);
    expect(json.err).toContain('3 paragraphs (26 words) were left out');
    const [outcome] = JSON.parse(json.out) as { report: { warnings: { code: string; params: Record<string, unknown> }[]; dropped: { kind: string; text: string }[] } }[];
    expect(outcome!.report.warnings).toContainEqual(expect.objectContaining({ code: 'tables_flattened', params: { count: 1, rows: 2 } }));
    expect(outcome!.report.dropped.filter((d) => d.kind === 'word_header_footer').map((d) => d.text)).toEqual(['Báo Lai Châu – bản thảo gửi ban biên tập số ba', 'Trang 1']);
  });
});
