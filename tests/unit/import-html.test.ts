import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readHtml } from '../../src/main/core/import/html';
import { assemble } from '../../src/main/core/import/parsed';
import { readSource } from '../../src/main/core/import/read';
import { toWindows1258 } from '../fixtures/import/encodings';
import { makeJpeg } from '../support/photos';

const PAGE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'import', 'saved-page.html'), 'utf8');

describe('HTML import (saved article page)', () => {
  const { document, report } = assemble(readHtml(PAGE, 'saved-page.html', 'utf-8'));
  const json = JSON.stringify(document.toJSON());

  it('takes the article: h1, published time, author meta, lead with agency tag', () => {
    expect(report).toMatchObject({
      format: 'html',
      headline: 'Từng bước đáp ứng yêu cầu của nền hành chính hiện đại',
      publishedAt: '2016-06-10T16:36:00+07:00',
      agencyTag: 'BLC',
      byline: ['Tiến Thành'],
    });
    expect(report.lead.startsWith('Để từng bước xây dựng')).toBe(true);
    expect(document.child(1).firstChild!.marks.map((m) => m.type.name)).toEqual(['strong']);
  });

  it('keeps the figure with its figcaption but never fetches the web image', () => {
    expect(report.figures).toEqual([{ caption: 'Một giờ học tiếng Mông của cán bộ, công chức, viên chức trong tỉnh.', credit: '', alt: 'Lớp học tiếng Mông', image: null }]);
    expect(report.dropped).toContainEqual(expect.objectContaining({ text: 'https://cdn.example/anh-lop-hoc.jpg', reason: 'image on the web or inside the page (never fetched); add the photo by hand' }));
  });

  it('lets no script, handler, iframe or javascript: link survive', () => {
    expect(json).not.toMatch(/script|alert|onclick|onerror|onload|iframe|javascript|steal|cookie/i);
    expect(json).toContain('"href":"https://laichau.gov.vn/"');
    expect(report.warnings.map((w) => w.message)).toEqual(expect.arrayContaining(['2 scripts were removed.', '1 embedded object left out (video, audio, frame or drawing).', '1 unsafe link was removed (their text was kept).']));
  });

  it('leaves out navigation, sidebars, sharing and related links, and lists them', () => {
    expect(document.textContent).not.toMatch(/Trang chủ|Quảng cáo|Chia sẻ|Đăng kiểm|©/);
    expect(report.dropped.map((d) => d.text)).toEqual(expect.arrayContaining(['Chia sẻ Facebook Zalo', 'Tin liên quan Đăng kiểm xe cơ giới']));
    expect(json).toContain('"type":"blockquote"');
    expect(report.paragraphs).toBe(3);
  });

  it('finds the main content without <article> and the date in a <time> element', () => {
    const page = '<html><body><nav>Menu</nav><main><h1>Tiêu đề</h1><time datetime="2016-06-10 16:36">x</time><p>(BLC) – Mở đầu bài.</p><p>Thân bài.</p><p>Tiến Thành</p></main></body></html>';
    const { report: r } = assemble(readHtml(page, 'p.html', 'utf-8'));
    expect(r).toMatchObject({ headline: 'Tiêu đề', publishedAt: '2016-06-10T16:36:00+07:00', agencyTag: 'BLC', lead: 'Mở đầu bài.', byline: ['Tiến Thành'], paragraphs: 1 });
  });

  it('reads a Windows-1258 page', async () => {
    const page = '<html><body><article><h1>Đào tạo cán bộ</h1><p>(BLC) – Lai Châu đào tạo hơn 27.309 lượt người.</p><p>Thân bài tiếp theo.</p></article></body></html>';
    const parsed = await readSource({ kind: 'file', name: 'trang.html', bytes: toWindows1258(page) });
    const r = assemble(parsed).report;
    expect(r).toMatchObject({ encoding: 'windows-1258', headline: 'Đào tạo cán bộ', lead: 'Lai Châu đào tạo hơn 27.309 lượt người.' });
  });

  it('in a story folder, uses the photo a saved page names by relative path, and still never fetches web images', async () => {
    const page =
      '<html><body><article><h1>Tiêu đề</h1><p>(BLC) – Mở đầu bài.</p><figure><img src="bai_files/anh%201.jpg" alt="Ảnh một"><figcaption>Chú thích một.</figcaption></figure>' +
      '<figure><img src="https://cdn.example/x.jpg"><figcaption>Chú thích hai.</figcaption></figure><p>Thân bài.</p><p>Tiến Thành</p></article></body></html>';
    const photo = new Uint8Array(await makeJpeg({ width: 800, height: 600 }));
    const parsed = await readSource({
      kind: 'folder',
      name: 'bai',
      files: [
        { path: 'bai.html', bytes: new TextEncoder().encode(page) },
        { path: 'bai_files/anh 1.jpg', bytes: photo },
      ],
    });
    const r = assemble(parsed).report;
    expect(r.figures.map((f) => [f.caption, f.image])).toEqual([
      ['Chú thích một.', 'anh 1.jpg'],
      ['Chú thích hai.', null],
    ]);
    expect(r.dropped).toContainEqual(expect.objectContaining({ kind: 'web_image', text: 'https://cdn.example/x.jpg' }));
  });
});
