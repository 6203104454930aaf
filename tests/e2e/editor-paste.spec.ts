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
  await expect(page.getByTestId('paste-images-dropped')).toContainText('Đã bỏ 1 ảnh');
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
  await expect(page.getByTestId('paste-images-dropped')).toBeVisible();
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
  await expect(page.getByTestId('paste-links-dropped')).toContainText('6');
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
