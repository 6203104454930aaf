import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addReports, blocksToHtml, blocksToNodes, countsOf, emptyReport, noChanges, plainTextToParagraphs, reportOf, sanitizeHtml, splitHtml, wordConditionalsAsComments,
  type HtmlNodeLike,
} from '../../src/shared/html';
import { schema } from '../../src/shared/schema';
import { CLIPBOARD_CASES } from '../support/clipboard-cases';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'clipboard');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function clean(html: string) {
  const { document } = parseHTML(html);
  const result = sanitizeHtml(document as unknown as HtmlNodeLike);
  return { ...result, html: blocksToHtml(result.blocks) };
}

/** Body nodes must satisfy the article schema. */
function checkAgainstSchema(html: string) {
  const { blocks } = clean(html);
  const body = schema.nodes.body!.create(null, blocksToNodes(blocks, schema).length ? blocksToNodes(blocks, schema) : [schema.nodes.paragraph!.create()]);
  body.check();
  return body;
}

describe('sanitizeHtml: Word', () => {
  const out = clean(fixture('word.html'));

  it('keeps headings, paragraphs, bold and italic, dropping Office markup', () => {
    expect(out.html).toContain('<h2>Từng bước đáp ứng yêu cầu của nền hành chính hiện đại</h2>');
    expect(out.html).toContain('<strong>(BLC) – Để từng bước xây dựng nền hành chính hiện đại</strong>, những năm qua');
    expect(out.html).toContain('<em>quan tâm</em>');
    expect(out.html).not.toMatch(/mso|MsoNormal|o:p|class=|style=|font-family|supportLists/i);
  });

  it('turns line breaks and NBSP inside text into single spaces, never fusing words', () => {
    expect(out.html).toContain('xây dựng nền hành chính'); // a source line break between "xây" and "dựng"
    expect(out.html).toContain('05-NQ/TU, giai đoạn 2011 – 2015');
    expect(out.html).not.toContain('\u00a0');
  });

  it('rebuilds mso-list paragraphs as nested bullet and numbered lists without the literal markers', () => {
    expect(out.html).toContain(
      '<ul><li><p>Đào tạo chuyên môn, nghiệp vụ: 2.475 lượt người</p><ul><li><p>Trong đó cấp tỉnh chiếm 40,1%</p></li></ul></li><li><p>Bồi dưỡng lý luận chính trị</p></li></ul>',
    );
    expect(out.html).toContain('<ol><li><p>Rà soát quy hoạch</p></li><li><p>Cử đi học</p></li></ol>');
    expect(out.html).not.toContain('·');
  });

  it('drops comment anchors, empty paragraphs and tracked deletions, keeps insertions', () => {
    expect(out.html).toContain('27.309 lượt người.</p>');
    expect(out.html).toContain('Cán bộ trẻ được tuyển dụng.');
    expect(out.html).not.toContain('cũ');
    expect(out.html).not.toContain('<p></p>');
  });

  it('drops the image and counts it, keeps the link', () => {
    expect(out.imagesDropped).toBe(1);
    expect(out.html).toContain('<a href="https://baolaichau.vn/chinh-tri">baolaichau.vn</a>');
  });

  it('fits the article schema', () => {
    expect(checkAgainstSchema(fixture('word.html')).childCount).toBeGreaterThan(4);
  });
});

describe('sanitizeHtml: real clipboard shapes (linkedom)', () => {
  for (const c of CLIPBOARD_CASES) {
    it(c.name, () => {
      const html = wordConditionalsAsComments(fixture(c.fixture));
      const out = clean(html);
      expect(out.html).toBe(c.html);
      expect(countsOf(out)).toEqual({ ...noChanges(), ...c.counts });
      expect(out.leftOut).toEqual(c.leftOut ?? []);
      checkAgainstSchema(html);
    });
  }
});

describe('sanitizeHtml: Word shapes in detail', () => {
  it('a paste made only of smart tags arrives whole', () => {
    const out = clean('<p><st1:place w:st="on"><st1:City w:st="on">Lai Châu</st1:City></st1:place></p>');
    expect(out.html).toBe('<p>Lai Châu</p>');
  });

  it('keeps footnote text, drops reviewer comments and counts them', () => {
    const out = clean(
      '<p>Câu có chú thích<a href="#_ftn1" name="_ftnref1"><span class=MsoFootnoteReference>[1]</span></a>' +
        '<![if !supportAnnotations]><a class=msocomanchor id="_anchor_1" href="#_msocom_1" name="_msoanchor_1">[PV1]</a><![endif]>.</p>' +
        "<div style='mso-element:footnote-list'><div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText>[1] Nguồn: Sở Nội vụ.</p></div></div>" +
        "<div style='mso-element:comment-list'><div style='mso-element:comment'><p class=MsoCommentText>Kiểm tra lại số liệu</p></div>" +
        "<div style='mso-element:comment'><p class=MsoCommentText>Thêm nguồn</p></div></div>",
    );
    expect(out.html).toBe('<p>Câu có chú thích[1].</p><p>[1] Nguồn: Sở Nội vụ.</p>');
    expect(out.commentsDropped).toBe(2);
  });

  it('takes a list marker left as text (Symbol-font private-use glyph) off the item', () => {
    const out = clean("<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='font-family:Symbol'>\uf0b7&nbsp;&nbsp;</span>Mục một</p>");
    expect(out.html).toBe('<ul><li><p>Mục một</p></li></ul>');
  });

  it('reads a list number from a [if !supportLists] section, but never takes unclosed or long sections for one', () => {
    const item = (marker: string, text: string) => `<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><!--[if !supportLists]-->${marker}<!--[endif]-->${text}</p>`;
    expect(clean(item('1.&nbsp;&nbsp;', 'Một') + item('2.&nbsp;&nbsp;', 'Hai')).html).toBe('<ol><li><p>Một</p></li><li><p>Hai</p></li></ol>');
    expect(clean('<p><!--[if !supportLists]-->Hà Nội</p>').html).toBe('<p>Hà Nội</p>');
    expect(clean('<p><!--[if !supportLists]-->Một câu dài không phải số<!--[endif]--> tiếp</p>').html).toBe('<p>Một câu dài không phải số tiếp</p>');
    expect(clean('<p>Dòng<br><!--[if !supportLineBreakNewLine]--><br><!--[endif]-->mới</p>').html).toBe('<p>Dòng<br>mới</p>');
    expect(clean("<p><span style='mso-list:Ignore'>Đoạn văn dài bị gắn nhầm kiểu</span></p>").html).toBe('<p>Đoạn văn dài bị gắn nhầm kiểu</p>');
  });

  it('a Word list marker with words ("Điều 1.") stays in the text; "(a)", "1.2" number the list; "-" is a bullet', () => {
    const item = (list: string, marker: string, text: string) =>
      `<p class=MsoListParagraph style='mso-list:${list} level1 lfo1'><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span>${text}</p>`;
    const out = clean(
      item('l0', 'Điều 1.', 'Phạm vi điều chỉnh') + item('l0', 'Điều 2.', 'Đối tượng áp dụng') + '<p>Giữa.</p>' +
        item('l1', '(a)', 'Mục a') + item('l1', '(b)', 'Mục b') + '<p>Giữa.</p>' + item('l2', '1.2', 'Mục con') + '<p>Giữa.</p>' + item('l3', '-', 'Gạch đầu dòng'),
    );
    expect(out.html).toBe(
      '<p>Điều 1. Phạm vi điều chỉnh</p><p>Điều 2. Đối tượng áp dụng</p><p>Giữa.</p><ol><li><p>Mục a</p></li><li><p>Mục b</p></li></ol><p>Giữa.</p>' +
        '<ol><li><p>Mục con</p></li></ol><p>Giữa.</p><ul><li><p>Gạch đầu dòng</p></li></ul>',
    );
  });

  it('a numbered list inside a block quote or a flattened table keeps its numbers as text', () => {
    expect(clean('<blockquote><p>Ba bước:</p><ol start="2"><li>Rà soát</li><li>Cử đi học</li></ol><ul><li>Ghi chú</li></ul></blockquote>').html).toBe(
      '<blockquote><p>Ba bước:</p><p>2. Rà soát</p><p>3. Cử đi học</p><p>Ghi chú</p></blockquote>',
    );
    const out = clean('<table><tr><td>Việc</td><td><ol><li>Rà soát</li><li>Cử đi học<ol><li>Thạc sĩ</li></ol></li></ol></td></tr><tr><td>a</td><td>b</td></tr></table>');
    expect(out.html).toBe('<p>Việc | 1. Rà soát 2. Cử đi học 1. Thạc sĩ</p><p>a | b</p>');
  });

  it('a one-cell table is a frame: its paragraphs stay and nothing is reported', () => {
    const out = clean('<table><tr><td><p>Một</p><p>Hai</p></td></tr></table>');
    expect(out.html).toBe('<p>Một</p><p>Hai</p>');
    expect(out.tablesFlattened).toBe(0);
  });

  it('a table cell with several paragraphs and a nested table stays in its row', () => {
    const out = clean('<table><tr><th>A</th><td><p>b1</p><p>b2</p></td><td><table><tr><td>x</td><td>y</td></tr></table></td></tr><tr><td></td><td> </td></tr></table>');
    expect(out.html).toBe('<p>A | b1 b2 | x | y</p>');
    expect(out.tablesFlattened).toBe(2);
    expect(out.tableRowsFlattened).toBe(2);
  });

  it('counts one run of struck text once, however it is nested', () => {
    const out = clean('<p><s>một <span style="text-decoration:line-through">hai</span> ba</s> bốn <strike>năm</strike></p>');
    expect(out.html).toBe('<p>một hai ba bốn năm</p>');
    expect(out.struckKept).toBe(2);
  });

  it('does not count the underline of a link', () => {
    const out = clean('<p><a href="https://baolaichau.vn/"><span style="text-decoration:underline">Báo</span></a> <u>gạch</u></p>');
    expect(out.underlinedKept).toBe(1);
  });
});

describe('sanitizeHtml: every word of a Word-shaped paste arrives', () => {
  /** Wrappers Word, Google Docs and LibreOffice put around running text; none may hide a word. */
  const WRAPPERS: [string, string][] = [
    ['<st1:place w:st="on">', '</st1:place>'],
    ['<st1:City w:st="on">', '</st1:City>'],
    ['<w:Sdt ShowingPlcHdr="f" ID="-1">', '</w:Sdt>'],
    ['<w:sdt>', '</w:sdt>'],
    ["<span lang=VI style='mso-ansi-language:VI'>", '</span>'],
    ["<div style='mso-element:para-border-div;border:solid windowtext 1.0pt'>", '</div>'],
    ["<span style='mso-ignore:vglayout;position:absolute'>", '</span>'],
    ['<v:textbox>', '</v:textbox>'],
    ['<s>', '</s>'],
    ['<u>', '</u>'],
    ['<del>', '</del>'],
    ['<span style="text-decoration:line-through">', '</span>'],
    ['<form><input name=nodeName><input name=childNodes>', '</form>'],
    ['<table><tr><td>', '</td><td>ô</td></tr></table>'],
    ['<b style="font-weight:normal" id="docs-internal-guid-1">', '</b>'],
    ['<font face="Liberation Serif">', '</font>'],
    ['<p class=MsoNormal>', '<o:p></o:p></p>'],
    ["<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·&nbsp;</span>", '</p>'],
  ];
  const word = fc.constantFrom('Lai', 'Châu', 'Tỉnh', 'ủy', 'đoàn', '2015', 'Nguyễn', 'Hà', 'My', 'công', 'tác');

  it('for any nesting of Office wrappers around words', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(fc.integer({ min: 0, max: WRAPPERS.length - 1 }), { maxLength: 4 }), word), { minLength: 1, maxLength: 12 }), (runs) => {
        const html = runs.map(([wrappers, w]) => wrappers.reduceRight((inner, i) => WRAPPERS[i]![0] + inner + WRAPPERS[i]![1], ` ${w} `)).join('');
        const out = clean(html).html.replace(/<[^>]+>/g, ' ');
        const arrived = out.split(/[\s|]+/).filter((t) => t && t !== 'ô');
        expect(arrived).toEqual(runs.map(([, w]) => w));
      }),
      { numRuns: 400 },
    );
  });
});

describe('sanitizeHtml: no text vanishes uncounted (audit of every text-bearing wrapper)', () => {
  /**
   * What happens to the words inside each wrapper: they arrive, or they are left out
   * and counted (hidden passages and page headers/footers also return their text).
   */
  type Fate = 'arrives' | 'hidden' | 'page_header_footer' | 'embedsDropped' | 'formFieldsDropped';
  const WRAPPERS: [string, string, Fate][] = [
    ['<details>', '</details>', 'arrives'],
    ['<summary>', '</summary>', 'arrives'],
    ['<dialog open>', '</dialog>', 'arrives'],
    ['<object data="phim.swf"><param name=a value=b>', '<embed src="phim.swf"></object>', 'arrives'], // fallback content
    ['<ruby>基<rt>', '</rt></ruby>', 'arrives'], // the annotation, in parentheses
    ['<ruby>', '<rp>(</rp><rt>ki</rt><rp>)</rp></ruby>', 'arrives'],
    ['<map name=m><area href="https://a.vn/">', '</map>', 'arrives'],
    ['<div hidden=until-found>', '</div>', 'arrives'],
    ['<span class=MsoNormal>', '</span>', 'arrives'],
    ['<template>', '</template>', 'hidden'],
    ['<noscript>', '</noscript>', 'hidden'],
    ['<noframes>', '</noframes>', 'hidden'],
    ['<dialog>', '</dialog>', 'hidden'],
    ['<span style="display:none">', '</span>', 'hidden'],
    ['<span style="visibility: hidden">', '</span>', 'hidden'],
    ["<span style='display:none;mso-hide:all'>", '</span>', 'hidden'],
    ["<span style='mso-hide:screen'>", '</span>', 'hidden'],
    ['<div hidden>', '</div>', 'hidden'],
    ["<div style='mso-element:header' id=h1>", '</div>', 'page_header_footer'],
    ["<div style='mso-element:footer' id=f1>", '</div>', 'page_header_footer'],
    ['<iframe>', '</iframe>', 'embedsDropped'],
    ['<video controls>', '</video>', 'embedsDropped'],
    ['<audio>', '</audio>', 'embedsDropped'],
    ['<canvas>', '</canvas>', 'embedsDropped'],
    ['<svg><text x="0">', '</text></svg>', 'embedsDropped'],
    ['<math><mi>', '</mi></math>', 'embedsDropped'],
    ['<select><option>', '</option></select>', 'formFieldsDropped'],
    ['<button>', '</button>', 'formFieldsDropped'],
    ['<textarea>', '</textarea>', 'formFieldsDropped'],
    ['<datalist><option>', '</option></datalist>', 'formFieldsDropped'],
  ];
  const FILLER = new Set(['基', 'ki']);
  const word = fc.constantFrom('Lai', 'Châu', 'Tỉnh', 'ủy', 'đoàn', '2015', 'Nguyễn', 'Hà', 'My', 'công', 'tác');

  it('every word in any nesting of them arrives, or is counted (and quoted when hidden or a page header/footer)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(fc.integer({ min: 0, max: WRAPPERS.length - 1 }), { maxLength: 3 }), word), { minLength: 1, maxLength: 10 }), (runs) => {
        const html = runs.map(([wrappers, w]) => wrappers.reduceRight((inner, i) => WRAPPERS[i]![0] + inner + WRAPPERS[i]![1], ` ${w} `)).join('<br>');
        const out = clean(html);
        // The outermost wrapper that leaves its content out decides the word's fate.
        const fates = runs.map(([wrappers]) => wrappers.map((i) => WRAPPERS[i]![2]).find((f) => f !== 'arrives') ?? 'arrives');
        const arrived = out.html.replace(/<[^>]+>/g, ' ').split(/[\s()]+/).filter((t) => t && !FILLER.has(t));
        expect(arrived).toEqual(runs.filter((_, r) => fates[r] === 'arrives').map(([, w]) => w));
        runs.forEach(([, w], r) => {
          const fate = fates[r]!;
          if (fate === 'hidden' || fate === 'page_header_footer') {
            expect(out[fate === 'hidden' ? 'hiddenDropped' : 'pageHeadersFootersDropped']).toBeGreaterThan(0);
            const quoted = out.leftOut.filter((l) => l.reason === fate).flatMap((l) => l.text.split(/[\s()<>/]+/));
            expect(quoted).toContain(w);
          } else if (fate !== 'arrives') expect(out[fate]).toBeGreaterThan(0);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('an <object> with fallback and a nested <embed> is one embedded object, its fallback text kept', () => {
    const out = clean('<p>Xem <object data="a.swf"><param name=x value=y>video về <embed src="a.swf">lễ hội</object> hôm nay.</p>');
    expect(out.html).toBe('<p>Xem video về lễ hội hôm nay.</p>');
    expect(out.embedsDropped).toBe(1);
  });

  it('ruby annotations follow their base in parentheses', () => {
    expect(clean('<p><ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby></p>').html).toBe('<p>漢(kan)字(ji)</p>');
    expect(clean('<p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby></p>').html).toBe('<p>漢(kan)</p>');
  });

  it('an empty hidden span or page header is not reported', () => {
    const out = clean("<p>Chữ<span style='display:none;mso-hide:all'><o:p>&nbsp;</o:p></span></p><div style='mso-element:header'><p><o:p>&nbsp;</o:p></p></div><template><img src=x></template>");
    expect(out.html).toBe('<p>Chữ</p>');
    expect(countsOf(out)).toEqual(noChanges());
    expect(out.leftOut).toEqual([]);
  });

  it('Google Docs and web-page hidden spans, the hidden attribute and a closed dialog are reported with their text', () => {
    const out = clean(
      '<b id="docs-internal-guid-1" style="font-weight:normal"><p dir="ltr"><span>Tin chính.</span><span style="visibility:hidden"> Ghi chú ẩn</span></p></b>' +
        '<div hidden>Khối ẩn</div><dialog><p>Hộp thoại đóng</p></dialog><dialog open><p>Hộp thoại mở</p></dialog>',
    );
    expect(out.html).toBe('<p>Tin chính.</p><p>Hộp thoại mở</p>');
    expect(out.hiddenDropped).toBe(3);
    expect(out.leftOut.map((l) => l.text)).toEqual(['Ghi chú ẩn', 'Khối ẩn', 'Hộp thoại đóng']);
  });
});

describe('wordConditionalsAsComments', () => {
  it('turns Word’s downlevel-revealed markers into the comments a browser makes of them', () => {
    expect(wordConditionalsAsComments('<p><![if !supportLists]>1.<![endif]>Mục</p>')).toBe('<p><!--[if !supportLists]-->1.<!--[endif]-->Mục</p>');
    expect(wordConditionalsAsComments('<![IF !VML]><img><![ENDIF]>')).toBe('<!--[IF !VML]--><img><!--[ENDIF]-->');
  });

  it('leaves markers inside comments and raw-text elements alone', () => {
    const html = '<!--[if gte mso 9]><xml><![if x]></xml><![endif]--><style><![if a]></style><textarea><![endif]></textarea><title><![if t]></title>';
    expect(wordConditionalsAsComments(html)).toBe(html);
  });
});

describe('sanitizeHtml: malformed links', () => {
  it('keeps the text of a link with malformed percent-encoding and counts the link as unsafe', () => {
    const out = clean('<p>Gửi <a href="mailto:%E0%A4%A">thư cho tòa soạn</a> nhé, <a href="https://baolaichau.vn/%E0%A4%A">trang</a>.</p>');
    expect(out.html).toBe('<p>Gửi thư cho tòa soạn nhé, <a href="https://baolaichau.vn/%E0%A4%A">trang</a>.</p>');
    expect(out.unsafeLinksDropped).toBe(1);
  });
});

describe('sanitizeHtml: DOM clobbering', () => {
  /** A node whose own members are clobbered the way a browser's named form controls clobber a form. */
  function clobberedForm(children: HtmlNodeLike[]): HtmlNodeLike {
    class FakeNode {
      get nodeType() {
        return 1;
      }
      get nodeName() {
        return 'FORM';
      }
      get nodeValue() {
        return null;
      }
      get childNodes() {
        return children;
      }
      getAttribute() {
        return null;
      }
    }
    const form = new FakeNode();
    const input = { nodeType: 1, nodeName: 'INPUT', nodeValue: null, childNodes: [] };
    for (const name of ['nodeName', 'nodeType', 'childNodes', 'getAttribute', 'nodeValue']) Object.defineProperty(form, name, { value: input });
    return form as unknown as HtmlNodeLike;
  }

  it('reads members from the prototype, so clobbered names neither throw nor hide text', () => {
    const { document } = parseHTML('<p>Trước</p><p>Trong</p><p>Sau</p>');
    const [before, inside, after] = Array.from(document.querySelectorAll('p')) as unknown as HtmlNodeLike[];
    const root = { nodeType: 11, nodeName: '#document-fragment', nodeValue: null, childNodes: [before!, clobberedForm([inside!]), after!] };
    expect(clean2(root)).toBe('<p>Trước</p><p>Trong</p><p>Sau</p>');
  });
});

function clean2(root: HtmlNodeLike): string {
  return blocksToHtml(sanitizeHtml(root).blocks);
}

describe('sanitizeHtml: Google Docs', () => {
  const out = clean(fixture('google-docs.html'));

  it('does not turn everything bold because of the docs-internal-guid wrapper', () => {
    expect(out.html).toContain('<p>Những năm qua tỉnh <strong>Lai Châu</strong> tập trung <em>xây dựng đội ngũ</em>.</p>');
    expect(out.html.match(/<strong>/g)).toHaveLength(1);
  });

  it('keeps the heading, link and list, ignores the <br> between paragraphs', () => {
    expect(out.html).toContain('<h2>Đào tạo cán bộ ở Lai Châu</h2>');
    expect(out.html).toContain('<a href="https://www.google.com/url?q=https://baolaichau.vn/&amp;sa=D&amp;source=editors">tại đây</a>');
    expect(out.html).toContain('<ul><li><p>Thạc sĩ: 120 người</p></li><li><p>Đại học: 2.475 người</p></li></ul>');
    expect(out.blocks.filter((b) => b.type === 'paragraph')).toHaveLength(2);
    expect(out.imagesDropped).toBe(1);
  });
});

describe('sanitizeHtml: LibreOffice and web pages', () => {
  it('reads LibreOffice <p style> paragraphs and <font> runs', () => {
    const out = clean(fixture('libreoffice.html'));
    expect(out.html).toBe(
      '<h2>Nâng cao chất lượng đội ngũ</h2><p>Năm 2015, tỉnh đã cử <strong>312 cán bộ</strong> đi học <em>sau đại học</em>.</p>' +
        '<ol><li><p>Khảo sát nhu cầu</p></li><li><p>Mở lớp bồi dưỡng</p></li></ol><p>Tỷ lệ đạt chuẩn là 98,5% – tăng so với năm trước.</p>',
    );
  });

  it('keeps a web article’s structure, drops hidden ads (counted and quoted) and the photo, separates adjacent divs', () => {
    const out = clean(fixture('webpage.html'));
    expect(out.html).toContain('<h3>Tiếp tục đổi mới công tác cán bộ</h3>');
    expect(out.html).toContain('<a href="https://baolaichau.vn/tinh-uy">Tỉnh ủy</a>');
    expect(out.html).toContain('<strong>1.250</strong>');
    expect(out.html).toContain('<blockquote><p>Chúng tôi coi đào tạo là nhiệm vụ trọng tâm.</p><p>— Bí thư Tỉnh ủy</p></blockquote>');
    expect(out.html).toContain('<p>Đọc</p><p>thêm</p>');
    expect(out.html).not.toContain('Quảng cáo');
    expect(out.hiddenDropped).toBe(1);
    expect(out.leftOut).toEqual([{ reason: 'hidden', text: 'Quảng cáo' }]);
    expect(out.html).not.toMatch(/onclick|target|class/);
    expect(out.imagesDropped).toBe(1);
    checkAgainstSchema(fixture('webpage.html'));
  });
});

describe('sanitizeHtml: hostile HTML', () => {
  const out = clean(fixture('hostile.html'));

  it('keeps no script, handler, style or dangerous URL', () => {
    expect(out.html).not.toMatch(/<script|<iframe|<svg|<math|<img|<object|<embed|<form|<style|<base|<meta/i);
    expect(out.html).not.toMatch(/\son\w+=/i);
    expect(out.html).not.toMatch(/javascript:|vbscript:|data:/i);
    expect(out.html).not.toMatch(/expression|behavior/);
    expect(out.unsafeLinksDropped).toBe(6);
  });

  it('keeps the visible text of dropped links and escapes text that looks like markup', () => {
    expect(out.html).toContain('liên kết xấu, hoa thường, có tab, thực thể, data, vbscript, <a href="https://example.org/ok">liên kết tốt</a>');
    expect(out.html).toContain('Chữ &lt;script&gt;alert(25)&lt;/script&gt; hiển thị như chữ.');
    expect(out.html).toContain('<a href="https://example.org/%22onmouseover=%22alert(27)">trích dẫn</a>');
  });

  it('survives arbitrarily hostile markup and still fits the schema', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('<a href="javascript:x">', '</a>', '<b>', '</b>', '<ul>', '<li>', '</ul>', '<ol start="-3">', '<blockquote>', '<h4>', '<p>', '<br>', '<hr>', '<img src=x>', '<o:p>', 'chữ ', 'e\u0301 ', '\u00a0', '<table><tr><td>', '<sup>', '<i style="font-style:normal">', '<span style="font-weight:700">'), { maxLength: 40 }),
        (parts) => {
          const body = checkAgainstSchema(parts.join(''));
          body.descendants((n) => {
            if (n.isText) expect(n.text).toBe(n.text!.normalize('NFC'));
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not overflow the stack on very deep nesting', () => {
    const deep = '<div><span>'.repeat(5000) + 'sâu' + '</span></div>'.repeat(5000);
    expect(clean(deep).html).toBe('<p>sâu</p>');
  });
});

describe('sanitizeHtml: text normalisation', () => {
  it('NFC-normalises decomposed Vietnamese and strips zero-width junk', () => {
    const out = clean('<p>Ti\u00ea\u0301ng Vi\u0065\u0323\u0302t\u200b\ufeff</p>');
    expect(out.html).toBe('<p>Tiếng Việt</p>');
  });

  it('keeps line breaks, sub and superscript', () => {
    expect(clean('<p>H<sub>2</sub>O<br>m<sup>2</sup></p>').html).toBe('<p>H<sub>2</sub>O<br>m<sup>2</sup></p>');
  });
});

describe('plainTextToParagraphs', () => {
  it('splits on blank lines and joins wrapped lines with a space', () => {
    const paras = plainTextToParagraphs('Dòng một\r\ntiếp tục\n\n  \nĐoạn hai\u00a0có NBSP\n\n\n');
    expect(paras.map((p) => p.content.map((c) => (c.kind === 'text' ? c.text : '')).join(''))).toEqual(['Dòng một tiếp tục', 'Đoạn hai có NBSP']);
  });

  it('keeps one space at either end, where the text joins the caret’s paragraph', () => {
    expect(plainTextToParagraphs(' Dán ')).toEqual([{ type: 'paragraph', content: [{ kind: 'text', text: ' Dán ' }] }]);
    expect(plainTextToParagraphs('Dòng\n')[0]!.content[0]).toEqual({ kind: 'text', text: 'Dòng' });
    expect(plainTextToParagraphs('  \n ')).toEqual([]);
  });

  it('normalises to NFC', () => {
    const [p] = plainTextToParagraphs('Vie\u0323\u0302t');
    expect(p!.content[0]).toEqual({ kind: 'text', text: 'Việt' });
  });
});

describe('splitHtml', () => {
  it('cuts only after closing block tags, never inside a comment, and loses nothing', () => {
    const html = '<p>một</p><!--[if gte vml 1]><p>x</p><![endif]--><p>hai</p><ul><li>ba</li><li>bốn</li></ul><p>năm</p>';
    const pieces = splitHtml(html, 5);
    expect(pieces.join('')).toBe(html);
    for (const piece of pieces.slice(0, -1)) expect(piece).toMatch(/<\/(p|li|ul)>$/);
    expect(pieces.some((p) => p.includes('<!--') && !p.includes('-->'))).toBe(false);
  });

  it('summed over the pieces, reports what the whole does, left-out text in order', () => {
    const html = readFileSync(join(FIXTURES, 'word-hidden-and-headers.html'), 'utf8');
    const pieces = splitHtml(html, 300);
    expect(pieces.length).toBeGreaterThan(3);
    const summed = pieces.map((piece) => reportOf(clean(piece))).reduce(addReports, emptyReport());
    expect(summed).toEqual(reportOf(clean(html)));
    expect(summed.leftOut).toHaveLength(4);
  });

  it('gives the same text as sanitising the whole', () => {
    const html = readFileSync(join(FIXTURES, 'word.html'), 'utf8');
    const whole = clean(html).blocks.length;
    const text = (h: string) => clean(h).html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
    expect(splitHtml(html, 400).map(text).join(' ')).toBe(text(html));
    expect(whole).toBeGreaterThan(3);
  });
});
