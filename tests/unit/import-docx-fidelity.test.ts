import { beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import type { Node as PMNode } from 'prosemirror-model';
import { readDocx } from '../../src/main/core/import/docx';
import { ImportError } from '../../src/main/core/import/errors';
import { assemble } from '../../src/main/core/import/parsed';
import { allWordText, listItem, makeWordFile, p, picture, r, styled, table, textBox } from '../fixtures/import/word-parts';
import { makePng } from '../support/photos';

let png: Uint8Array;
beforeAll(async () => {
  png = new Uint8Array(await makePng({ width: 400, height: 300 }));
});

const TITLE = { Title: 'Title', Caption: 'caption' };

async function importWord(parts: Parameters<typeof makeWordFile>[0], name = 'bai.docx') {
  const parsed = await readDocx(makeWordFile(parts), name);
  return { parsed, ...assemble(parsed) };
}

/** The body's blocks as [type, text] pairs, in order. */
const bodyBlocks = (document: PMNode): [string, string][] => {
  const out: [string, string][] = [];
  document.child(2).forEach((b) => out.push([b.type.name, b.textContent]));
  return out;
};
const messages = (report: { warnings: { message: string }[] }) => report.warnings.map((w) => w.message);

describe('.docx import: Word shapes that used to lose or move text', () => {
  it('keeps a sentence whole around an inline picture and places the picture after its paragraph, not as a caption maker', async () => {
    const { document, report, parsed } = await importWord({
      styles: TITLE,
      images: { rPic: png },
      body: [
        styled('Title', 'Lớp học trên bản'),
        p('Mở đầu bài viết về lớp học tiếng Mông ở Lai Châu.'),
        p([r('Trong năm qua, lớp học '), picture('rPic', 'Lớp học'), r(' đã mở thêm ở mọi bản vùng cao.')]),
        p('Thầy giáo rất vui.'),
        p('Thân bài tiếp tục với nhiều chi tiết về học viên, thầy giáo và bản làng.'),
      ].join(''),
    });
    expect(bodyBlocks(document)).toEqual([
      ['paragraph', 'Trong năm qua, lớp học đã mở thêm ở mọi bản vùng cao.'],
      ['figure', ''],
      ['paragraph', 'Thầy giáo rất vui.'],
      ['paragraph', 'Thân bài tiếp tục với nhiều chi tiết về học viên, thầy giáo và bản làng.'],
    ]);
    expect(parsed.figures[0]).toMatchObject({ alt: 'Lớp học', caption: [] });
    expect(parsed.figures[0]!.image?.bytes).toEqual(png);
    expect(report.captions).toEqual([]);
    expect(messages(report)).toContain('1 picture inside a sentence was placed after its paragraph; the sentence was kept whole.');
  });

  it('still takes the Caption paragraph after an inline picture as its caption', async () => {
    const { document, report } = await importWord({
      styles: TITLE,
      images: { rPic: png },
      body: [
        styled('Title', 'Tít'),
        p('Sapo của bài.'),
        p([r('Lớp học '), picture('rPic'), r(' mở cửa sớm.')]),
        styled('Caption', 'Học viên đến lớp (Ảnh: Tiến Thành)'),
      ].join(''),
    });
    expect(bodyBlocks(document)).toEqual([
      ['paragraph', 'Lớp học mở cửa sớm.'],
      ['figure', 'Học viên đến lớpTiến Thành'],
    ]);
    expect(report.captions).toEqual(['Học viên đến lớp']);
  });

  it('joins a drop cap (drop or margin) to its word', async () => {
    const dropCap = (letter: string, kind: string) => p([r(letter, '<w:sz w:val="96"/>')], `<w:framePr w:dropCap="${kind}" w:lines="3" w:wrap="around" w:vAnchor="text" w:hAnchor="text"/>`);
    const { document, report } = await importWord({
      styles: TITLE,
      body: [
        styled('Title', 'Tít bài'),
        dropCap('T', 'drop'),
        p('rong năm 2024, tỉnh đã mở 12 lớp học.'),
        dropCap('N', 'margin'),
        p('hiều bản vùng cao có lớp học đầu tiên.'),
      ].join(''),
    });
    expect(report.lead).toBe('Trong năm 2024, tỉnh đã mở 12 lớp học.');
    expect(bodyBlocks(document)).toEqual([['paragraph', 'Nhiều bản vùng cao có lớp học đầu tiên.']]);
  });

  it('keeps struck-through and underlined text as ordinary text and reports both', async () => {
    const { document, report } = await importWord({
      styles: TITLE,
      body: [
        styled('Title', 'Tít'),
        p([r('Số học viên là '), r('120', '<w:strike/>'), r(' 150 người.')]),
        p([r('Ngân sách '), r('cũ', '<w:dstrike/>'), r(' mới được duyệt, '), r('không hoàn lại', '<w:u w:val="single"/>'), r('.'), r(' Bình thường', '<w:strike w:val="0"/>')]),
        // A link's underline is only its styling: not counted.
        p([r('Xem '), `<w:hyperlink w:anchor="muc1">${r('mục một', '<w:u w:val="single"/>')}</w:hyperlink>`, r('.')]),
      ].join(''),
    });
    expect(report.lead).toBe('Số học viên là 120 150 người.');
    expect(bodyBlocks(document)).toEqual([
      ['paragraph', 'Ngân sách cũ mới được duyệt, không hoàn lại. Bình thường'],
      ['paragraph', 'Xem mục một.'],
    ]);
    const json = JSON.stringify(document.toJSON());
    expect(json).not.toMatch(/strike|underline/);
    expect(messages(report)).toContain('Struck-through text kept (2 passages: “120”, “cũ”): check it was not meant as a deletion.');
    expect(messages(report)).toContain('Underlined text kept as plain text (1 passage: “không hoàn lại”).');
    // Read from Word's XML with the passages quoted; the sanitiser's count of the same runs is not a second line.
    expect(report.warnings.map((w) => w.code).filter((c) => /struck|underlined/.test(c))).toEqual(['struck_text', 'underlined_text']);
  });

  it('leaves hidden text out of the article and lists it with its reason', async () => {
    const { document, report } = await importWord({
      styles: TITLE,
      body: [
        styled('Title', 'Tít'),
        p([r('Công an tỉnh cho biết vụ việc đang được điều tra'), r(' (ghi chú: gọi lại anh Hùng)', '<w:vanish/>'), r('.')]),
        p([r('Đoạn thân bài không ẩn', '<w:vanish w:val="false"/>'), r('.')]),
      ].join(''),
    });
    expect(report.lead).toBe('Công an tỉnh cho biết vụ việc đang được điều tra.');
    expect(document.textContent).not.toContain('ghi chú');
    expect(bodyBlocks(document)).toEqual([['paragraph', 'Đoạn thân bài không ẩn.']]);
    expect(report.dropped).toContainEqual(expect.objectContaining({ text: '(ghi chú: gọi lại anh Hùng)', reason: 'hidden text in Word (neither shown nor printed there)' }));
  });

  it('leaves the placeholder of an unfilled template field out and lists it, and keeps a filled field', async () => {
    const field = (text: string, placeholder: boolean) =>
      `<w:sdt><w:sdtPr><w:alias w:val="Tác giả"/>${placeholder ? '<w:showingPlcHdr/>' : ''}</w:sdtPr><w:sdtContent>${r(text)}</w:sdtContent></w:sdt>`;
    const { document, report } = await importWord({
      styles: TITLE,
      body: [
        styled('Title', 'Tít'),
        p('Sapo của bài.'),
        p([r('Tác giả: '), field('Nhập tên tác giả tại đây.', true)]),
        p([r('Nơi viết: '), field('Sìn Hồ', false)]),
        p('Đoạn thân bài cuối cùng của bài viết.'),
      ].join(''),
    });
    expect(bodyBlocks(document)).toEqual([
      ['paragraph', 'Tác giả:'],
      ['paragraph', 'Nơi viết: Sìn Hồ'],
      ['paragraph', 'Đoạn thân bài cuối cùng của bài viết.'],
    ]);
    expect(report.dropped).toContainEqual(expect.objectContaining({ text: 'Nhập tên tác giả tại đây.', reason: 'placeholder of a Word template field nobody filled in' }));
  });

  it('keeps footnote and endnote numbers in the text and appends every note under a notes heading', async () => {
    const { document, report } = await importWord({
      styles: TITLE,
      body: [
        styled('Title', 'Tít'),
        p([r('Trong năm 2024'), '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>', r(', tỉnh có 12 lớp.')]),
        p([r('Số liệu của Sở'), '<w:r><w:endnoteReference w:id="1"/></w:r>', r(' được công bố.')]),
      ].join(''),
      footnotes: { 1: p([`<w:r><w:footnoteRef/></w:r>`, r(' Theo báo cáo năm.')]) + p('Dòng thứ hai của chú thích.') },
      endnotes: { 1: p('Sở Giáo dục và Đào tạo.') },
    });
    expect(report.lead).toBe('Trong năm 2024[1], tỉnh có 12 lớp.');
    expect(bodyBlocks(document)).toEqual([
      ['paragraph', 'Số liệu của Sở[2] được công bố.'],
      ['heading', 'Chú thích'],
      ['paragraph', '[1] Theo báo cáo năm.'],
      ['paragraph', 'Dòng thứ hai của chú thích.'],
      ['paragraph', '[2] Sở Giáo dục và Đào tạo.'],
    ]);
    expect(messages(report)).toContain('2 footnotes were appended at the end of the article.');
  });

  it('never takes a table right after the title for the lead, and reports it flattened with its rows', async () => {
    const { document, report } = await importWord({
      styles: TITLE,
      body: [
        styled('Title', 'Kết quả tuyển sinh'),
        table([[['Huyện', '(theo báo cáo của Sở)'], 'Học viên'], ['Sìn Hồ', '320'], ['Phong Thổ', '275'], ['Ảnh: Sở cung cấp']]),
        p('Năm nay toàn tỉnh tuyển gần 600 học viên.'),
        p('Tiến Thành'),
      ].join(''),
    });
    expect(report.headline).toBe('Kết quả tuyển sinh');
    expect(report.lead).toBe('Năm nay toàn tỉnh tuyển gần 600 học viên.');
    expect(report.byline).toEqual(['Tiến Thành']);
    const body = document.child(2).textBetween(0, document.child(2).content.size, '\n', '\n');
    // A row that reads like a caption cue ("Ảnh: …") stays a row of the table, not a figure.
    expect(body.replace(/ \| |\n/g, ' ')).toBe('Huyện (theo báo cáo của Sở) Học viên Sìn Hồ 320 Phong Thổ 275 Ảnh: Sở cung cấp');
    expect(report.figures).toEqual([]);
    expect(messages(report)).toContain('1 table (4 rows) flattened into paragraphs; check the figures in them.');
    expect(report.warnings.filter((w) => w.code === 'tables_flattened')).toHaveLength(1);
  });

  it('turns Quote, Intense Quote, Block Text and "Trích dẫn" paragraphs into block quotes', async () => {
    const { document } = await importWord({
      styles: { ...TITLE, Quote: 'Quote', IntenseQuote: 'Intense Quote', BlockText: 'Block Text', TrichDan: 'Trích dẫn' },
      body: [
        styled('Title', 'Tít'),
        p('Sapo của bài.'),
        styled('Quote', '“Chúng tôi sẽ mở thêm lớp,” ông nói.'),
        styled('IntenseQuote', '“Học để giữ tiếng nói.”'),
        p('Đoạn thân bài.'),
        styled('BlockText', 'Trích văn bản của Sở.'),
        p('Đoạn giữa.'),
        styled('TrichDan', 'Trích lời bà con.'),
      ].join(''),
    });
    const quotes: string[][] = [];
    document.child(2).forEach((b) => {
      if (b.type.name === 'blockquote') quotes.push(Array.from({ length: b.childCount }, (_, i) => b.child(i).textContent));
    });
    expect(quotes).toEqual([['“Chúng tôi sẽ mở thêm lớp,” ông nói.', '“Học để giữ tiếng nói.”'], ['Trích văn bản của Sở.'], ['Trích lời bà con.']]);
  });

  it('refuses an empty document with a sentence naming the file', async () => {
    const refusal = async (parts: Parameters<typeof makeWordFile>[0], name: string) => {
      const err = await readDocx(makeWordFile(parts), name).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImportError);
      expect((err as ImportError).reason).toBe('empty');
      return (err as ImportError).message;
    };
    expect(await refusal({ body: '' }, 'trong.docx')).toBe('trong.docx has no text to import (it is empty or holds only empty paragraphs); nothing was imported.');
    expect(await refusal({ body: [p([]), p('   '), p([r('\t'), r(' ')]), p([]), styled('Title', ' ')].join('') }, 'rong.docx')).toBe(
      'rong.docx has no text to import (it is empty or holds only empty paragraphs); nothing was imported.',
    );
    expect(await refusal({ body: p([]), headers: [p('Báo Lai Châu')] }, 'dau-trang.docx')).toBe(
      'dau-trang.docx has no text to import (it holds text only in page headers, footers, comments, hidden text or unfilled fields); nothing was imported.',
    );
    expect(await refusal({ body: p([picture('rPic')]), images: { rPic: png } }, 'anh.docx')).toBe('anh.docx has no text to import (it holds 1 picture); nothing was imported.');
  });

  it('never keeps bullet glyphs or typed numbers in list items; Word numbering becomes real lists', async () => {
    const symbol = (glyph: string) => r(glyph, '<w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/>');
    const { document } = await importWord({
      styles: TITLE,
      numbering: { 1: 'bullet', 2: 'decimal' },
      body: [
        styled('Title', 'Tít'),
        p('Sapo của bài.'),
        listItem(1, '· Mục có chấm giữa'),
        listItem(1, [symbol('\uF0B7'), r('\tMục có ký hiệu Symbol')]),
        listItem(1, '•\tMục có chấm tròn'),
        listItem(2, '1. Bước một'),
        listItem(2, '2) Bước hai'),
        listItem(2, 'Bước ba có 1.000 người'),
        p('Đoạn giữa.'),
        p([symbol('\uF0A7'), r('\tMục gõ tay bằng Wingdings')]),
        p('• Mục gõ tay thứ hai'),
        p('o\tMục cấp hai gõ tay'),
        p('Đoạn cuối có • ở giữa câu.'),
      ].join(''),
    });
    const lists: [string, string[]][] = [];
    document.child(2).forEach((b) => {
      if (b.type.name.endsWith('_list')) lists.push([b.type.name, Array.from({ length: b.childCount }, (_, i) => b.child(i).textContent)]);
    });
    expect(lists).toEqual([
      ['bullet_list', ['Mục có chấm giữa', 'Mục có ký hiệu Symbol', 'Mục có chấm tròn']],
      ['ordered_list', ['Bước một', 'Bước hai', 'Bước ba có 1.000 người']],
      ['bullet_list', ['Mục gõ tay bằng Wingdings', 'Mục gõ tay thứ hai', 'Mục cấp hai gõ tay']],
    ]);
    expect(document.textContent).not.toMatch(/[·\uF000-\uF0FF]/u);
    expect(bodyBlocks(document).at(-1)).toEqual(['paragraph', 'Đoạn cuối có • ở giữa câu.']);
  });

  it('writes the numbers Word generates for numbered headings into their text', async () => {
    const { document } = await importWord({
      styles: { ...TITLE, Heading1: { name: 'heading 1', numId: 3 }, Heading2: 'heading 2' },
      numbering: { 3: [['upperRoman', '%1.']], 4: [['decimal', '%1.'], ['decimal', '%1.%2']], 1: 'bullet' },
      body: [
        styled('Title', 'Báo cáo tổng kết'),
        p('Sapo của báo cáo.'),
        styled('Heading1', 'TÌNH HÌNH CHUNG'),
        p('Đoạn thân bài.'),
        styled('Heading1', 'KẾT QUẢ'),
        p('Giới thiệu', '<w:pStyle w:val="Heading2"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr>'),
        p('Bối cảnh', '<w:pStyle w:val="Heading2"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr>'),
        p('Số liệu', '<w:pStyle w:val="Heading2"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr>'),
        p('Đánh giá', '<w:pStyle w:val="Heading2"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr>'),
        p('Kiến nghị', '<w:pStyle w:val="Heading2"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr>'),
        listItem(1, 'Mục gạch đầu dòng'),
      ].join(''),
    });
    expect(bodyBlocks(document)).toEqual([
      ['heading', 'I. TÌNH HÌNH CHUNG'],
      ['paragraph', 'Đoạn thân bài.'],
      ['heading', 'II. KẾT QUẢ'],
      ['heading', '1. Giới thiệu'],
      ['heading', '1.1 Bối cảnh'],
      ['heading', '1.2 Số liệu'],
      ['heading', '2. Đánh giá'],
      ['heading', '2.1 Kiến nghị'],
      ['bullet_list', 'Mục gạch đầu dòng'],
    ]);
  });
});

describe('.docx import: every piece of text is accounted for', () => {
  const body = [
    styled('Title', 'Tít bài kiểm kê'),
    p([r('T', '<w:sz w:val="96"/>')], '<w:framePr w:dropCap="drop" w:lines="3"/>'),
    p([r('rong sapo có '), r('chữ gạch', '<w:strike/>'), r(' và tham chiếu'), '<w:r><w:footnoteReference w:id="1"/></w:r>', r('.')]),
    table([['Cột một', 'Cột hai'], ['ô ba', 'ô bốn']]),
    p([r('Đoạn có hộp neo ở đây.'), textBox(['Hộp chữ có bản sao VML.'])]),
    p([r('Đoạn có hộp chỉ vẽ.'), textBox(['Hộp chữ chỉ có bản vẽ.'], true)]),
    '<w:sdt><w:sdtPr><w:alias w:val="Tóm tắt"/></w:sdtPr><w:sdtContent>' + p('Chữ trong điều khiển nội dung.') + '</w:sdtContent></w:sdt>',
    p(['<w:sdt><w:sdtContent>' + r('Điều khiển trong dòng') + '</w:sdtContent></w:sdt>', r(' tiếp nối câu.')]),
    p(['<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>' + r('Bấm vào đây để nhập chữ.') + '</w:sdtContent></w:sdt>']),
    p(['<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">' + r('Lai Châu') + '</w:smartTag>', r(' là tỉnh vùng cao.')]),
    p([r('Câu có '), r('chữ ẩn của phóng viên ', '<w:vanish/>'), r('ghi chú.')]),
    p('Dự án R&D <thí điểm> "Nước sạch" & vệ sinh.'),
    p([r('Câu '), '<w:del w:id="9" w:author="BTV"><w:r><w:delText>bị xoá khi sửa</w:delText></w:r></w:del>', r('còn lại.')]),
    p(['<w:commentRangeStart w:id="3"/>', r('Đoạn có bình luận.'), '<w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r>']),
    listItem(1, '· Mục danh sách'),
    p([r('Trong câu '), picture('rPic', 'Ảnh minh hoạ'), r(' có ảnh.')]),
    styled('Caption', 'Chú thích ảnh kiểm kê'),
    p('Tiến Thành'),
  ].join('');
  const parts = {
    styles: TITLE,
    numbering: { 1: 'bullet' },
    body,
    footnotes: { 1: p('Ghi chú cuối trang.') },
    endnotes: { 2: p('Ghi chú cuối bài không được tham chiếu.') },
    headers: [p('Báo Lai Châu đầu trang')],
    footers: [p([r('Trang '), r('5')])],
    comments: { 3: 'Kiểm tra lại câu này' },
  };

  it('puts the text of every w:t run in the article or in the report', async () => {
    const bytes = makeWordFile({ ...parts, images: { rPic: png } });
    const parsed = await readDocx(bytes, 'kiem-ke.docx');
    const { document, report } = assemble(parsed);
    const haystack = [
      document.textContent,
      ...parsed.figures.flatMap((f) => [f.alt, f.credit, f.caption.map((n) => n.textContent).join('')]),
      report.headline,
      report.lead,
      ...report.byline,
      ...report.dropped.map((d) => d.text),
      ...report.warnings.map((w) => w.message),
    ].join('\n');
    // Each run's text, whole: a piece found nowhere means text was lost. A bullet glyph typed
    // before a list item is formatting and is removed on purpose, so it is not looked for.
    const pieces = allWordText(unzipSync(bytes))
      .map((t) => t.replace(/^[·•\uF000-\uF0FF]+/u, '').replace(/\s+/g, ' ').trim())
      .filter((t) => /[\p{L}\p{N}]/u.test(t));
    expect(pieces.length).toBeGreaterThan(30);
    const missing = pieces.filter((t) => !haystack.replace(/\s+/g, ' ').includes(t));
    expect(missing).toEqual([]);
  });

  it('imports each text box once, after its anchor paragraph, and lists headers and footers', async () => {
    const { document, report } = assemble(await readDocx(makeWordFile({ ...parts, images: { rPic: png } }), 'kiem-ke.docx'));
    const texts = bodyBlocks(document).map(([, t]) => t);
    const at = (t: string) => texts.indexOf(t);
    expect(texts.filter((t) => t === 'Hộp chữ có bản sao VML.')).toHaveLength(1);
    expect(at('Hộp chữ có bản sao VML.')).toBe(at('Đoạn có hộp neo ở đây.') + 1);
    expect(at('Hộp chữ chỉ có bản vẽ.')).toBe(at('Đoạn có hộp chỉ vẽ.') + 1);
    expect(texts).toContain('Điều khiển trong dòng tiếp nối câu.');
    expect(report.dropped).toContainEqual(expect.objectContaining({ text: 'Báo Lai Châu đầu trang', kind: 'word_header_footer' }));
    expect(report.dropped).toContainEqual(expect.objectContaining({ text: 'Trang 5', reason: 'Word page header or footer (printed on every page, not part of the story)' }));
    expect(report.warnings.map((w) => w.message)).toContain('2 text boxes were placed as paragraphs after the paragraph they were anchored to.');
  });
});
