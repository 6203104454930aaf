import { beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../src/main/core/import/docx';
import { ImportError } from '../../src/main/core/import/errors';
import { assemble } from '../../src/main/core/import/parsed';
import { readSource } from '../../src/main/core/import/read';
import { makeDocx } from '../fixtures/import/docx';
import { declaredBomb, lyingBomb } from '../fixtures/import/zip-bombs';
import { makePng } from '../support/photos';

let png: Uint8Array;
beforeAll(async () => {
  png = new Uint8Array(await makePng({ width: 1600, height: 1000 }));
});

const fullDocx = () =>
  makeDocx(
    [
      { p: 'Tiêu đề bài Word', style: 'Title' },
      { p: "Thứ sáu, 10/06/2016 - 16:36'" },
      { p: '(TTXVN) – Đoạn mở đầu có ', bold: 'chữ đậm', italic: ' và nghiêng.' },
      { p: 'Tiểu mục', style: 'Heading2' },
      { p: 'Thân bài với ', link: { text: 'liên kết', href: 'https://example.org/a' } },
      { p: 'Một liên kết nguy hiểm ', link: { text: 'bấm vào', href: 'javascript:alert(1)' } },
      { image: 'image1.png', alt: 'Lớp học tiếng Mông' },
      { p: 'Lớp học tiếng Mông ở Lai Châu (Ảnh: Tiến Thành)', style: 'Caption' },
      { table: [['Năm', 'Số người'], ['2015', '27.309']] },
      { list: ['mục một', 'mục hai'] },
      { inserted: 'Câu thêm vào.', deleted: 'Câu bị xoá.' },
      { commented: 'Đoạn có bình luận.', comment: 'Kiểm tra lại số liệu' },
      { footnoted: 'Đoạn có chú thích.', note: 'Nguồn: Sở Nội vụ.' },
      { externalImage: 'https://example.org/tracker.jpg' },
      { p: 'Tiến Thành' },
    ],
    { 'image1.png': png },
  );

describe('.docx import', () => {
  it('recognises title, date, agency tag, lead with marks, headings, links and lists', async () => {
    const { document, report } = assemble(await readDocx(fullDocx(), 'bai.docx'));
    expect(report).toMatchObject({ format: 'docx', headline: 'Tiêu đề bài Word', publishedAt: '2016-06-10T16:36:00+07:00', agencyTag: 'TTXVN', byline: ['Tiến Thành'] });
    expect(report.lead).toBe('Đoạn mở đầu có chữ đậm và nghiêng.');
    const lead = document.child(1);
    expect(lead.child(1).marks.map((m) => m.type.name)).toEqual(['strong']);
    expect(lead.child(2).marks.map((m) => m.type.name)).toEqual(['em']);
    const json = JSON.stringify(document.toJSON());
    expect(json).toContain('"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Tiểu mục"}]');
    expect(json).toContain('{"type":"link","attrs":{"href":"https://example.org/a"}}');
    expect(json).not.toContain('javascript');
    expect(json).toContain('"type":"bullet_list"');
    expect(report.warnings.map((w) => w.message)).toContain('1 unsafe link was removed (their text was kept).');
  });

  it('turns the embedded image into a figure with the caption paragraph after it and the credit from "(Ảnh: …)"', async () => {
    const parsed = await readDocx(fullDocx(), 'bai.docx');
    expect(parsed.figures[0]).toMatchObject({ credit: 'Tiến Thành', alt: 'Lớp học tiếng Mông' });
    expect(parsed.figures[0]!.image?.bytes).toEqual(png);
    expect(assemble(parsed).report.captions[0]).toBe('Lớp học tiếng Mông ở Lai Châu');
  });

  it('keeps every table cell in order with a warning naming its rows, and appends footnotes', async () => {
    const { document, report } = assemble(await readDocx(fullDocx(), 'bai.docx'));
    const text = document.child(2).textBetween(0, document.child(2).content.size, '\n', '\n');
    // One paragraph per row ("Năm | Số người") is the shared sanitiser's flattening; the words and their order are this importer's.
    expect(text.replace(/ \| |\n/g, ' ')).toContain('Năm Số người 2015 27.309');
    expect(report.warnings.map((w) => w.message)).toContain('1 table (2 rows) flattened into paragraphs; check the figures in them.');
    expect(report.warnings.map((w) => w.message)).toContain('1 footnote was appended at the end of the article.');
    expect(text.trimEnd().endsWith('[1] Nguồn: Sở Nội vụ.')).toBe(true);
  });

  it('imports the accept-all view and reports tracked changes and comments', async () => {
    const { document, report } = assemble(await readDocx(fullDocx(), 'bai.docx'));
    const text = document.textContent;
    expect(text).toContain('Câu thêm vào.');
    expect(text).not.toContain('Câu bị xoá.');
    expect(text).not.toContain('Kiểm tra lại số liệu');
    expect(report.dropped).toContainEqual(expect.objectContaining({ text: 'Câu bị xoá.', reason: 'tracked deletion (accepted)' }));
    expect(report.dropped).toContainEqual(expect.objectContaining({ text: 'Biên tập: Kiểm tra lại số liệu', reason: 'Word comment' }));
    expect(report.warnings.map((w) => w.message).some((w) => /tracked changes \(1 insertions, 1 deletions\)/.test(w))).toBe(true);
  });

  it('never fetches a linked image: it is listed, and its figure awaits a photo', async () => {
    const parsed = await readDocx(fullDocx(), 'bai.docx');
    expect(parsed.dropped).toContainEqual(expect.objectContaining({ text: 'https://example.org/tracker.jpg', reason: 'linked image outside the file (never fetched)' }));
    expect(parsed.figures[1]!.image).toBeNull();
  });

  it('refuses a zip bomb by its declared sizes before inflating anything', async () => {
    const err = await readDocx(declaredBomb(), 'bomb.docx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).reason).toBe('zip_bomb');
    expect((err as ImportError).message).toMatch(/bomb\.docx was refused: .*compressed \d+ to 1.*nothing was imported/);
  });

  it('stops a zip whose headers lie about the size as soon as it overflows', async () => {
    const err = await readDocx(lyingBomb(), 'liar.docx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).message).toMatch(/unpacks to more than the 2 KB it declares/);
  });

  it('refuses a zip with thousands of tiny entries', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const many = Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`word/x${i}.xml`, strToU8('<a/>')]));
    await expect(readDocx(zipSync({ ...many, 'word/document.xml': strToU8('<w:document/>') }), 'many.docx')).rejects.toThrow(/many\.docx was refused: it holds 6001 files/);
  });

  it('refuses a damaged or foreign zip with a clear message', async () => {
    await expect(readDocx(new TextEncoder().encode('PK\u0003\u0004 not really'), 'x.docx')).rejects.toThrow(/x\.docx is not a readable Word document/);
    const { zipSync, strToU8 } = await import('fflate');
    await expect(readDocx(zipSync({ 'hello.txt': strToU8('hi') }), 'y.docx')).rejects.toThrow(/has no word\/document\.xml/);
  });

  it('refuses an old .doc and a zip named .txt', async () => {
    await expect(readSource({ kind: 'file', name: 'old.doc', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) })).rejects.toThrow(/save it as \.docx/);
    await expect(readSource({ kind: 'file', name: 'a.txt', bytes: fullDocx() })).rejects.toThrow(/zip archive/);
  });
});
