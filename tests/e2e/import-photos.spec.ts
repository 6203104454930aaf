import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Page } from './fixtures';
import { PDF_RENAMED } from '../support/photos';
import { HEVC_HEIC, plainPhoto } from '../support/photo-formats';

async function openImport(page: Page) {
  await page.getByRole('menuitem', { name: 'Tệp', exact: true }).click();
  await page.locator('[data-menu-item="feature-import"]').click();
  await expect(page.getByRole('heading', { name: 'Nhập bài từ tệp' })).toBeVisible();
}

test('a story folder names each refused photo as an upload refusal does, and keeps no empty figure for it', async ({ page, app }) => {
  const folder = join(app.dir, 'cho-phien');
  mkdirSync(folder);
  writeFileSync(join(folder, 'bai.txt'), 'Chợ phiên Sìn Hồ\n\n(BLC) – Chợ phiên cuối năm ở Sìn Hồ đông vui từ sáng sớm.\n\nNhững gian hàng thổ cẩm bày khắp các ngả đường.\n\nMinh Anh\n');
  writeFileSync(join(folder, 'anh1.avif'), await plainPhoto('avif', 640, 480));
  writeFileSync(join(folder, 'anh2.jpg'), PDF_RENAMED);
  writeFileSync(join(folder, 'anh3.heic'), HEVC_HEIC);

  await openImport(page);
  await page.getByTestId('import-folder').setInputFiles(folder);
  const card = page.getByRole('region', { name: 'cho-phien' });
  const warnings = card.locator('.import-warnings li');
  await expect(warnings.filter({ hasText: 'anh2.jpg' })).toHaveText('“anh2.jpg”: đây là tài liệu PDF, không phải ảnh.');
  await expect(warnings.filter({ hasText: 'anh3.heic' })).toContainText('“anh3.heic”: máy này không giải mã được ảnh HEIC/HEIF này');
  await expect(card.getByText('Ảnh: anh1.avif')).toBeVisible();
  await expect(card.getByLabel('Chú thích ảnh 2')).toHaveCount(0);

  await page.getByRole('button', { name: 'Tạo 1 bài' }).click();
  await expect(card.getByRole('status')).toContainText('Đã tạo bài nháp “Chợ phiên Sìn Hồ”');
  const [summary] = app.core.articles.list({ limit: 10, offset: 0 }).items;
  const body = app.core.articles.get(summary!.id).document.doc.content![2]!.content!;
  expect(body.filter((b) => b.type === 'figure').map((f) => typeof f.attrs?.mediaId)).toEqual(['string']);
});
