import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Page } from './fixtures';
import { editor, selectText } from './helpers';
import { createCore, type Core } from '../../src/main/core/core';
import { startBrowserHost } from '../../src/main/http/server';
import { createDocument, documentToStored } from '../../src/shared/document';

const RENDERER_DIR = join(import.meta.dirname, '..', '..', 'out', 'renderer');
const review = (page: Page) => page.locator('.review-view');

async function openReview(page: Page, tab?: string): Promise<void> {
  if (!(await review(page).isVisible())) await page.keyboard.press('Control+Alt+R');
  await expect(review(page)).toBeVisible();
  if (tab) await review(page).getByRole('tab', { name: tab }).click();
}

async function backToEditor(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Quay lại bài viết/ }).click();
  await expect(editor(page)).toBeVisible();
}

async function setProfile(page: Page, name: string, initials: string, role: string): Promise<void> {
  await openReview(page);
  const tab = review(page).getByRole('tab', { name: 'Hồ sơ' });
  if (await tab.isVisible()) await tab.click();
  await review(page).getByLabel('Tên hiển thị').fill(name);
  await review(page).getByLabel('Viết tắt').fill(initials);
  await review(page).getByLabel('Vai trò').selectOption({ label: role });
  await review(page).getByRole('button', { name: 'Lưu hồ sơ' }).click();
  // First run: the form gives way to the review tabs (or, with no article open, to the package drop zone).
  await expect(review(page).getByRole('tablist').or(review(page).getByText('Đã lưu hồ sơ.')).or(review(page).getByText('Hãy mở một bài'))).toBeVisible();
}

async function moveTo(page: Page, status: string, note = ''): Promise<void> {
  await openReview(page, 'Trạng thái');
  if (note) await review(page).getByLabel('Ghi chú (không bắt buộc)').fill(note);
  await review(page).getByRole('button', { name: `Chuyển sang “${status}”` }).click();
  await expect(review(page).getByRole('heading', { name: `Trạng thái hiện tại: ${status}` })).toBeVisible();
}

async function sendPackage(page: Page, dir: string, name: string): Promise<string> {
  await openReview(page, 'Gửi và nhận');
  const download = page.waitForEvent('download');
  await review(page).getByRole('button', { name: 'Gửi biên tập', exact: true }).click();
  const file = join(dir, name);
  await (await download).saveAs(file);
  return file;
}

async function openPackage(page: Page, file: string): Promise<void> {
  await openReview(page, 'Gửi và nhận');
  await review(page).locator('input[type=file]').setInputFiles(file);
}

/** Type at the end of the first body paragraph and wait until the store has it. */
/** Approve over open review items with a stated reason (the workflow refuses it otherwise). */
async function approveWithReason(page: Page, reason: string): Promise<void> {
  await openReview(page, 'Trạng thái');
  await review(page).getByLabel('Lý do duyệt khi còn việc chưa xử lý (bắt buộc, được ghi lại)').fill(reason);
  await review(page).getByRole('button', { name: 'Duyệt vượt, có lý do' }).click();
  await expect(review(page).getByRole('heading', { name: 'Trạng thái hiện tại: Đã duyệt' })).toBeVisible();
}

/** Type at the end of the body; editing an approved article asks first, and the user says yes. */
async function typeAtEndOfBody(page: Page, core: Core, id: string, text: string): Promise<void> {
  if (await review(page).isVisible()) await backToEditor(page);
  page.once('dialog', (d) => void d.accept());
  await editor(page).locator('.nr-body p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
  await expect.poll(() => JSON.stringify(core.articles.get(id).document), { timeout: 15_000 }).toContain(text);
}

test('an article goes from reporter to editor and back through package files, with comments, suggestions, a conflict and a desk export', async ({ page, app, browser }) => {
  test.setTimeout(180_000);
  // Machine B: the editor's own database and app.
  const coreB = createCore({ databasePath: join(app.dir, 'editor.db'), host: 'browser' });
  const hostB = await startBrowserHost({ core: coreB, rendererDir: RENDERER_DIR });
  const contextB = await browser.newContext();
  const pageB = await contextB.newPage();
  try {
    await pageB.goto(hostB.url);

    // A: the reporter's article.
    const created = await app.core.call('createArticle', {
      document: documentToStored(createDocument({ headline: 'Từng bước đáp ứng yêu cầu', lead: 'Sáng 10/6, Sở Nội vụ tổ chức hội nghị.', paragraphs: ['Cải cách hành chính là nhiệm vụ trọng tâm.'], authors: ['Tiến Thành'] })),
      meta: { section: 'Xã hội', lengthTarget: {} },
    });
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { meta: { id: string } }).meta.id;
    await page.reload();
    await page.locator('.article-row', { hasText: 'Từng bước đáp ứng yêu cầu' }).locator('.row-open').click();
    await expect(editor(page).locator('.nr-headline')).toHaveText('Từng bước đáp ứng yêu cầu');

    // First run asks for a profile.
    await openReview(page);
    await expect(review(page).getByText('Trước khi duyệt bài, hãy cho biết bạn là ai.')).toBeVisible();
    await setProfile(page, 'Tiến Thành', 'TT', 'Phóng viên');

    // A comments on the body, submits, sends for review.
    await backToEditor(page);
    await selectText(page, 'trọng tâm');
    await openReview(page, 'Bình luận');
    await expect(review(page).getByText('Đoạn đang chọn: “trọng tâm”')).toBeVisible();
    await review(page).getByLabel('Viết bình luận…').fill('Nhờ anh xem từ này');
    await review(page).getByRole('button', { name: 'Thêm bình luận' }).click();
    await expect(review(page).locator('.review-thread')).toContainText('Nhờ anh xem từ này');
    await backToEditor(page);
    await expect(editor(page).locator('.review-comment-mark')).toHaveText('trọng tâm');
    await moveTo(page, 'Đã gửi', 'Gửi anh duyệt');
    // The timeline says what each status revision did, with its note.
    await openReview(page, 'Lịch sử');
    await expect(review(page).locator('.review-move').first()).toHaveText('(Nháp → Đã gửi)Gửi anh duyệt');
    const toEditor = await sendPackage(page, app.dir, 'to-editor.newsroom');

    // B: sets up an editor profile and opens the package with no article open.
    await setProfile(pageB, 'Minh An', 'MA', 'Biên tập viên');
    await review(pageB).locator('input[type=file]').setInputFiles(toEditor);
    await expect(editor(pageB).locator('.nr-headline')).toHaveText('Từng bước đáp ứng yêu cầu');
    await expect(pageB.locator('.toast', { hasText: 'Đã nhận bài mới từ Tiến Thành.' })).toBeVisible();
    await moveTo(pageB, 'Đang biên tập');

    // B suggests two changes (body and headline), accepts one, rejects the other, replies, approves.
    await backToEditor(pageB);
    await selectText(pageB, 'trọng tâm');
    await openReview(pageB, 'Gợi ý sửa');
    await review(pageB).getByLabel(/Thay bằng/).fill('then chốt');
    await review(pageB).getByRole('button', { name: 'Gửi gợi ý' }).click();
    await expect(review(pageB).locator('[data-suggestion]')).toHaveCount(1);
    await backToEditor(pageB);
    expect(JSON.stringify(coreB.articles.get(id).document)).toContain('nhiệm vụ trọng tâm.'); // suggesting changes nothing
    // The editor shows the suggestion in the editor's colour and the reporter's comment as marked text.
    await expect(editor(pageB).locator('.review-suggest-delete')).toHaveText('trọng tâm');
    await expect(editor(pageB).locator('ins.review-suggest-insert')).toHaveText('then chốt');
    await expect(editor(pageB).locator('ins.review-suggest-insert')).toHaveCSS('text-decoration-color', 'rgb(26, 127, 90)');
    await selectText(pageB, 'yêu cầu');
    await openReview(pageB, 'Gợi ý sửa');
    await review(pageB).getByLabel(/Thay bằng/).fill('đòi hỏi');
    await review(pageB).getByRole('button', { name: 'Gửi gợi ý' }).click();
    const open = review(pageB).locator('[data-suggestion]');
    await expect(open).toHaveCount(2);
    await open.filter({ hasText: 'then chốt' }).getByRole('button', { name: 'Chấp nhận' }).click();
    await expect(open).toHaveCount(1);
    await open.filter({ hasText: 'đòi hỏi' }).getByRole('button', { name: 'Từ chối' }).click();
    await expect(review(pageB).getByText('Không có gợi ý nào đang chờ.')).toBeVisible();
    await openReview(pageB, 'Bình luận');
    await review(pageB).getByLabel('Viết trả lời…').fill('Đã sửa thành “then chốt”');
    await review(pageB).getByRole('button', { name: 'Trả lời' }).click();
    await expect(review(pageB).locator('.review-comment')).toHaveCount(2);
    // The thread is answered, not resolved: approving needs a reason.
    await approveWithReason(pageB, 'Đã trả lời; phóng viên tự đóng');
    await backToEditor(pageB);
    await expect(editor(pageB).locator('.nr-body p')).toHaveText('Cải cách hành chính là nhiệm vụ then chốt.');
    await expect(editor(pageB).locator('.nr-headline')).toHaveText('Từng bước đáp ứng yêu cầu');
    const backToReporter = await sendPackage(pageB, app.dir, 'to-reporter.newsroom');

    // A trusts the editor's key, read out from B's Keys tab, so B's approval counts on A.
    await openReview(pageB, 'Khoá ký');
    const editorKey = (await review(pageB).locator('.review-keys .review-fingerprint').first().textContent())!;
    await openReview(page, 'Khoá ký');
    const addKey = review(page).getByRole('form', { name: 'Tin một khoá theo mã' });
    await addKey.getByLabel(/Mã khoá/).fill(editorKey);
    await addKey.getByLabel('Tên').fill('Minh An');
    await addKey.getByLabel('Vai trò').selectOption({ label: 'Biên tập viên' });
    await addKey.getByRole('button', { name: 'Tin cậy' }).click();
    await expect(review(page).locator('.review-key-list li', { hasText: editorKey })).toContainText('Minh An (Biên tập viên)');

    // A opens it: theirs is newer, so it becomes current with everything intact.
    await openPackage(page, backToReporter);
    await expect(page.locator('.toast', { hasText: 'Đã cập nhật bài theo bản mới hơn của Minh An.' })).toBeVisible();
    await openReview(page, 'Trạng thái');
    await expect(review(page).getByRole('heading', { name: 'Trạng thái hiện tại: Đã duyệt' })).toBeVisible();
    await expect(review(page).locator('.review-log li')).toHaveCount(3);
    await openReview(page, 'Bình luận');
    await expect(review(page).locator('.review-comment').nth(1)).toContainText('Minh An');
    await backToEditor(page);
    await expect(editor(page).locator('.nr-body p')).toHaveText('Cải cách hành chính là nhiệm vụ then chốt.');
    expect(JSON.stringify(app.core.articles.get(id).document)).toBe(JSON.stringify(coreB.articles.get(id).document));

    // Both change it: the next package is a conflict; A compares and takes theirs.
    await typeAtEndOfBody(page, app.core, id, ' Bản A.');
    await typeAtEndOfBody(pageB, coreB, id, ' Bản B.');
    const conflicting = await sendPackage(pageB, app.dir, 'conflict.newsroom');
    await openPackage(page, conflicting);
    await expect(page.locator('.toast', { hasText: 'Bài đã được sửa ở cả hai máy.' })).toBeVisible();
    const conflict = review(page).locator('.review-conflict');
    await expect(conflict.locator('del')).toContainText(['A']);
    await expect(conflict.locator('ins')).toContainText(['B']);
    await backToEditor(page);
    await expect(editor(page).locator('.nr-body p')).toHaveText('Cải cách hành chính là nhiệm vụ then chốt. Bản A.'); // nothing overwritten
    await openReview(page, 'Gửi và nhận');
    await conflict.getByRole('button', { name: 'Lấy bản của họ' }).click();
    await expect(conflict).toHaveCount(0);
    await backToEditor(page);
    await expect(editor(page).locator('.nr-body p')).toHaveText('Cải cách hành chính là nhiệm vụ then chốt. Bản B.');

    // The desk (A switches role) exports the approved article.
    await openReview(page, 'Hồ sơ');
    await review(page).getByLabel('Vai trò').selectOption({ label: 'Thư ký toà soạn' });
    await review(page).getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await expect(review(page).getByText('Đã lưu hồ sơ.')).toBeVisible();
    // Edited after approval on both machines, it is in edit again: the desk approves it once more.
    await approveWithReason(page, 'Bản B đã xem lại');
    await backToEditor(page);
    await page.keyboard.press('Control+Shift+E');
    const exportView = page.locator('.export-view');
    await expect(exportView.getByText('Không có lỗi nào chặn việc xuất.')).toBeVisible();
    await exportView.getByLabel('Thư mục đích').fill(join(app.dir, 'xuat'));
    await exportView.getByLabel(/Xuất bản bài đã duyệt/).check();
    // Publishing asks first, naming the article and where it goes.
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.accept();
    });
    await exportView.getByRole('button', { name: 'Xuất bản', exact: true }).click();
    await expect.poll(() => asked.join('')).toContain('Sẽ xuất bản: “Từng bước đáp ứng yêu cầu”');
    expect(asked[0]).toContain(join(app.dir, 'xuat'));
    await expect(exportView.getByRole('status').filter({ hasText: 'Xong' })).toHaveText('Xong: 1 bài đã xuất, 0 bài lỗi.');
    expect(app.core.articles.get(id).meta.status).toBe('published');
    const slug = app.core.articles.get(id).meta.slug;
    expect(existsSync(join(app.dir, 'xuat', slug, 'index.html'))).toBe(true);
  } finally {
    await contextB.close();
    await hostB.close();
    coreB.close();
  }
});
