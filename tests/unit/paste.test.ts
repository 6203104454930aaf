import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, beforeAll } from 'vitest';
import { DOMParser as LinkedomParser } from 'linkedom';
import { DOMParser as PMDOMParser, Fragment, Slice } from 'prosemirror-model';
import { EditorState, TextSelection, type Plugin, type Transaction } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../src/shared/schema';
import { createDocument } from '../../src/shared/document';
import { emptyReport, reportOf, sanitizeHtml, type HtmlNodeLike, type SanitizeReport } from '../../src/shared/html';
import i18next from 'i18next';
// Renderer sources belong to the web TypeScript project; loading them at run time keeps
// them out of this (node) project's type program. Their types are restated here.
import type { ResolvedPos, Schema } from 'prosemirror-model';

const PLUGINS = '../../src/renderer/src/editor/plugins/';
const { pastePlugin } = (await import(`${PLUGINS}paste/paste-plugin`)) as {
  pastePlugin: (texts: () => { changes: (report: SanitizeReport) => string | null; close: string }) => Plugin;
};
const { pasteNoticeText } = (await import(`${PLUGINS}paste/notice-text`)) as {
  pasteNoticeText: (report: SanitizeReport, t: (key: string, options: Record<string, unknown>) => string) => string | null;
};
const I18N = '../../src/renderer/src/i18n/';
const { vi } = (await import(`${I18N}vi`)) as { vi: Record<string, unknown> };
const { en } = (await import(`${I18N}en`)) as { en: Record<string, unknown> };
const { fitSliceToPart } = (await import(`${PLUGINS}paste/fit`)) as { fitSliceToPart: (slice: Slice, $at: ResolvedPos, schema: Schema) => Slice };
type InsertPoint = { caret: number; boundary?: number };
const { insertBatch } = (await import(`${PLUGINS}paste/large-paste`)) as {
  insertBatch: (state: EditorState, blocks: PMNode[], at: InsertPoint | null) => { tr: Transaction; at: InsertPoint };
};

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'clipboard');

beforeAll(() => {
  // The plugin parses clipboard HTML with the page's DOMParser; linkedom stands in here.
  (globalThis as { DOMParser?: unknown }).DOMParser = LinkedomParser;
});

const plugin = pastePlugin(() => ({ changes: () => null, close: 'x' })) as Plugin;
const transformHtml = (html: string) => plugin.props.transformPastedHTML!.call(plugin, html, null as never);

const state = EditorState.create({ doc: createDocument({ headline: 'Tít', lead: 'Sapo', paragraphs: ['Một'] }) });
const bodyPos = state.doc.child(0).nodeSize + state.doc.child(1).nodeSize + 2;

describe('paste: HTML', () => {
  it('hands ProseMirror only clean markup', () => {
    const html = transformHtml(readFileSync(join(FIXTURES, 'hostile.html'), 'utf8'));
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<img|<iframe|style=/i);
    expect(html).toContain('<a href="https://example.org/ok">liên kết tốt</a>');
  });

  it('passes our own editor’s clipboard through unchanged', () => {
    const own = '<p data-pm-slice="1 1 []">Đoạn <strong>đậm</strong></p>';
    expect(transformHtml(own)).toBe(own);
  });

  it('Word paste parses into schema-valid body content', () => {
    const html = transformHtml(readFileSync(join(FIXTURES, 'word.html'), 'utf8'));
    const el = new LinkedomParser().parseFromString(`<div>${html}</div>`, 'text/html').querySelector('div');
    const slice = PMDOMParser.fromSchema(schema).parseSlice(el as never, { context: state.doc.resolve(bodyPos) });
    const tr = state.tr.replaceRange(bodyPos, bodyPos, slice);
    tr.doc.check();
    expect(tr.doc.child(2).textContent).toContain('Đào tạo chuyên môn, nghiệp vụ');
  });
});

describe('paste: plain text', () => {
  const parse = (text: string) => plugin.props.clipboardTextParser!.call(plugin, text, state.doc.resolve(bodyPos), true, null as never) as Slice;

  it('splits paragraphs on blank lines and joins wrapped lines with a space', () => {
    const slice = parse('Dòng một\ntiếp theo\n\nĐoạn hai');
    const texts: string[] = [];
    slice.content.forEach((n) => texts.push(n.textContent));
    expect(texts).toEqual(['Dòng một tiếp theo', 'Đoạn hai']);
  });

  it('NFC-normalises', () => {
    expect(parse('Vie\u0323\u0302t').content.firstChild!.textContent).toBe('Việt');
  });
});

describe('paste into single-line parts', () => {
  const paragraphs = new Slice(
    Fragment.from([
      schema.node('paragraph', null, [schema.text('Một', [schema.marks.strong!.create()]), schema.node('hard_break'), schema.text('hai')]),
      schema.node('paragraph', null, [schema.text('ba')]),
    ]),
    1,
    1,
  );

  it('joins paragraphs into the headline as plain text', () => {
    const fitted = fitSliceToPart(paragraphs, state.doc.resolve(2), schema);
    const tr = state.tr.replace(2, 2, fitted);
    tr.doc.check();
    expect(tr.doc.child(0).textContent).toBe('TMột hai baít');
    expect(tr.doc.child(0).firstChild!.marks).toEqual([]);
    expect(tr.doc.child(1).textContent).toBe('Sapo');
  });

  it('keeps marks in the lead, which allows them', () => {
    const leadPos = state.doc.child(0).nodeSize + 1;
    const tr = state.tr.replace(leadPos, leadPos, fitSliceToPart(paragraphs, state.doc.resolve(leadPos), schema));
    tr.doc.check();
    const lead = tr.doc.child(1);
    expect(lead.textBetween(0, lead.content.size, undefined, '⏎')).toBe('Một⏎hai baSapo'); // the lead keeps line breaks
    expect(tr.doc.child(1).firstChild!.marks.map((m) => m.type.name)).toEqual(['strong']);
    expect(tr.doc.childCount).toBe(4);
  });

  it('leaves body pastes alone', () => {
    expect(fitSliceToPart(paragraphs, state.doc.resolve(bodyPos), schema)).toBe(paragraphs);
  });
});

describe('large paste in slices', () => {
  it('inserts batch after batch in order, splitting the caret’s paragraph once', () => {
    let s = EditorState.create({ doc: createDocument({ paragraphs: ['Một đoạn.', 'Sau.'] }) });
    const start = s.doc.child(0).nodeSize + s.doc.child(1).nodeSize + 2;
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, start + 'Một'.length)));
    const batch = (tag: string) => [0, 1].map((i) => schema.node('paragraph', null, [schema.text(`${tag}${i}`)]));
    let at: InsertPoint | null = null;
    for (const tag of ['a', 'b', 'c']) {
      const r = insertBatch(s, batch(tag), at);
      at = r.at;
      s = s.apply(r.tr);
    }
    const texts: string[] = [];
    s.doc.child(2).forEach((n) => texts.push(n.textContent));
    expect(texts).toEqual(['Mộta0', 'a1', 'b0', 'b1', 'c0', 'c1', ' đoạn.', 'Sau.']);
    s.doc.check();
  });
});

describe('paste notice: one sentence listing every change, in Vietnamese and English', () => {
  const translators = async () => {
    const instance = i18next.createInstance();
    await instance.init({ resources: { vi: { translation: vi }, en: { translation: en } }, lng: 'vi', fallbackLng: 'en', interpolation: { escapeValue: false } });
    const forLanguage = (lng: string) => (key: string, options: Record<string, unknown>) => instance.t(`editorTools.${key}`, { ...options, lng });
    return { vi: forLanguage('vi'), en: forLanguage('en') };
  };
  const countsFor = (name: string) => {
    const doc = new LinkedomParser().parseFromString(readFileSync(join(FIXTURES, name), 'utf8'), 'text/html');
    return reportOf(sanitizeHtml(doc as unknown as HtmlNodeLike));
  };

  it('says a Word table was flattened, and that struck and underlined text was kept', async () => {
    const t = await translators();
    const counts = countsFor('word-table.html');
    expect(pasteNoticeText(counts, t.vi)).toBe(
      'Nội dung dán đã được điều chỉnh: 1 bảng (4 hàng) đã được chuyển thành đoạn văn; ' +
        '1 đoạn chữ gạch ngang được giữ như chữ thường: hãy kiểm tra xem đó có phải phần định xoá không; 1 đoạn chữ gạch chân được giữ như chữ thường.',
    );
    expect(pasteNoticeText(counts, t.en)).toBe(
      'The paste was changed: 1 table (4 rows) flattened into paragraphs; ' +
        '1 struck-through passage kept as ordinary text: check it was not meant as a deletion; 1 underlined passage kept as plain text.',
    );
  });

  it('lists every kind with its count and English plurals', async () => {
    const t = await translators();
    const counts: SanitizeReport = {
      ...emptyReport(), imagesDropped: 2, unsafeLinksDropped: 1, tablesFlattened: 2, tableRowsFlattened: 1, struckKept: 3, underlinedKept: 1,
      embedsDropped: 1, formFieldsDropped: 7, trackedDeletionsDropped: 2, commentsDropped: 1,
    };
    expect(pasteNoticeText(counts, t.en)).toBe(
      'The paste was changed: 2 tables (1 row) flattened into paragraphs; 2 images left out (add photos with the article’s photo tools); ' +
        '1 embedded object left out (video, audio, frame or drawing); 7 form fields left out; ' +
        '1 unsafe link removed, its text kept (only http, https and mailto links are kept); 2 tracked deletions left out, as in the author’s final text; ' +
        '1 Word comment left out; 3 struck-through passages kept as ordinary text: check they were not meant as deletions; 1 underlined passage kept as plain text.',
    );
    expect(pasteNoticeText(counts, t.vi)).toContain('2 bảng (1 hàng) đã được chuyển thành đoạn văn; đã bỏ 2 ảnh');
    expect(pasteNoticeText(counts, t.vi)).toContain('đã bỏ 7 ô nhập liệu của biểu mẫu');
  });

  it('quotes the hidden text and the Word page header and footer it left out', async () => {
    const t = await translators();
    const report = countsFor('word-hidden-and-headers.html');
    expect(pasteNoticeText(report, t.vi)).toBe(
      'Nội dung dán đã được điều chỉnh: 2 đoạn chữ ẩn không được dán (“Ghi chú nội bộ: chưa xác minh số vốn.”, “Bản nháp cũ, không in”); ' +
        'đã bỏ 2 phần đầu trang/chân trang của Word (“Báo Lai Châu – Bản thảo”, “Trang 1”).',
    );
    expect(pasteNoticeText(report, t.en)).toBe(
      'The paste was changed: 2 hidden passages were not pasted (“Ghi chú nội bộ: chưa xác minh số vốn.”, “Bản nháp cũ, không in”); ' +
        '2 page headers and footers of the Word page left out (“Báo Lai Châu – Bản thảo”, “Trang 1”).',
    );
  });

  it('says one hidden passage in the singular, cuts a long quote at a word and shows at most three', async () => {
    const t = await translators();
    const long = 'Đoạn ẩn rất dài của phóng viên ghi lại nguồn tin và các con số chưa được kiểm chứng trong bài';
    const one: SanitizeReport = { ...emptyReport(), hiddenDropped: 1, leftOut: [{ reason: 'hidden', text: long }] };
    expect(pasteNoticeText(one, t.en)).toBe('The paste was changed: 1 hidden passage was not pasted (“Đoạn ẩn rất dài của phóng viên ghi lại nguồn tin và các con…”).');
    const texts = ['một', 'hai', 'ba', 'bốn'];
    const four: SanitizeReport = { ...emptyReport(), pageHeadersFootersDropped: 4, leftOut: texts.map((text) => ({ reason: 'page_header_footer', text })) };
    expect(pasteNoticeText(four, t.en)).toBe('The paste was changed: 4 page headers and footers of the Word page left out (“một”, “hai”, “ba”, …).');
    expect(pasteNoticeText({ ...four, pageHeadersFootersDropped: 1, leftOut: four.leftOut.slice(0, 1) }, t.en)).toBe(
      'The paste was changed: 1 page header or footer of the Word page left out (“một”).',
    );
  });

  it('says nothing when the paste arrived unchanged', async () => {
    const t = await translators();
    expect(pasteNoticeText(countsFor('word-smart-tags.html'), t.vi)).toBeNull();
    expect(pasteNoticeText(emptyReport(), t.en)).toBeNull();
  });
});

describe('paste: the words always arrive', () => {
  it('falls back to the plain text when the HTML holds no readable text', () => {
    let s = EditorState.create({ doc: createDocument({ paragraphs: ['Một'] }) });
    const at = s.doc.child(0).nodeSize + s.doc.child(1).nodeSize + 2;
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, at + 'Một'.length)));
    const html = transformHtml('<object data="x"></object><p><v:shape><v:imagedata src="x.png"/></v:shape></p>');
    const el = new LinkedomParser().parseFromString(`<div>${html}</div>`, 'text/html').querySelector('div');
    const slice = PMDOMParser.fromSchema(schema).parseSlice(el as never);
    let dispatched: Transaction | null = null;
    const view = { state: s, composing: false, dispatch: (tr: Transaction) => (dispatched = tr) };
    const event = { clipboardData: { getData: (type: string) => (type === 'text/plain' ? 'Lai Châu\n\nđoạn hai' : '') } };
    const handled = plugin.props.handlePaste!.call(plugin, view as never, event as never, slice);
    expect(handled).toBe(true);
    const body = dispatched!.doc.child(2);
    expect(body.child(0).textContent).toBe('MộtLai Châu');
    expect(body.child(1).textContent).toBe('đoạn hai');
  });
});
