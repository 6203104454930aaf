import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node as PMNode } from 'prosemirror-model';
import { readHtml } from '../../src/main/core/import/html';
import { readPlainText } from '../../src/main/core/import/plain-text';
import { applyFields, assemble, type ParsedArticle } from '../../src/main/core/import/parsed';
import { readSource } from '../../src/main/core/import/read';
import { ImportError } from '../../src/main/core/import/errors';
import { main } from '../../src/main/cli/main';
import { captureIo } from '../support/cli';
import { makeJpeg, withMetadata } from '../support/photos';
import { tempDir } from '../support/temp';

/** The body's blocks as the words that arrive: paragraphs as text, figures as `[caption]`. */
function bodyTexts(doc: PMNode): string[] {
  const out: string[] = [];
  doc.child(2).forEach((b) => out.push(b.type.name === 'figure' ? `[${b.child(0).textContent}]` : b.textContent));
  return out;
}

const html = (page: string, name = 'trang.html') => assemble(readHtml(page, name, 'utf-8'));
const text = (source: string, name = 'bai.txt') => assemble(readPlainText(source, name));
const file = async (name: string, content: string | Uint8Array) =>
  readSource({ kind: 'file', name, bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content });

// Body paragraphs that open with words the old prefix rule took for the start of site furniture.
const OPENS_LIKE_FURNITURE = [
  'Chia sẻ với phóng viên, ông Lò Văn Pầng, Chủ tịch UBND xã Khổng Lào, cho biết năm nay xã đã trồng thêm 40 ha chè và 12 ha quế.',
  'Theo ông Pầng, nhờ con đường bê tông mới, thương lái vào tận bản thu mua, giá chè búp tươi tăng thêm 2.000 đồng mỗi cân.',
  'Shares in the provincial tea company rose after the harvest figures were published, traders in the district said on Monday.',
  'Read more than the headline figures and the picture is mixed: two villages still lack a road passable in the rainy season.',
  'Bình luận về kết quả này, đại diện Sở Nông nghiệp cho rằng mô hình có thể nhân rộng ra các xã lân cận trong năm tới.',
  'Tin liên quan đến việc mở rộng vùng chè đã được tỉnh công bố từ đầu năm, kèm kế hoạch hỗ trợ giống cho bà con.',
];

describe('web page: furniture by its place and shape, never by a leading word', () => {
  const page = `<!doctype html><html><head><meta charset="utf-8"></head><body>
    <header><a href="/">Trang chủ</a> <a href="/kinh-te">Kinh tế</a></header>
    <article>
      <h1>Khổng Lào mở rộng vùng chè</h1>
      <div class="share-top"><a href="#fb">Facebook</a> <a href="#zalo">Zalo</a></div>
      <p>(BLC) – Xã Khổng Lào đang mở rộng vùng chè, đưa cây chè thành cây thoát nghèo của bà con vùng cao.</p>
      ${OPENS_LIKE_FURNITURE.map((p) => `<p>${p}</p>`).join('\n')}
      <p class="author">Tiến Thành</p>
      <div class="share-bottom"><a href="#fb">Facebook</a> <a href="#zalo">Zalo</a></div>
      <ul><li><a href="/a">Xem thêm: Phong Thổ thu hoạch chè vụ xuân</a></li><li><a href="/b">Xem thêm: Giá chè tăng mạnh</a></li></ul>
      <form><label>Bình luận của bạn</label><textarea></textarea></form>
    </article>
    <aside><h3>Đọc nhiều</h3><a href="/c">Tin nổi bật hôm nay trong tỉnh</a></aside>
    <div role="contentinfo">Báo Lai Châu, 001 Trần Hưng Đạo</div>
    </body></html>`;
  const { document, report } = html(page);

  it('keeps every body paragraph that opens like a widget or a teaser, in order, with the byline', () => {
    expect(bodyTexts(document)).toEqual(OPENS_LIKE_FURNITURE);
    expect(report.lead).toBe('Xã Khổng Lào đang mở rộng vùng chè, đưa cây chè thành cây thoát nghèo của bà con vùng cao.');
    expect(report.byline).toEqual(['Tiến Thành']);
  });

  it('leaves out menus, share bars, link lists, forms, sidebars and the footer, and lists each with its words', () => {
    expect(document.textContent).not.toMatch(/Trang chủ|Facebook|Xem thêm|Đọc nhiều|Trần Hưng Đạo|Bình luận của bạn/);
    const left = report.dropped.filter((d) => d.kind === 'page_furniture').map((d) => d.text);
    expect(left).toEqual(
      expect.arrayContaining([
        'Trang chủ Kinh tế',
        'Facebook Zalo',
        'Xem thêm: Phong Thổ thu hoạch chè vụ xuân',
        'Xem thêm: Giá chè tăng mạnh',
        'Bình luận của bạn',
        'Đọc nhiều Tin nổi bật hôm nay trong tỉnh',
        'Báo Lai Châu, 001 Trần Hưng Đạo',
      ]),
    );
  });

  it('says at the top of the report how much running text was left out', () => {
    const left = report.dropped.filter((d) => d.kind === 'page_furniture');
    const words = left.reduce((n, d) => n + d.text.split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w)).length, 0);
    expect(report.warnings[0]).toMatchObject({ code: 'text_left_out', params: { paragraphs: left.length, words } });
    expect(report.warnings[0]!.message).toBe(`${left.length} paragraphs (${words} words) were left out as site furniture — review`);
  });
});

describe('web page: repetition', () => {
  it('leaves out a label repeated above and below the story, but keeps a sentence the writer said twice', () => {
    const { document, report } = html(`<body><article><h1>Tít</h1><div>Chia sẻ bài viết</div>
      <p>Sapo của bài viết này đủ dài để là một câu thật sự.</p><p>Xin cảm ơn.</p><p>Ông nói thêm vài câu nữa về mùa chè năm nay.</p><p>Xin cảm ơn.</p>
      <div>Chia sẻ bài viết</div></article></body>`);
    expect(bodyTexts(document)).toEqual(['Xin cảm ơn.', 'Ông nói thêm vài câu nữa về mùa chè năm nay.', 'Xin cảm ơn.']);
    expect(report.dropped.filter((d) => d.text === 'Chia sẻ bài viết')).toHaveLength(2);
  });
});

describe('text file: furniture by shape', () => {
  it('keeps a body paragraph that opens with "Chia sẻ" and everything after it (the old rule cut the story there)', () => {
    const story = [
      'Khổng Lào mở rộng vùng chè',
      '(BLC) – Xã Khổng Lào đang mở rộng vùng chè, đưa cây chè thành cây thoát nghèo của bà con vùng cao.',
      ...OPENS_LIKE_FURNITURE,
      'Tiến Thành',
      'Bình luận (3)',
      'Tin liên quan',
      'Phong Thổ thu hoạch chè vụ xuân',
    ].join('\n\n');
    const { document, report } = text(story);
    expect(bodyTexts(document)).toEqual(OPENS_LIKE_FURNITURE);
    expect(report.byline).toEqual(['Tiến Thành']);
    expect(report.dropped.map((d) => [d.kind, d.text])).toEqual([
      ['site_chrome', 'Bình luận (3)'],
      ['site_chrome', 'Tin liên quan'],
      ['teaser', 'Phong Thổ thu hoạch chè vụ xuân'],
    ]);
  });

  it('drops a furniture block inside the story without taking the prose that follows it', () => {
    const story = [
      'Khổng Lào mở rộng vùng chè',
      '(BLC) – Xã Khổng Lào đang mở rộng vùng chè, đưa cây chè thành cây thoát nghèo của bà con vùng cao.',
      'Năm nay xã trồng thêm 40 ha chè, phần lớn ở các bản vùng cao giáp biên giới với đất đai phù hợp.',
      'Tin liên quan',
      'Phong Thổ thu hoạch chè vụ xuân',
      'Bà con cho biết giá chè búp tươi năm nay cao hơn năm trước, nhiều hộ đã có lãi ngay từ lứa đầu tiên.',
      'Tiến Thành',
    ].join('\n\n');
    const { document, report } = text(story);
    expect(bodyTexts(document)).toEqual([
      'Năm nay xã trồng thêm 40 ha chè, phần lớn ở các bản vùng cao giáp biên giới với đất đai phù hợp.',
      'Bà con cho biết giá chè búp tươi năm nay cao hơn năm trước, nhiều hộ đã có lãi ngay từ lứa đầu tiên.',
    ]);
    expect(report.dropped.map((d) => d.text)).toEqual(['Tin liên quan', 'Phong Thổ thu hoạch chè vụ xuân']);
    expect(report.byline).toEqual(['Tiến Thành']);
  });
});

describe('the left-out warning', () => {
  it('counts one paragraph in the singular and stays quiet for a few words', async () => {
    const one = assemble(await file('a.html', '<body><nav>Trang chủ Thời sự Kinh tế Văn hóa Xã hội Thể thao</nav><article><h1>Tít</h1><p>Sapo của bài viết này đủ dài để là một câu thật sự.</p></article></body>')).report;
    expect(one.warnings[0]!.message).toBe('1 paragraph (12 words) was left out as site furniture — review');
    const few = assemble(await file('b.html', '<body><nav>Trang chủ</nav><article><h1>Tít</h1><p>Sapo của bài viết này đủ dài để là một câu thật sự.</p></article></body>')).report;
    expect(few.warnings.map((w) => w.code)).not.toContain('text_left_out');
    expect(few.dropped).toContainEqual(expect.objectContaining({ kind: 'page_furniture', text: 'Trang chủ' }));
  });

  it('is printed on stderr by `newsroom import --dry-run`', async () => {
    const { dir } = tempDir();
    const path = join(dir, 'trang.html');
    writeFileSync(path, '<body><nav>Trang chủ Thời sự Kinh tế Văn hóa Xã hội Thể thao</nav><article><h1>Tít</h1><p>Sapo của bài viết này đủ dài để là một câu thật sự.</p></article></body>');
    const a = captureIo();
    expect(await main(['import', path, '--dry-run'], a.io)).toBe(0);
    expect(a.err).toEqual(['newsroom: trang.html: 1 paragraph (12 words) was left out as site furniture — review']);
  });
});

describe('captions without a cue', () => {
  const story = (caption: string) =>
    [
      'Hội nghị tổng kết ngành chè',
      '(BLC) – Sáng nay, Sở Nông nghiệp tổ chức hội nghị tổng kết ngành chè năm 2016 tại thành phố Lai Châu.',
      'Hội nghị có hơn 100 đại biểu đến từ các huyện, thành phố và doanh nghiệp chè trong tỉnh.',
      caption,
      'Các đại biểu đã thảo luận về giống, thị trường và cách làm chè sạch theo tiêu chuẩn VietGAP.',
      'Minh Anh',
    ].join('\n\n');

  it('takes a short line with photo wording between short paragraphs for a caption, its trailing credit for the credit', () => {
    const { document, report } = text(story('Toàn cảnh hội nghị tổng kết ngành chè – Ảnh: Tiến Thành'));
    expect(report.figures).toEqual([{ caption: 'Toàn cảnh hội nghị tổng kết ngành chè', credit: 'Tiến Thành', alt: '', image: null }]);
    expect(bodyTexts(document)).toEqual([
      'Hội nghị có hơn 100 đại biểu đến từ các huyện, thành phố và doanh nghiệp chè trong tỉnh.',
      '[Toàn cảnh hội nghị tổng kết ngành chè]',
      'Các đại biểu đã thảo luận về giống, thị trường và cách làm chè sạch theo tiêu chuẩn VietGAP.',
    ]);
  });

  it('makes a caption-shaped line without photo wording a candidate, which one correction puts back in the body word for word', () => {
    const line = 'Ông Lò Văn Pầng giới thiệu giống chè mới';
    const parsed: ParsedArticle = readPlainText(story(line), 'bai.txt');
    const { report } = assemble(parsed);
    expect(report.figures).toEqual([{ caption: line, credit: '', alt: '', image: null, candidate: true }]);
    const back = assemble(applyFields(parsed, { bodyText: [0] }));
    expect(back.report.figures).toEqual([]);
    expect(bodyTexts(back.document)).toEqual([
      'Hội nghị có hơn 100 đại biểu đến từ các huyện, thành phố và doanh nghiệp chè trong tỉnh.',
      line,
      'Các đại biểu đã thảo luận về giống, thị trường và cách làm chè sạch theo tiêu chuẩn VietGAP.',
    ]);
  });

  it('never takes a quotation, a longer line or a line at the end of the body for a caption', () => {
    for (const line of ['“Chè là cây thoát nghèo của bà con”', 'Hội nghị cũng nghe báo cáo về tình hình tiêu thụ chè búp tươi của các doanh nghiệp trong sáu tháng đầu năm nay.']) {
      const { report } = text(story(line));
      expect(report.figures).toEqual([]);
    }
  });

  it('in a story folder with photos, a caption-shaped line is a caption, and it wins over the photo’s embedded caption, which the report shows', async () => {
    const { dir } = tempDir();
    const photo = withMetadata(await makeJpeg({ width: 64, height: 48 }), dir, { caption: 'Hội trường tầng 2 Sở Nông nghiệp' });
    const parsed = await readSource({
      kind: 'folder',
      name: 'hoi-nghi',
      files: [
        { path: 'bai.txt', bytes: new TextEncoder().encode(story('Ông Lò Văn Pầng giới thiệu giống chè mới')) },
        { path: 'anh1.jpg', bytes: new Uint8Array(photo) },
      ],
    });
    const { report } = assemble(parsed);
    expect(report.figures).toEqual([expect.objectContaining({ caption: 'Ông Lò Văn Pầng giới thiệu giống chè mới', image: 'anh1.jpg' })]);
    expect(report.figures[0]!.candidate).toBeUndefined();
    expect(report.dropped).toContainEqual(
      expect.objectContaining({ text: 'Hội trường tầng 2 Sở Nông nghiệp', reason: "caption inside anh1.jpg differs from the text's caption (the text's was kept)" }),
    );
  });
});

describe('web page: lead and byline from the article’s markup', () => {
  it('takes the sapo element for the lead, never "Supported by", a gallery counter or a teaser block', () => {
    const { document, report } = html(`<body><article>
      <p>Supported by</p><p>1 of 24</p>
      <h1>Lai Châu trồng mới 500 ha chè</h1>
      <div class="teaser"><a href="/x">Đọc thêm: Chè Tam Đường vào mùa</a></div>
      <h2 class="sapo">Năm 2016, toàn tỉnh trồng mới hơn 500 ha chè, vượt kế hoạch đề ra.</h2>
      <p>Phần lớn diện tích mới nằm ở Tam Đường và Tân Uyên, nơi có các nhà máy chế biến lớn.</p>
    </article></body>`);
    expect(report.lead).toBe('Năm 2016, toàn tỉnh trồng mới hơn 500 ha chè, vượt kế hoạch đề ra.');
    expect(bodyTexts(document)).toEqual(['Phần lớn diện tích mới nằm ở Tam Đường và Tân Uyên, nơi có các nhà máy chế biến lớn.']);
    expect(report.dropped.map((d) => d.text)).toEqual(expect.arrayContaining(['Supported by', '1 of 24', 'Đọc thêm: Chè Tam Đường vào mùa']));
  });

  it('never takes a "lead" container that holds a photo for the sapo, so the photo and its caption stay', () => {
    const { report } = html(`<body><article><h1>Tít bài</h1>
      <div class="lead"><figure><img src="anh1.jpg" alt="Đồi chè"><figcaption>Đồi chè Tam Đường.</figcaption></figure></div>
      <p>Năm 2016, toàn tỉnh trồng mới hơn 500 ha chè, vượt kế hoạch đề ra.</p><p>Phần lớn diện tích mới nằm ở Tam Đường.</p></article></body>`);
    expect(report.lead).toBe('Năm 2016, toàn tỉnh trồng mới hơn 500 ha chè, vượt kế hoạch đề ra.');
    expect(report.figures).toEqual([expect.objectContaining({ caption: 'Đồi chè Tam Đường.', alt: 'Đồi chè' })]);
  });

  it('without a sapo element, skips the chrome lines and takes the first sentence; a meta description that matches no article text is not used', () => {
    const { report } = html(`<html><head><meta name="description" content="Tin mới nhất về nông nghiệp Lai Châu, cập nhật liên tục mỗi ngày."></head><body><article>
      <h1>Lai Châu trồng mới 500 ha chè</h1><p>Supported by</p><p>1 of 24</p>
      <p>Năm 2016, toàn tỉnh trồng mới hơn 500 ha chè, vượt kế hoạch đề ra.</p>
      <p>Phần lớn diện tích mới nằm ở Tam Đường và Tân Uyên.</p></article></body></html>`);
    expect(report.lead).toBe('Năm 2016, toàn tỉnh trồng mới hơn 500 ha chè, vượt kế hoạch đề ra.');
  });

  it('takes a sapo printed above the <article> when the meta description repeats it, and does not list it or the headline as left out', () => {
    const { document, report } = html(`<html><head><meta name="description" content="Sapo của bài nằm ngoài thẻ article, như nhiều trang tin vẫn làm."></head><body>
      <nav><a href="/">Trang chủ</a> <a href="/x">Thời sự</a></nav>
      <section><h1>Tít nằm ngoài article</h1><p class="description">Sapo của bài nằm ngoài thẻ article, như nhiều trang tin vẫn làm.</p></section>
      <article><p>Đoạn một của thân bài, đủ dài để là một câu văn thật sự.</p><p>Đoạn hai của thân bài cũng là một câu văn.</p><p><strong>Minh Anh</strong></p></article>
      <footer>Bản quyền</footer></body></html>`);
    expect(report).toMatchObject({ headline: 'Tít nằm ngoài article', lead: 'Sapo của bài nằm ngoài thẻ article, như nhiều trang tin vẫn làm.', byline: ['Minh Anh'] });
    expect(bodyTexts(document)).toEqual(['Đoạn một của thân bài, đủ dài để là một câu văn thật sự.', 'Đoạn hai của thân bài cũng là một câu văn.']);
    expect(report.dropped.map((d) => d.text)).toEqual(['Trang chủ Thời sự', 'Bản quyền']);
  });

  it('takes the byline from rel=author and itemprop=author, never from a widget or a profile URL', () => {
    const { document, report } = html(`<html><head><meta property="article:author" content="https://www.facebook.com/baolaichau"></head><body><article>
      <h1>Tít bài</h1><p>Sapo của bài viết này đủ dài để là một câu thật sự.</p>
      <p>Thân bài có nhiều câu. Đây là câu thứ hai của thân bài.</p>
      <p class="byline">Bài và ảnh: <a rel="author" href="/tac-gia/tien-thanh">Tiến Thành</a> (CTV)</p>
      <span itemprop="author" itemscope><span itemprop="name">Minh Anh</span></span>
      <div class="widget">Recommended by Outbrain</div>
      <div class="widget">Recommended by Outbrain: more stories you may like from around the web</div>
    </article></body></html>`);
    expect(report.byline).toEqual(['Tiến Thành', 'Minh Anh']);
    expect(document.textContent).not.toContain('Recommended by');
    expect(report.dropped).toContainEqual(expect.objectContaining({ kind: 'page_furniture', text: 'Recommended by Outbrain' }));
    expect(report.dropped).toContainEqual(expect.objectContaining({ kind: 'page_furniture', text: 'Recommended by Outbrain: more stories you may like from around the web' }));

    const url = html(`<html><head><meta name="author" content="https://www.facebook.com/BaoLaiChau"></head><body><article><h1>Tít</h1><p>Sapo của bài viết này đủ dài để là một câu thật sự.</p></article></body></html>`).report;
    expect(url.byline).toEqual([]);
  });
});

describe('web page fragments, tagless pages and files that are not articles', () => {
  it('imports the paragraphs of an HTML file with no <body>', async () => {
    const { document, report } = assemble(await file('doan.html', '<meta charset="utf-8"><h1>Tít đoạn trích</h1><p>Sapo của đoạn trích này là một câu.</p><p>Đoạn thứ hai của bài.</p>'));
    expect(report.headline).toBe('Tít đoạn trích');
    expect(report.lead).toBe('Sapo của đoạn trích này là một câu.');
    expect(bodyTexts(document)).toEqual(['Đoạn thứ hai của bài.']);
  });

  it('imports a clipboard-saved page (Version/StartHTML header, no body) named .txt', async () => {
    const saved = 'Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000000300\r\nStartFragment:0000000141\r\nEndFragment:0000000264\r\n<html><!--StartFragment--><p>Sapo dán từ trình duyệt là một câu.</p><p>Đoạn hai.</p><!--EndFragment--></html>';
    const { document, report } = assemble(await file('dan.txt', saved));
    expect(report.format).toBe('html');
    expect(report.lead).toBe('Sapo dán từ trình duyệt là một câu.');
    expect(bodyTexts(document)).toEqual(['Đoạn hai.']);
  });

  it('reads a .html file without a single tag as text', async () => {
    const { report } = assemble(await file('khong-the.html', 'Tít bài không thẻ\n\nSapo của bài không có thẻ nào.\n\nĐoạn thân bài.'));
    expect(report).toMatchObject({ format: 'text', headline: 'Tít bài không thẻ', lead: 'Sapo của bài không có thẻ nào.' });
  });

  it.each([
    ['logo.svg', '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>Logo</title></svg>', 'logo.svg is an SVG image, not an article; nothing was imported.'],
    ['hinh.txt', '<svg viewBox="0 0 10 10"><text>Chữ</text></svg>', 'hinh.txt is an SVG image, not an article; nothing was imported.'],
    ['feed.xml', '<?xml version="1.0"?>\n<rss><channel><title>Tin</title></channel></rss>', 'feed.xml is an XML document, not an article; nothing was imported.'],
    ['run.txt', '#!/bin/sh\necho "Xin chào"\n', 'run.txt is a script, not an article; nothing was imported.'],
    ['data.txt', '{"headline": "Tít", "body": ["Đoạn một"]}', 'data.txt is data (JSON), not an article; nothing was imported.'],
    ['app.txt', 'const a = 1;\nfunction f() {\n  return a;\n}\nexport default f;\n', 'app.txt is program code or a style sheet, not an article; nothing was imported.'],
  ])('refuses %s with one sentence naming the file', async (name, content, message) => {
    const error = await file(name, content).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toBe(message);
  });

  it('the CLI refuses an SVG with that sentence and creates nothing', async () => {
    const { dir } = tempDir();
    const path = join(dir, 'logo.svg');
    writeFileSync(path, '<svg xmlns="http://www.w3.org/2000/svg"><text>Báo Lai Châu</text></svg>');
    const a = captureIo();
    expect(await main(['import', path, '--dry-run'], a.io)).toBe(1);
    expect(a.err).toEqual(['newsroom: logo.svg is an SVG image, not an article; nothing was imported.']);
    expect(a.out).toEqual([]);
  });
});
