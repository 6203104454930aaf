import { join } from 'node:path';
import { test, expect, type AppFixture } from './fixtures';
import { createDocument, documentToStored } from '../../src/shared/document';
import { DESK } from '../support/workflow';
import { editor, openCreated, waitSaved } from './helpers';
import { screenshotPath } from './screenshots';

const article = (lead: string, paragraphs: string[], meta: Record<string, unknown> = {}) => ({
  meta: { agencyTag: 'BLC', section: 'Xã hội', ...meta },
  document: documentToStored(createDocument({ headline: 'Đào tạo cán bộ ở Lai Châu', lead, paragraphs, authors: ['Tiến Thành'] })),
});

const underline = (page: import('@playwright/test').Page, text: string) => editor(page).locator('.nr-proof', { hasText: text });

test('a Telex leftover is underlined as it is typed and Alt+Enter fixes it', async ({ page, app }) => {
  await openCreated(page, app, article('Năm 2024, tỉnh tập trung đào tạo cán bộ.', ['Các cấp, ngành triển khai thực hiện.']));
  await expect(underline(page, 'vieejt')).toHaveCount(0);
  await editor(page).locator('.nr-body p').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Công tác tiếng vieejt');
  const mark = underline(page, 'vieejt');
  await expect(mark).toHaveClass(/nr-proof-spelling/);
  await page.keyboard.press('Alt+Enter');
  const popover = page.getByTestId('proof-popover');
  await expect(popover).toBeVisible();
  await expect(popover.getByTestId('proof-suggestion').first()).toHaveText('việt');
  await expect(popover).toContainText('Sót phím gõ tiếng Việt');
  await page.screenshot({ path: screenshotPath('screenshot-proofing-popover.png') });
  await page.keyboard.press('Enter');
  await expect(editor(page).locator('.nr-body p')).toHaveText('Các cấp, ngành triển khai thực hiện. Công tác tiếng việt');
  await expect(popover).toBeHidden();
  await expect(underline(page, 'việt')).toHaveCount(0);
  await waitSaved(page);
});

test('the Proofing panel lists findings in order and applies every safe fix as one undo step', async ({ page, app }) => {
  await openCreated(page, app, article('Năm 2024, tỉnh tập trung đào tạo cán bộ.', ['Giai đoạn 2011-2015, ngành đã sử lý dứt điểm...', 'Tooi ddi công tác ở Sìn Hồ, Mường Tè.']));
  await editor(page).locator('.nr-body p').first().click();
  await expect(underline(page, 'ddi')).toBeVisible();
  await page.keyboard.press('F7');
  const panel = page.getByTestId('proof-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('proof-item')).toHaveText([/^2011-2015 → 2011 – 2015/, /^sử lý → xử lý/, /^\.\.\. → …/, /^Tooi → Tôi/, /^ddi → đi/]);
  await expect(panel.getByTestId('proof-counts')).toHaveText('Chính tả: 3 · Văn phong: 2');
  await panel.getByTestId('proof-filter').selectOption('style');
  await expect(panel.getByTestId('proof-item')).toHaveCount(2);
  await panel.getByTestId('proof-filter').selectOption('all');
  await page.screenshot({ path: screenshotPath('screenshot-proofing-panel.png') });
  await panel.getByTestId('proof-apply-safe').click();
  const body = editor(page).locator('.nr-body p');
  await expect(body).toHaveText(['Giai đoạn 2011 – 2015, ngành đã xử lý dứt điểm…', 'Tôi đi công tác ở Sìn Hồ, Mường Tè.']);
  await expect(panel.locator('.nr-proof-list li')).toHaveText(['Không có lỗi nào.']);
  await page.keyboard.press('Control+z');
  await expect(body).toHaveText(['Giai đoạn 2011-2015, ngành đã sử lý dứt điểm...', 'Tooi ddi công tác ở Sìn Hồ, Mường Tè.']);
});

/** An approved article (made in the store, as the desk's workflow would leave it), opened in the editor. */
async function openApproved(page: import('@playwright/test').Page, app: AppFixture, lead: string): Promise<string> {
  const input = article(lead, ['Các cấp, ngành triển khai thực hiện.']);
  const created = app.core.articles.create({ meta: { ...input.meta, status: 'approved', lengthTarget: {} }, document: input.document });
  await page.reload();
  await page.locator('.row-open').first().click();
  await expect(editor(page)).toBeVisible();
  return created.meta.id;
}

async function openExport(page: import('@playwright/test').Page, app: AppFixture) {
  await page.keyboard.press('Control+Shift+E');
  const view = page.locator('.export-view');
  await expect(view).toBeVisible();
  await view.getByLabel('Thư mục đích').fill(join(app.dir, 'xuat'));
  return view;
}

test('a lead that repeats the agency tag blocks publishing until the desk overrides it', async ({ page, app }) => {
  app.core.review.people.setLocal(DESK);
  const id = await openApproved(page, app, '(BLC) – Năm 2024, tỉnh tập trung đào tạo cán bộ.');
  await expect(underline(page, '(BLC)')).toHaveClass(/nr-proof-style/);
  const view = await openExport(page, app);
  await expect(view.getByText('Có lỗi phải sửa trước khi xuất.')).toBeVisible();
  await expect(view.locator('.export-issues.error li')).toContainText(['Lỗi soát (sapo): “(BLC) – ” – Sapo mở đầu bằng tên cơ quan']);
  await view.getByLabel(/Xuất bản bài đã duyệt/).check();
  await expect(view.getByRole('button', { name: 'Xuất bản', exact: true })).toBeDisabled();
  await view.getByLabel(/Lý do/).fill('Tin khẩn, sửa sau khi đăng');
  await view.getByRole('button', { name: 'Bỏ qua lỗi soát' }).click();
  await expect(view.getByText('Không có lỗi nào chặn việc xuất.')).toBeVisible();
  // Publishing asks first, naming the article; the desk confirms.
  page.once('dialog', (d) => void d.accept());
  await view.getByRole('button', { name: 'Xuất bản', exact: true }).click();
  await expect(view.getByRole('status').filter({ hasText: 'Xong' })).toHaveText('Xong: 1 bài đã xuất, 0 bài lỗi.');
  expect(app.core.articles.get(id).meta.status).toBe('published');
  // The override is in the article's History: who, the reason and the error let through.
  expect(app.core.proofing.overrides.list(id)).toEqual([expect.objectContaining({ kind: 'publish', reason: 'Tin khẩn, sửa sau khi đăng', profileName: DESK.displayName })]);
  await page.getByRole('button', { name: /Quay lại bài viết/ }).click();
  await page.keyboard.press('Control+Alt+R');
  await page.locator('.review-view').getByRole('tab', { name: 'Lịch sử' }).click();
  const logged = page.getByTestId('proofing-overrides');
  await expect(logged).toContainText('đăng bài dù còn 1 lỗi soát; lý do: Tin khẩn, sửa sau khi đăng');
  await expect(logged).toContainText('“(BLC) – ” (sapo, agency.with-field)');
});

test('fixing the doubled agency tag from its underline unblocks publishing', async ({ page, app }) => {
  // Editing an approved article moves it back to in edit, which is logged with who did it.
  app.core.review.people.setLocal(DESK);
  const id = await openApproved(page, app, '(BLC) – Năm 2024, tỉnh tập trung đào tạo cán bộ.');
  await underline(page, '(BLC)').click();
  const popover = page.getByTestId('proof-popover');
  await expect(popover.getByTestId('proof-suggestion')).toHaveText(['Xoá đoạn này']);
  // The article is approved: the fix is an edit, which asks first and moves it back to in edit.
  page.once('dialog', (d) => void d.accept());
  await popover.getByTestId('proof-suggestion').click();
  await expect(editor(page).locator('.nr-lead')).toHaveText('Năm 2024, tỉnh tập trung đào tạo cán bộ.');
  await waitSaved(page);
  expect(app.core.articles.get(id).meta.status).toBe('in_edit');
  const view = await openExport(page, app);
  await expect(view.getByText('Không có lỗi nào chặn việc xuất.')).toBeVisible();
});

test('the rules screen edits a rule, its test box shows the match, and the editor then applies it', async ({ page, app }) => {
  await openCreated(page, app, article('Năm 2024, tỉnh tập trung đào tạo cán bộ.', ['Đường xá được nâng cấp.']));
  await expect(editor(page).locator('.nr-body p')).toHaveText('Đường xá được nâng cấp.');
  await page.getByRole('menuitem', { name: 'Công cụ' }).click();
  await page.getByRole('menuitem', { name: /Quy định văn phong/ }).click();
  const screen = page.locator('.rules-screen');
  await screen.getByTestId('rules-test-box').fill('Đường xá được nâng cấp.');
  await expect(screen.getByTestId('rules-test-results')).toHaveText('Không quy định nào bắt lỗi câu này.');
  const pairs = screen.getByTestId('rule-confusables.vi').getByLabel(/Cặp từ/);
  await pairs.press('Control+End');
  await pairs.press('Enter');
  await pairs.pressSequentially('đường xá => đường sá');
  await expect(screen.getByTestId('rules-test-results')).toContainText('“Đường xá” → “Đường sá”');
  await screen.getByRole('button', { name: 'Lưu quy định' }).click();
  await expect(page.getByText('Đã lưu quy định, phiên bản 2.')).toBeVisible();
  await page.getByRole('button', { name: /Quay lại bài viết/ }).click();
  await expect(underline(page, 'Đường xá')).toBeVisible();
  await underline(page, 'Đường xá').click();
  await page.getByTestId('proof-popover').getByTestId('proof-suggestion').first().click();
  await expect(editor(page).locator('.nr-body p')).toHaveText('Đường sá được nâng cấp.');
});

test('one click converts the whole article to the house tone placement', async ({ page, app }) => {
  await openCreated(page, app, article('Năm 2024, tỉnh giữ vững hoà bình.', ['Công trình thuỷ lợi hoàn thành, bà con hoà hợp.']));
  await underline(page, 'thuỷ').click();
  const popover = page.getByTestId('proof-popover');
  await expect(popover.getByTestId('proof-suggestion')).toHaveText(['thủy']);
  await popover.getByTestId('proof-fix-rule').click();
  await expect(editor(page).locator('.nr-lead')).toHaveText('Năm 2024, tỉnh giữ vững hòa bình.');
  await expect(editor(page).locator('.nr-body p')).toHaveText('Công trình thủy lợi hoàn thành, bà con hòa hợp.');
  await page.keyboard.press('Control+z');
  await expect(editor(page).locator('.nr-body p')).toHaveText('Công trình thuỷ lợi hoàn thành, bà con hoà hợp.');
});
