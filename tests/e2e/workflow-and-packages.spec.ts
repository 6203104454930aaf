/// <reference lib="dom" />
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Page } from './fixtures';
import type { AppFixture } from './fixtures';
import { createCore, type Core } from '../../src/main/core/core';
import { createDocument, documentToStored } from '../../src/shared/document';
import type { ProfileInput } from '../../src/shared/review/model';
import { moveAlongWorkflow } from '../support/workflow';
import { createThroughApi } from './helpers';

const EDITOR: ProfileInput = { displayName: 'Thu Hà', initials: 'TH', role: 'editor', color: '#7a3b9c' };
const REPORTER: ProfileInput = { displayName: 'Tiến Thành', initials: 'TT', role: 'reporter', color: '#1a7f5a' };
const DESK: ProfileInput = { displayName: 'Minh Anh', initials: 'MA', role: 'desk', color: '#204080' };

const details = (page: Page) => page.getByRole('complementary', { name: 'Thông tin bài' });
const statusSelect = (page: Page) => details(page).getByLabel('Trạng thái');
/** The options of the details panel's status menu, as shown (they fill in once the profile's moves are loaded). */
const statusOptions = (page: Page) => statusSelect(page).locator('option');

const seed = (app: AppFixture, page: Page, headline: string): Promise<string> =>
  createThroughApi(page, app, { document: documentToStored(createDocument({ headline, lead: 'Dẫn đề.', paragraphs: ['Một đoạn.'], authors: ['Tiến Thành'] })) });

async function openRow(page: Page, headline: string): Promise<void> {
  await page.locator('.article-row', { hasText: headline }).locator('.row-open').click();
  await expect(page.locator('.nr-editor .nr-headline')).toHaveText(headline);
}

/** A package file written by another machine (its own database and profile). */
async function packageFrom(core: Core, id: string, file: string): Promise<string> {
  const r = await core.call('createHandoffPackage', { id, purpose: 'review' });
  if (!r.ok) throw new Error(r.error.message);
  writeFileSync(file, Buffer.from((r.value as { data: string }).data, 'base64'));
  return file;
}

/** Fire a real drop of `files` at the middle of `selector`. */
async function dropFiles(page: Page, selector: string, files: { name: string; bytes: Buffer }[]): Promise<void> {
  await page.locator(selector).first().evaluate((target, list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name));
    const box = target.getBoundingClientRect();
    const at = { bubbles: true, cancelable: true, dataTransfer: dt, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 };
    target.dispatchEvent(new DragEvent('dragover', at));
    target.dispatchEvent(new DragEvent('drop', at));
  }, files.map((f) => ({ name: f.name, data: f.bytes.toString('base64') })));
}

test('with no profile the status cannot change, and the panel offers the Review view to set one up', async ({ page, app }) => {
  await seed(app, page, 'Chưa có hồ sơ');
  await openRow(page, 'Chưa có hồ sơ');
  await expect(statusSelect(page)).toBeDisabled();
  await expect(statusSelect(page)).toHaveValue('draft');
  await expect(details(page).getByText('Máy này chưa có hồ sơ của bạn nên chưa đổi được trạng thái')).toBeVisible();
  await details(page).getByRole('button', { name: 'Mở Duyệt bài để tạo hồ sơ' }).click();
  await expect(page.locator('.review-view').getByText('Trước khi duyệt bài, hãy cho biết bạn là ai.')).toBeVisible();
});

test('the details panel offers only the moves of the profile, logs each with its note, and shows a refusal in the core’s words', async ({ page, app }) => {
  app.core.review.people.setLocal(REPORTER);
  const id = await seed(app, page, 'Tin của phóng viên');
  await openRow(page, 'Tin của phóng viên');
  await expect(statusOptions(page)).toHaveText(['Nháp', 'Đã gửi', 'Bỏ']);

  await statusSelect(page).selectOption('submitted');
  const move = details(page).getByRole('form', { name: 'Chuyển bài từ “Nháp” sang “Đã gửi”' });
  // Escape cancels without a change.
  await move.getByLabel('Ghi chú (không bắt buộc)').press('Escape');
  await expect(move).toHaveCount(0);
  await expect(statusSelect(page)).toHaveValue('draft');
  await statusSelect(page).selectOption('submitted');
  await move.getByLabel('Ghi chú (không bắt buộc)').fill('Gửi anh duyệt');
  await move.getByLabel('Ghi chú (không bắt buộc)').press('Enter');
  await expect(details(page).getByRole('status')).toHaveText('Đã chuyển bài sang “Đã gửi”.');
  await expect(statusSelect(page)).toHaveValue('submitted');
  // The list shows the new state too.
  await expect(page.locator('.article-row', { hasText: 'Tin của phóng viên' })).toContainText('Đã gửi');
  // A reporter cannot take a submitted article into editing.
  await expect(statusOptions(page)).toHaveText(['Đã gửi', 'Nháp', 'Bỏ']);

  // Editing text after the move saves normally (no false conflict), and takes the submitted article into edit.
  await page.locator('.nr-editor .nr-body p').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Thêm.');
  await expect(page.getByTestId('save-state')).toHaveText(/^Đã lưu lúc/);
  await expect.poll(() => JSON.stringify(app.core.articles.get(id).document)).toContain('Một đoạn. Thêm.');
  await expect(statusSelect(page)).toHaveValue('in_edit');

  // The role changes on this machine meanwhile (another window): the core refuses and says why.
  app.core.review.people.setLocal(EDITOR);
  await page.reload();
  await openRow(page, 'Tin của phóng viên');
  await statusSelect(page).selectOption('approved');
  app.core.review.people.setLocal(REPORTER);
  await details(page).getByRole('button', { name: 'Chuyển trạng thái' }).click();
  await expect(details(page).getByRole('alert')).toHaveText('việc này không được phép (Cannot change the status: a reporter profile cannot move an article from in edit to approved.)');
  expect(app.core.articles.get(id).meta.status).toBe('in_edit');

  const log = app.core.review.transitions.list(id);
  expect(log.map((t) => [t.from, t.to, t.note])).toEqual([
    ['draft', 'submitted', 'Gửi anh duyệt'],
    ['submitted', 'in_edit', 'edited while submitted'],
  ]);
  const [newest] = app.core.articles.listRevisions(id, { limit: 5, offset: 0 }).items.filter((r) => r.reason === 'status');
  expect(newest).toMatchObject({ status: 'in_edit', author: 'Tiến Thành' });
});

test('the desk publishes an unapproved article only with a reason, which is logged', async ({ page, app }) => {
  app.core.review.people.setLocal(EDITOR);
  const id = await seed(app, page, 'Tin khẩn');
  await moveAlongWorkflow(app.core, id, 'in_edit');
  app.core.review.people.setLocal(DESK);
  await page.reload();
  await openRow(page, 'Tin khẩn');
  await expect(statusOptions(page)).toHaveText(['Đang biên tập', 'Nháp', 'Đã duyệt', 'Bỏ', 'Đã đăng (không qua duyệt)']);
  await statusSelect(page).selectOption({ label: 'Đã đăng (không qua duyệt)' });
  const move = details(page).getByRole('form', { name: 'Chuyển bài từ “Đang biên tập” sang “Đã đăng”' });
  await expect(move.getByText('Bài chưa được duyệt.')).toBeVisible();
  await expect(move.getByTestId('publish-summary')).toContainText('Sẽ xuất bản: “Tin khẩn”');
  const confirm = move.getByRole('button', { name: 'Xác nhận xuất bản' });
  await expect(confirm).toBeDisabled();
  await move.getByLabel('Lý do (bắt buộc, được ghi lại)').fill('Tin nóng, tổng biên tập đồng ý qua điện thoại');
  await confirm.click();
  await expect(details(page).getByRole('status')).toHaveText('Đã chuyển bài sang “Đã đăng”.');
  // Publishing set the publish time, and the field shows it.
  await expect(details(page).getByLabel('Ngày đăng')).not.toHaveValue('');
  const article = app.core.articles.get(id);
  expect(article.meta.status).toBe('published');
  expect(article.meta.publishedAt).not.toBeNull();
  expect(app.core.review.transitions.list(id).at(-1)).toMatchObject({ from: 'in_edit', to: 'published', overrideReason: 'Tin nóng, tổng biên tập đồng ý qua điện thoại' });
});

test('File → Open package and a drop anywhere open a received package; other drops still import', async ({ page, app }) => {
  test.setTimeout(90_000);
  app.core.review.people.setLocal(REPORTER);
  // The editor's machine writes the article and sends it.
  const coreB = createCore({ databasePath: join(app.dir, 'editor.db'), host: 'browser' });
  try {
    coreB.review.people.setLocal(EDITOR);
    const created = await coreB.call('createArticle', { document: documentToStored(createDocument({ headline: 'Bài từ máy biên tập', paragraphs: ['Bản đầu.'], authors: ['Thu Hà'] })) });
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { meta: { id: string } }).meta.id;
    const first = await packageFrom(coreB, id, join(app.dir, 'bai.newsroom'));

    // File → Open package…
    await page.getByRole('menuitem', { name: 'Tệp' }).click();
    const item = page.getByRole('menuitem', { name: /Mở gói bài…/ });
    await expect(item.locator('kbd')).toHaveText('Ctrl+Shift+O');
    await item.click();
    const view = page.locator('.open-package-view');
    await expect(view.getByRole('heading', { name: 'Mở gói bài nhận được' })).toBeVisible();
    // A file that is not a package is refused with the reason, and nothing changes.
    writeFileSync(join(app.dir, 'hong.newsroom'), 'không phải gói');
    await view.getByLabel('Chọn tệp .newsroom').setInputFiles(join(app.dir, 'hong.newsroom'));
    await expect(view.getByRole('alert')).toContainText('Không mở được gói “hong.newsroom”: dữ liệu không hợp lệ (The package was refused and nothing was changed');
    expect(app.core.articles.list({ limit: 10, offset: 0 }).total).toBe(0);
    await view.getByLabel('Chọn tệp .newsroom').setInputFiles(first);
    await expect(page.locator('.toast', { hasText: 'Đã nhận bài mới từ Thu Hà.' })).toBeVisible();
    await expect(page.locator('.nr-editor .nr-headline')).toHaveText('Bài từ máy biên tập');
    await expect(page.locator('.article-row', { hasText: 'Bài từ máy biên tập' })).toBeVisible();

    // The editor changes it and sends it again: dropped on the editor, it updates the open article.
    const saved = await coreB.call('saveArticle', { id, document: documentToStored(createDocument({ headline: 'Bài từ máy biên tập', paragraphs: ['Bản hai.'], authors: ['Thu Hà'] })), reason: 'save' });
    if (!saved.ok) throw new Error(saved.error.message);
    const second = await packageFrom(coreB, id, join(app.dir, 'bai-2.newsroom'));
    await dropFiles(page, '.nr-editor .nr-body', [{ name: 'bai-2.newsroom', bytes: readFileSync(second) }]);
    await expect(page.locator('.toast', { hasText: 'Đã cập nhật bài theo bản mới hơn của Thu Hà.' })).toBeVisible();
    await expect(page.locator('.nr-editor .nr-body p')).toHaveText('Bản hai.');

    // Both sides change it: dropped on the article list, it is a conflict (not an import) and says where to settle it.
    await page.locator('.nr-editor .nr-body p').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Của phóng viên.');
    await expect.poll(() => JSON.stringify(app.core.articles.get(id).document)).toContain('Của phóng viên.');
    const third = await coreB.call('saveArticle', { id, document: documentToStored(createDocument({ headline: 'Bài từ máy biên tập', paragraphs: ['Bản ba.'], authors: ['Thu Hà'] })), reason: 'save' });
    if (!third.ok) throw new Error(third.error.message);
    const conflicting = await packageFrom(coreB, id, join(app.dir, 'bai-3.newsroom'));
    await dropFiles(page, '.article-list', [{ name: 'bai-3.newsroom', bytes: readFileSync(conflicting) }]);
    await expect(page.locator('.toast', { hasText: 'Bài đã được sửa ở cả hai máy.' })).toContainText('Mở Duyệt bài, mục “Gửi và nhận”, để so sánh và chọn.');
    await expect(page.locator('.import-view, .import-review')).toHaveCount(0);
    await expect(page.locator('.nr-editor .nr-body p')).toHaveText('Bản hai. Của phóng viên.');
    expect(app.core.review.conflicts.list(id, true)).toHaveLength(1);

    // The shortcut opens the same view.
    await page.keyboard.press('Control+Shift+O');
    await expect(page.locator('.open-package-view')).toBeVisible();
    await page.keyboard.press('Escape');

    // Any other file dropped on the list still goes to import.
    await dropFiles(page, '.article-list', [{ name: 'tin.txt', bytes: Buffer.from('Tít bài\n\nMột đoạn.\n') }]);
    await expect(page.locator('.import-view')).toBeVisible();
  } finally {
    coreB.close();
  }
});

test('File → Package for review writes the open article, with what was just typed, as a .newsroom file', async ({ page, app }) => {
  app.core.review.people.setLocal(REPORTER);
  const id = await seed(app, page, 'Bài gửi đi');
  await openRow(page, 'Bài gửi đi');
  await page.locator('.nr-editor .nr-lead').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Thêm ý cuối.');
  await page.getByRole('menuitem', { name: 'Tệp' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Tạo gói gửi biên tập' }).click();
  const file = join(app.dir, 'gui.newsroom');
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/\.newsroom$/);
  await saved.saveAs(file);
  await expect(page.locator('.toast', { hasText: /Đã tạo tệp .*\.newsroom\./ })).toBeVisible();

  // Another machine opens it and finds the sentence typed just before sending.
  const other = createCore({ databasePath: join(app.dir, 'other.db'), host: 'browser' });
  try {
    other.review.people.setLocal(EDITOR);
    const r = await other.call('openHandoffPackage', { data: readFileSync(file).toString('base64') });
    if (!r.ok) throw new Error(r.error.message);
    expect(JSON.stringify(other.articles.get(id).document)).toContain('Thêm ý cuối.');
  } finally {
    other.close();
  }
});
