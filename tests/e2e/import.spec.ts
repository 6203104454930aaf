import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from './fixtures';
import { SEED_PATH } from '../support/temp';
import { makeJpeg, withMetadata } from '../support/photos';

async function openImport(page: Page) {
  await page.getByRole('menuitem', { name: 'Tệp', exact: true }).click();
  await page.locator('[data-menu-item="feature-import"]').click();
  await expect(page.getByRole('heading', { name: 'Nhập bài từ tệp' })).toBeVisible();
}

/** Fire a real drop event carrying files onto `selector`. */
async function dropFiles(page: Page, selector: string, files: { name: string; bytes: Buffer }[]) {
  const payload = files.map((f) => ({ name: f.name, base64: f.bytes.toString('base64') }));
  await page.locator(selector).first().evaluate((target, items) => {
    const dt = new DataTransfer();
    for (const item of items) dt.items.add(new File([Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0))], item.name));
    const at = { bubbles: true, cancelable: true, dataTransfer: dt };
    target.dispatchEvent(new DragEvent('dragenter', at));
    target.dispatchEvent(new DragEvent('dragover', at));
    target.dispatchEvent(new DragEvent('drop', at));
  }, payload);
}

test('File → Import: the review screen shows what was recognised, takes corrections and creates the draft', async ({ page, app }) => {
  await openImport(page);
  await page.getByTestId('import-files').setInputFiles(SEED_PATH);

  const card = page.getByRole('region', { name: '000_1125d15221aff6fc.txt' });
  await expect(card.getByLabel('Tít')).toHaveValue('Từng bước đáp ứng yêu cầu của nền hành chính hiện đại');
  await expect(card.getByLabel('Mã nguồn tin')).toHaveValue('BLC');
  await expect(card.getByLabel('Ngày giờ đăng (giờ Việt Nam)')).toHaveValue('10/06/2016 16:36');
  await expect(card.getByLabel('Tác giả')).toHaveValue('Tiến Thành');
  await expect(card.getByLabel('Sapo')).toHaveValue(/^Để từng bước xây dựng nền hành chính hiện đại/);
  await expect(card.getByLabel('Chú thích ảnh 1')).toHaveValue(/^Một giờ học tiếng Mông/);
  await expect(card.getByText('Chưa có ảnh: chú thích chờ ảnh')).toBeVisible();
  await expect(card.getByText('Văn bản · utf-8 · 5 đoạn · 1 ảnh')).toBeVisible();
  // The comments and teasers left out are announced at the top of the card, not only in the collapsed list.
  await expect(card.getByRole('alert')).toHaveText('7 đoạn (118 chữ) bị bỏ vì là phần khung của trang — hãy xem lại');

  // Dropped parts, in Vietnamese, with their text.
  await card.getByText('Phần đã bỏ (8)').click();
  await expect(card.locator('.import-dropped li').first()).toHaveText('Giờ của trang web lúc lưu: Thứ ba, 30/04/2024, 14:43 [GMT+7]');
  await expect(card.locator('.import-dropped li', { hasText: 'Viết bình luận' })).toContainText('Phần của trang web');
  await expect(card.locator('.import-dropped li', { hasText: 'Đa dạng hình thức' })).toContainText('Tin liên quan');

  const axe = await new AxeBuilder({ page }).include('.import-view').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  // Corrections before the article exists.
  await card.getByLabel('Tít').fill('Lai Châu: từng bước xây dựng nền hành chính hiện đại');
  await card.getByLabel('Tác giả').fill('Tiến Thành, Minh Anh');
  await card.getByLabel('Chú thích ảnh 1').fill('Giờ học tiếng Mông của cán bộ tỉnh.');
  expect(app.core.articles.list({ limit: 10, offset: 0 }).total).toBe(0);
  await page.getByRole('button', { name: 'Tạo 1 bài' }).click();

  await expect(card.getByRole('status')).toContainText('Đã tạo bài nháp “Lai Châu: từng bước xây dựng nền hành chính hiện đại”');
  await expect(card.getByRole('status')).toContainText('Phiên bản: imported from 000_1125d15221aff6fc.txt');
  await expect(page.locator('.article-list')).toContainText('Lai Châu: từng bước xây dựng nền hành chính hiện đại');

  const [summary] = app.core.articles.list({ limit: 10, offset: 0 }).items;
  expect(summary).toMatchObject({ status: 'draft', authors: ['Tiến Thành', 'Minh Anh'] });
  const article = app.core.articles.get(summary!.id);
  expect(article.meta).toMatchObject({ agencyTag: 'BLC', publishedAt: '2016-06-10T16:36:00+07:00' });
  expect(JSON.stringify(article.document)).toContain('Giờ học tiếng Mông của cán bộ tỉnh.');

  await card.getByRole('button', { name: 'Mở bài' }).click();
  await expect(page.locator('.ProseMirror h1')).toHaveText('Lai Châu: từng bước xây dựng nền hành chính hiện đại');
});

test('dropping files on the article list opens the review screen; a bad file is refused with a clear message', async ({ page, app }) => {
  await dropFiles(page, '.article-list', [
    { name: 'bai.txt', bytes: readFileSync(SEED_PATH) },
    { name: 'anh-nham.txt', bytes: await makeJpeg({ width: 32, height: 32 }) },
  ]);
  await expect(page.getByRole('heading', { name: 'Nhập bài từ tệp' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'bai.txt' }).getByLabel('Tít')).toHaveValue('Từng bước đáp ứng yêu cầu của nền hành chính hiện đại');
  const refused = page.getByRole('region', { name: 'anh-nham.txt' });
  await expect(refused.getByRole('alert')).toHaveText('Không nhập được: anh-nham.txt is not a text file (it holds binary data); nothing was imported.');

  // Skip the good one too: nothing is created.
  await page.getByRole('region', { name: 'bai.txt' }).getByRole('button', { name: 'Bỏ qua' }).click();
  await expect(page.getByRole('region', { name: 'bai.txt' })).toHaveCount(0);
  expect(app.core.articles.list({ limit: 10, offset: 0 }).total).toBe(0);
});

test('a story folder becomes one article: its photos fill the captions in file-name order', async ({ page, app }) => {
  const folder = join(app.dir, 'sin-ho');
  mkdirSync(folder);
  writeFileSync(
    join(folder, 'bai.txt'),
    'Mùa lúa chín ở Sìn Hồ\n\n(BLC) – Tháng Mười, ruộng bậc thang ở Sìn Hồ chuyển sang màu vàng óng.\n\nẢnh: Ruộng bậc thang xã Pa Tần.\n\nNgười dân tranh thủ ngày nắng để gặt lúa.\n\nTiến Thành\n',
  );
  writeFileSync(join(folder, 'anh2.jpg'), withMetadata(await makeJpeg({ width: 1600, height: 1000, color: '#753' }), app.dir, { caption: 'Gặt lúa', byline: 'Minh Anh' }));
  writeFileSync(join(folder, 'anh1.jpg'), withMetadata(await makeJpeg({ width: 1600, height: 1000, color: '#357' }), app.dir, { caption: 'Ruộng bậc thang', byline: 'Tiến Thành' }));

  await openImport(page);
  await page.getByTestId('import-folder').setInputFiles(folder);
  const card = page.getByRole('region', { name: 'sin-ho' });
  await expect(card.getByLabel('Chú thích ảnh 1')).toHaveValue('Ruộng bậc thang xã Pa Tần.');
  await expect(card.getByText('Ảnh: anh1.jpg · Nguồn ảnh: Ảnh: Tiến Thành')).toBeVisible();
  await expect(card.getByLabel('Chú thích ảnh 2')).toHaveValue('Gặt lúa');
  await expect(card.getByText('Ảnh: anh2.jpg · Nguồn ảnh: Ảnh: Minh Anh')).toBeVisible();
  await card.getByText(/Phần đã bỏ/).click();
  await expect(card.locator('.import-dropped li', { hasText: 'Ruộng bậc thang' })).toContainText('Chú thích ghi trong ảnh anh1.jpg khác chú thích trong bài');

  await page.getByRole('button', { name: 'Tạo 1 bài' }).click();
  await expect(card.getByRole('status')).toContainText('Đã tạo bài nháp “Mùa lúa chín ở Sìn Hồ”');
  const [summary] = app.core.articles.list({ limit: 10, offset: 0 }).items;
  const body = app.core.articles.get(summary!.id).document.doc.content![2]!.content!;
  expect(body.filter((b) => b.type === 'figure').map((f) => typeof f.attrs?.mediaId)).toEqual(['string', 'string']);
});

test('a caption candidate goes back to the body with one click, word for word', async ({ page, app }) => {
  const line = 'Ông Lò Văn Pầng giới thiệu giống chè mới';
  const file = join(app.dir, 'hoi-nghi.txt');
  writeFileSync(
    file,
    [
      'Hội nghị tổng kết ngành chè',
      '(BLC) – Sáng nay, Sở Nông nghiệp tổ chức hội nghị tổng kết ngành chè năm 2016 tại thành phố Lai Châu.',
      'Hội nghị có hơn 100 đại biểu đến từ các huyện, thành phố và doanh nghiệp chè trong tỉnh.',
      line,
      'Các đại biểu đã thảo luận về giống, thị trường và cách làm chè sạch theo tiêu chuẩn VietGAP.',
      'Minh Anh',
    ].join('\n\n'),
  );
  await openImport(page);
  await page.getByTestId('import-files').setInputFiles(file);
  const card = page.getByRole('region', { name: 'hoi-nghi.txt' });
  await expect(card.getByLabel('Chú thích ảnh 1')).toHaveValue(line);
  await expect(card.getByText('Dòng này được đoán là chú thích ảnh chỉ dựa vào hình thức của nó.')).toBeVisible();
  await card.getByRole('button', { name: 'Đây là nội dung bài' }).click();
  await expect(card.getByText(`Đã đưa lại vào thân bài: “${line}”`)).toBeVisible();
  await expect(card.getByText('Văn bản · utf-8 · 3 đoạn · 0 ảnh')).toBeVisible();

  await page.getByRole('button', { name: 'Tạo 1 bài' }).click();
  await expect(card.getByRole('status')).toContainText('Đã tạo bài nháp “Hội nghị tổng kết ngành chè”');
  const [summary] = app.core.articles.list({ limit: 10, offset: 0 }).items;
  const body = app.core.articles.get(summary!.id).document.doc.content![2]!.content!;
  expect(body.map((b) => `${b.type}: ${(b.content ?? []).map((t) => t.text ?? '').join('')}`)).toEqual([
    'paragraph: Hội nghị có hơn 100 đại biểu đến từ các huyện, thành phố và doanh nghiệp chè trong tỉnh.',
    `paragraph: ${line}`,
    'paragraph: Các đại biểu đã thảo luận về giống, thị trường và cách làm chè sạch theo tiêu chuẩn VietGAP.',
  ]);
});

test('a saved Word page: the card announces the hidden text and page headers left out, and lists every change in Vietnamese', async ({ page, app }) => {
  const file = join(app.dir, 'bai.htm');
  writeFileSync(file, readFileSync(join(import.meta.dirname, '..', 'fixtures', 'import', 'saved-word-page.htm')));
  await openImport(page);
  await page.getByTestId('import-files').setInputFiles(file);

  const card = page.getByRole('region', { name: 'bai.htm' });
  await expect(card.getByRole('alert')).toHaveText('3 đoạn (26 chữ) bị bỏ vì là chữ ẩn hoặc đầu trang, chân trang — hãy xem lại');
  const warnings = card.locator('.import-warnings li');
  await expect(warnings.filter({ hasText: 'bảng' })).toHaveText('1 bảng (2 hàng) đã được chuyển thành các đoạn văn; hãy kiểm tra số liệu.');
  await expect(warnings.filter({ hasText: 'gạch ngang' })).toHaveText('1 đoạn chữ gạch ngang được giữ như chữ thường: hãy kiểm tra xem đó có phải phần định xoá không.');
  await expect(warnings.filter({ hasText: 'gạch chân' })).toHaveText('1 đoạn chữ gạch chân được giữ như chữ thường.');
  await expect(warnings.filter({ hasText: 'theo dõi thay đổi' })).toHaveText('Đã bỏ 1 chỗ xoá trong chế độ theo dõi thay đổi, như bản cuối của tác giả.');

  await card.getByText(/Phần đã bỏ/).click();
  await expect(card.locator('.import-dropped li', { hasText: 'Ghi chú nội bộ' })).toHaveText(
    'Đoạn chữ ẩn, trang không hiển thị (display:none, hidden, chữ ẩn của Word, noscript…): Ghi chú nội bộ: chưa xác minh số vốn với sở tài chính.',
  );
  await expect(card.locator('.import-dropped li', { hasText: 'Trang 1' })).toContainText('Đầu trang hoặc chân trang Word');
});
