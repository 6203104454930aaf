import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Page, type AppFixture } from './fixtures';
import { editor, openCreated } from './helpers';

const body = (page: Page) => editor(page).locator('.nr-body');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'clipboard');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

const openBlank = (page: Page, app: AppFixture): Promise<string> => openCreated(page, app, {});

/** Fire a real paste event carrying `html` and/or `text`, as the system clipboard would. */
async function paste(page: Page, data: { html?: string; text?: string }): Promise<void> {
  await page.evaluate(({ html, text }) => {
    const dt = new DataTransfer();
    if (html !== undefined) dt.setData('text/html', html);
    if (text !== undefined) dt.setData('text/plain', text);
    const target = document.activeElement ?? document.querySelector('.nr-editor')!;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, data);
}

/** The one notice a paste shows when it changed or left anything out. */
const notice = (page: Page) => page.getByTestId('paste-notice').locator('span');

async function storedBody(app: AppFixture, id: string, page: Page): Promise<string> {
  await expect(page.getByTestId('save-state')).toHaveText(/^Đã lưu lúc/);
  return JSON.stringify(app.core.articles.get(id).document);
}

test('Word: headings, paragraphs, bold/italic and nested lists survive; Office junk and the image do not', async ({ page, app }) => {
  const id = await openBlank(page, app);
  await body(page).locator('p').first().click();
  await paste(page, { html: fixture('word.html'), text: 'fallback' });
  await expect(body(page).locator('h2')).toHaveText('Từng bước đáp ứng yêu cầu của nền hành chính hiện đại');
  await expect(body(page).locator('strong').first()).toHaveText('(BLC) – Để từng bước xây dựng nền hành chính hiện đại');
  await expect(body(page).locator('> ul > li')).toHaveCount(2);
  await expect(body(page).locator('> ul > li ul > li')).toHaveText(['Trong đó cấp tỉnh chiếm 40,1%']);
  await expect(body(page).locator('> ol > li')).toHaveText(['Rà soát quy hoạch', 'Cử đi học']);
  await expect(body(page).locator('a')).toHaveAttribute('href', 'https://baolaichau.vn/chinh-tri');
  await expect(body(page)).toContainText('05-NQ/TU, giai đoạn 2011 – 2015');
  await expect(body(page)).not.toContainText('cũ ');
  const html = await body(page).innerHTML();
  expect(html).not.toMatch(/mso|MsoNormal|o:p|font-family|<img|style="/i);
  expect(html).not.toContain('\u00a0');
  await expect(notice(page)).toHaveText(
    'Nội dung dán đã được điều chỉnh: đã bỏ 1 ảnh (hãy chèn ảnh bằng công cụ ảnh của bài viết); ' +
      'đã bỏ 1 chỗ xoá trong chế độ theo dõi thay đổi, như bản cuối của tác giả.',
  );
  expect(await storedBody(app, id, page)).toContain('Trong đó cấp tỉnh chiếm 40,1%');
});

test('Google Docs: the docs-internal-guid wrapper does not make everything bold', async ({ page, app }) => {
  await openBlank(page, app);
  await body(page).locator('p').first().click();
  await paste(page, { html: fixture('google-docs.html') });
  await expect(body(page).locator('h2')).toHaveText('Đào tạo cán bộ ở Lai Châu');
  await expect(body(page).locator('strong')).toHaveText(['Lai Châu']);
  await expect(body(page).locator('em')).toHaveText(['xây dựng đội ngũ']);
  await expect(body(page).locator('ul > li')).toHaveText(['Thạc sĩ: 120 người', 'Đại học: 2.475 người']);
  await expect(body(page).locator('> p').first()).toHaveText('Những năm qua tỉnh Lai Châu tập trung xây dựng đội ngũ.');
  await expect(notice(page)).toHaveText('Nội dung dán đã được điều chỉnh: đã bỏ 1 ảnh (hãy chèn ảnh bằng công cụ ảnh của bài viết).');
});

test('LibreOffice and web pages: paragraphs, lists, quotes and links; no words fused across divs', async ({ page, app }) => {
  await openBlank(page, app);
  await body(page).locator('p').first().click();
  await paste(page, { html: fixture('libreoffice.html') });
  await expect(body(page).locator('ol > li')).toHaveText(['Khảo sát nhu cầu', 'Mở lớp bồi dưỡng']);
  await expect(body(page).locator('strong')).toHaveText(['312 cán bộ']);
  await expect(body(page)).toContainText('Tỷ lệ đạt chuẩn là 98,5% – tăng so với năm trước.');

  await page.keyboard.press('Enter');
  await paste(page, { html: fixture('webpage.html') });
  await expect(body(page).locator('blockquote p')).toHaveText(['Chúng tôi coi đào tạo là nhiệm vụ trọng tâm.', '— Bí thư Tỉnh ủy']);
  await expect(body(page).locator('a[href="mailto:toasoan@baolaichau.vn"]')).toHaveText('toasoan@baolaichau.vn');
  await expect(body(page).locator('> p', { hasText: /^Đọc$/ })).toHaveCount(1);
  await expect(body(page)).not.toContainText('Quảng cáo');
});

test('hostile HTML runs nothing and leaves no handler or javascript: link', async ({ page, app }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const id = await openBlank(page, app);
  await body(page).locator('p').first().click();
  await paste(page, { html: fixture('hostile.html') });
  await expect(body(page)).toContainText('liên kết tốt');
  await page.waitForTimeout(300); // give any injected handler a chance to fire
  expect(dialogs).toEqual([]);
  const html = await editor(page).innerHTML();
  expect(html).not.toMatch(/<script|<iframe|<svg|<img|<object|<embed|<form|\son\w+=|javascript:|vbscript:|data:text/i);
  await expect(body(page).locator('a')).toHaveCount(2);
  await expect(notice(page)).toContainText('đã bỏ 6 liên kết không an toàn, chữ vẫn được giữ');
  // Text that merely looks like markup ("<script>" typed as words) is kept as text.
  expect(await storedBody(app, id, page)).not.toMatch(/javascript:|vbscript:|onerror|onclick/i);
});

test('plain text splits on blank lines, joins wrapped lines, and is NFC', async ({ page, app }) => {
  const id = await openBlank(page, app);
  await body(page).locator('p').first().click();
  const nfd = 'Tiếng Việt'.normalize('NFD');
  await paste(page, { text: `Dòng một\ntiếp theo\u00a0cùng đoạn\n\n${nfd} là đoạn hai\r\n\r\nĐoạn ba` });
  await expect(body(page).locator('p')).toHaveText(['Dòng một tiếp theo cùng đoạn', 'Tiếng Việt là đoạn hai', 'Đoạn ba']);
  const stored = await storedBody(app, id, page);
  expect(stored).toContain('Tiếng Việt'.normalize('NFC'));
  expect(stored).not.toContain(nfd);
});

test('a paste is one undo step, apart from the typing around it', async ({ page, app }) => {
  await openBlank(page, app);
  const first = body(page).locator('p').first();
  await first.click();
  await page.keyboard.type('Trước ');
  await paste(page, { text: 'dán vào' });
  await page.keyboard.type(' sau');
  await expect(first).toHaveText('Trước dán vào sau');
  await page.keyboard.press(`${mod}+z`);
  await expect(first).toHaveText('Trước dán vào');
  await page.keyboard.press(`${mod}+z`);
  await expect(first).toHaveText('Trước ');
});

test('pasting paragraphs into the headline gives one line of plain text', async ({ page, app }) => {
  await openBlank(page, app);
  await editor(page).locator('.nr-headline').click();
  await paste(page, { html: '<p><b>Đào tạo</b> cán bộ</p><p>ở Lai Châu</p>' });
  await expect(editor(page).locator('.nr-headline')).toHaveText('Đào tạo cán bộ ở Lai Châu');
  await expect(editor(page).locator('.nr-headline strong')).toHaveCount(0);
  await expect(editor(page).locator('.nr-lead')).toHaveText('');
});

test('Word smart tags and content controls: every word arrives, with no notice', async ({ page, app }) => {
  const id = await openBlank(page, app);
  await body(page).locator('p').first().click();
  await paste(page, { html: fixture('word-smart-tags.html'), text: 'Lai Châu đón đoàn' });
  await expect(body(page).locator('> p')).toHaveText([
    'Lai Châu đón đoàn công tác của Việt Nam ngày 30/4/2015.',
    'Nguyễn Văn An phát biểu tại Hội trường Tỉnh ủy.',
  ]);
  await page.keyboard.press('Enter');
  await paste(page, { html: fixture('word-content-controls.html') });
  await expect(body(page).locator('> p')).toHaveText([
    'Lai Châu đón đoàn công tác của Việt Nam ngày 30/4/2015.',
    'Nguyễn Văn An phát biểu tại Hội trường Tỉnh ủy.',
    'Tác giả: Phóng viên Hà My',
    'Đoạn trong khung nội dung thứ nhất.',
    'Đoạn trong khung nội dung thứ hai.',
    'Ngày đăng: 5/12/2026',
  ]);
  // Both pastes are in place (checked above) before the notice is looked for.
  await expect(page.getByTestId('paste-notice')).toHaveCount(0);
  const stored = await storedBody(app, id, page);
  expect(stored).toContain('Hội trường Tỉnh ủy');
  expect(stored).toContain('Phóng viên Hà My');
});

test('Word text boxes and bordered paragraphs: their text arrives once, in order', async ({ page, app }) => {
  await openBlank(page, app);
  await body(page).locator('p').first().click();
  await paste(page, { html: fixture('word-text-boxes.html') });
  await expect(body(page).locator('> p')).toHaveText([
    'Thông tin thêm: đoạn có viền bao quanh.',
    'Hộp chữ: ý kiến bạn đọc.',
    'Bạn đọc Lò Văn Minh, xã Bản Hon.',
    'Đoạn sau hộp chữ.',
  ]);
  await expect(body(page).locator('strong')).toHaveText(['Thông tin thêm:']);
});

test('Word lists and numbered headings: real lists without "·", headings keep "1." and "1.1"', async ({ page, app }) => {
  await openBlank(page, app);
  await body(page).locator('p').first().click();
  await paste(page, { html: fixture('word-numbered-headings.html') });
  await expect(body(page).locator('> h2')).toHaveText(['1. Kết quả đào tạo']);
  await expect(body(page).locator('> h3')).toHaveText(['1.1 Cấp tỉnh']);
  await expect(body(page).locator('> ul > li')).toHaveText(['Thạc sĩ: 120 người', 'Đại học: 2.475 người', 'Mục không có nhãn Ignore']);
  await expect(body(page)).not.toContainText('·');
});

test('a Word table becomes one paragraph per row, and the notice says so', async ({ page, app }) => {
  const id = await openBlank(page, app);
  await body(page).locator('p').first().click();
  await paste(page, { html: fixture('word-table.html') });
  await expect(body(page).locator('> p')).toHaveText([
    'Kết quả tuyển sinh năm 2015:',
    'Trình độ | Số người',
    'Thạc sĩ | 120 | chưa xác minh',
    'Đại học | 2.475',
    'Tổng | 2.595 | tăng 12%',
    'Đoạn sau bảng.',
  ]);
  await expect(notice(page)).toHaveText(
    'Nội dung dán đã được điều chỉnh: 1 bảng (4 hàng) đã được chuyển thành đoạn văn; ' +
      '1 đoạn chữ gạch ngang được giữ như chữ thường: hãy kiểm tra xem đó có phải phần định xoá không; ' +
      '1 đoạn chữ gạch chân được giữ như chữ thường.',
  );
  expect(await storedBody(app, id, page)).toContain('Tổng | 2.595 | tăng 12%');
});

test('Word hidden text and page header/footer are left out, and the notice quotes them', async ({ page, app }) => {
  const id = await openBlank(page, app);
  await body(page).locator('p').first().click();
  await paste(page, { html: fixture('word-hidden-and-headers.html') });
  await expect(body(page).locator('> p')).toHaveText([
    'Lai Châu khởi công cầu Pa Tần.',
    'Tổng vốn đầu tư 215 tỷ đồng.',
    'Công trình dự kiến hoàn thành năm 2027.',
  ]);
  await expect(notice(page)).toHaveText(
    'Nội dung dán đã được điều chỉnh: 2 đoạn chữ ẩn không được dán (“Ghi chú nội bộ: chưa xác minh số vốn.”, “Bản nháp cũ, không in”); ' +
      'đã bỏ 2 phần đầu trang/chân trang của Word (“Báo Lai Châu – Bản thảo”, “Trang 1”).',
  );
  expect(await storedBody(app, id, page)).not.toContain('Ghi chú nội bộ');
});

test('Word list numbers without a mso-list:Ignore span become list numbering, a resumed list keeps its number', async ({ page, app }) => {
  await openBlank(page, app);
  await body(page).locator('p').first().click();
  await paste(page, { html: fixture('word-list-numbers-without-ignore.html') });
  await expect(body(page).locator('> ol').first().locator('> li')).toHaveText(['Mục thứ nhất', 'Mục thứ hai']);
  await expect(body(page).locator('> ol').nth(1)).toHaveAttribute('start', '3');
  await expect(body(page).locator('> ol').nth(1).locator('> li')).toHaveText(['Mục thứ ba, đánh số tiếp']);
  await expect(body(page).locator('> ul > li')).toHaveText(['Mục theo kiểu danh sách của Word']);
  await expect(body(page)).not.toContainText('a)');
  await expect(page.getByTestId('paste-notice')).toHaveCount(0);
});

test('a clobbering form (input name=nodeName…) neither breaks the paste nor hides the text around it', async ({ page, app }) => {
  await openBlank(page, app);
  await body(page).locator('p').first().click();
  await paste(page, { html: fixture('forms-and-embeds.html') });
  await expect(body(page).locator('> p')).toHaveText([
    'Trước biểu mẫu.',
    'Chữ trong biểu mẫu.',
    'Sau biểu mẫu, có khung và đối tượng.',
    'Câu bị gạch và chữ bị xoá thường và gạch bằng kiểu; hết.',
  ]);
  await expect(notice(page)).toHaveText(
    'Nội dung dán đã được điều chỉnh: đã bỏ 3 nội dung nhúng (video, âm thanh, khung trang hoặc hình vẽ); ' +
      'đã bỏ 7 ô nhập liệu của biểu mẫu; đã bỏ 1 chỗ xoá trong chế độ theo dõi thay đổi, như bản cuối của tác giả; ' +
      '3 đoạn chữ gạch ngang được giữ như chữ thường: hãy kiểm tra xem đó có phải phần định xoá không.',
  );
  await expect(editor(page).locator('input, form, video, iframe, object')).toHaveCount(0);
});

test('an HTML clipboard with no readable text pastes its plain text instead', async ({ page, app }) => {
  await openBlank(page, app);
  await body(page).locator('p').first().click();
  await paste(page, { html: '<html><body><!--StartFragment--><v:shape><v:imagedata src="x.png"/></v:shape><!--EndFragment--></body></html>', text: 'Lai Châu\n\nđoạn hai' });
  await expect(body(page).locator('> p')).toHaveText(['Lai Châu', 'đoạn hai']);
});

test('HTML dropped from another application is sanitised and gets the same notice', async ({ page, app }) => {
  await openBlank(page, app);
  const first = body(page).locator('p').first();
  await first.click();
  await page.keyboard.type('Đầu bài.');
  const box = (await first.boundingBox())!;
  await page.evaluate(
    ({ html, x, y }) => {
      const dt = new DataTransfer();
      dt.setData('text/html', html);
      dt.setData('text/plain', 'Huyện Số xã');
      const target = document.elementFromPoint(x, y)!;
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, clientX: x, clientY: y, bubbles: true, cancelable: true }));
    },
    { html: '<table><tr><td>Huyện</td><td>Số xã</td></tr><tr><td>Tam Đường</td><td>13</td></tr></table>', x: box.x + box.width - 2, y: box.y + box.height / 2 },
  );
  await expect(body(page)).toContainText('Tam Đường | 13');
  await expect(notice(page)).toHaveText('Nội dung dán đã được điều chỉnh: 1 bảng (2 hàng) đã được chuyển thành đoạn văn.');
});

test('a link with malformed percent-encoding does not stop the paste: its text arrives, the link is reported', async ({ page, app }) => {
  await openBlank(page, app);
  await body(page).locator('p').first().click();
  await paste(page, { html: '<p>Gửi <a href="mailto:%E0%A4%A">thư cho tòa soạn</a> nhé.</p><p>Đoạn hai.</p>', text: 'Gửi thư' });
  await expect(body(page).locator('> p')).toHaveText(['Gửi thư cho tòa soạn nhé.', 'Đoạn hai.']);
  await expect(body(page).locator('a')).toHaveCount(0);
  await expect(notice(page)).toHaveText(
    'Nội dung dán đã được điều chỉnh: đã bỏ 1 liên kết không an toàn, chữ vẫn được giữ (chỉ giữ liên kết http, https, mailto).',
  );
});
