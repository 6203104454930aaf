/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from './fixtures';
import { createDocument, documentToStored } from '../../src/shared/document';
import { SEED_PATH } from '../support/temp';
import type { AppFixture } from './fixtures';
import { screenshotPath } from './screenshots';
import { createThroughApi, editor, waitSaved } from './helpers';

const saveState = (page: Page) => page.getByTestId('save-state');

/** Put the caret at the very end of an editor part (End alone stops at the end of a wrapped line). */
async function caretToEnd(page: Page, selector: string): Promise<void> {
  await editor(page).locator(selector).first().click();
  await editor(page)
    .locator(selector)
    .first()
    .evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      range.collapse(false);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
  await page.waitForTimeout(50); // ProseMirror reads the DOM selection on selectionchange.
}

/** Create an article through the API (as another client would) and reload the page to list it. */
const seedArticle = (app: AppFixture, page: Page, parts: Parameters<typeof createDocument>[0], meta: Record<string, unknown> = {}): Promise<string> =>
  createThroughApi(page, app, { document: documentToStored(createDocument(parts)), meta });

test('delete an article and bring it back with undo', async ({ page, app }) => {
  await seedArticle(app, page, { headline: 'Bài sẽ bị xoá', paragraphs: ['Nội dung.'] });
  const row = page.locator('.article-row', { hasText: 'Bài sẽ bị xoá' });
  await expect(row).toBeVisible();
  await row.locator('.row-open').click();
  await expect(editor(page).locator('.nr-headline')).toHaveText('Bài sẽ bị xoá');

  await row.getByRole('button', { name: 'Xoá bài “Bài sẽ bị xoá”' }).click();
  await expect(page.locator('.article-row', { hasText: 'Bài sẽ bị xoá' })).toHaveCount(0);
  await expect(editor(page)).toHaveCount(0);
  const toast = page.locator('.toast', { hasText: 'Đã xoá bài “Bài sẽ bị xoá”.' });
  await expect(toast).toBeVisible();
  expect(app.core.articles.list({ limit: 10, offset: 0 }).items).toHaveLength(0);

  await toast.getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(page.locator('.article-row', { hasText: 'Bài sẽ bị xoá' })).toBeVisible();
  // The article that was open comes back open, text intact.
  await expect(editor(page).locator('.nr-headline')).toHaveText('Bài sẽ bị xoá');
  await expect(editor(page).locator('.nr-body p')).toHaveText('Nội dung.');
  expect(app.core.articles.list({ limit: 10, offset: 0 }).items).toHaveLength(1);

  // The keyboard works too: Delete on a focused row.
  await page.locator('.row-open').first().focus();
  await page.keyboard.press('Delete');
  await expect(page.locator('.article-row')).toHaveCount(0);
});

test('details panel fields autosave and persist; the slug follows the headline until edited', async ({ page, app }) => {
  app.core.review.people.setLocal({ displayName: 'Thu Hà', initials: 'TH', role: 'editor', color: '#7a3b9c' });
  const id = await seedArticle(app, page, { headline: 'Từng bước đáp ứng yêu cầu', paragraphs: ['Đoạn văn.'] });
  await page.locator('.row-open').first().click();
  const details = page.getByRole('complementary', { name: 'Thông tin bài' });
  const slug = details.getByLabel('Đường dẫn (slug)');
  await expect(slug).toHaveValue('tung-buoc-dap-ung-yeu-cau');

  // Typing in the headline re-derives the slug.
  await caretToEnd(page, '.nr-headline');
  await page.keyboard.type(' hiện đại');
  await expect(slug).toHaveValue('tung-buoc-dap-ung-yeu-cau-hien-dai');

  // The status moves through the workflow: one step at a time, each with an optional note.
  await details.getByLabel('Trạng thái').selectOption('submitted');
  const toSubmitted = details.getByRole('form', { name: 'Chuyển bài từ “Nháp” sang “Đã gửi”' });
  await toSubmitted.getByLabel('Ghi chú (không bắt buộc)').fill('Nhờ chị xem');
  await toSubmitted.getByRole('button', { name: 'Chuyển trạng thái' }).click();
  await expect(details.getByRole('status')).toHaveText('Đã chuyển bài sang “Đã gửi”.');
  await details.getByLabel('Trạng thái').selectOption('in_edit');
  await details.getByRole('button', { name: 'Chuyển trạng thái' }).click();
  await expect(details.getByRole('status')).toHaveText('Đã chuyển bài sang “Đang biên tập”.');
  await details.getByLabel('Chuyên mục').fill('Chính trị');
  await details.getByLabel('Thẻ').fill('đào tạo, cán bộ, , Đào tạo, Lai Châu');
  await details.getByLabel('Nơi đưa tin').fill('Lai Châu');
  await details.getByLabel('Ký hiệu nguồn').fill('BLC');
  await details.getByLabel('Ngày đăng').fill('32/06/2016');
  await expect(details.getByText('Ngày viết theo dạng ngày/tháng/năm, ví dụ 10/06/2016.')).toBeVisible();
  await details.getByLabel('Ngày đăng').fill('10/6/2016');
  await details.getByLabel('Giờ đăng').fill('16h36');
  await details.getByLabel('Ngôn ngữ bài').selectOption('vi');
  await details.getByLabel('Tối thiểu').fill('600');
  await details.getByLabel('Tối đa').fill('800');

  // A bad slug is flagged and not sent; a good one is saved and stops following the headline.
  await slug.fill('Sai Slug!');
  await expect(details.getByText('Slug chỉ gồm a–z, 0–9')).toBeVisible();
  await slug.fill('hanh-chinh-hien-dai');
  await expect(details.getByLabel('Tự tạo từ tít')).not.toBeChecked();
  await waitSaved(page);

  const meta = app.core.articles.get(id).meta;
  expect(meta).toMatchObject({
    status: 'in_edit',
    section: 'Chính trị',
    tags: ['đào tạo', 'cán bộ', 'Lai Châu'],
    datelinePlace: 'Lai Châu',
    agencyTag: 'BLC',
    publishedAt: '2016-06-10T16:36:00+07:00',
    language: 'vi',
    slug: 'hanh-chinh-hien-dai',
    lengthTarget: expect.objectContaining({ min: 600, max: 800 }),
  });
  expect(app.core.review.transitions.list(id).map((t) => [t.from, t.to, t.note])).toEqual([
    ['draft', 'submitted', 'Nhờ chị xem'],
    ['submitted', 'in_edit', ''],
  ]);

  await page.reload();
  await page.locator('.row-open').first().click();
  await expect(details.getByLabel('Trạng thái')).toHaveValue('in_edit');
  await expect(details.getByLabel('Chuyên mục')).toHaveValue('Chính trị');
  await expect(details.getByLabel('Thẻ')).toHaveValue('đào tạo, cán bộ, Lai Châu');
  await expect(details.getByLabel('Nơi đưa tin')).toHaveValue('Lai Châu');
  await expect(details.getByLabel('Ký hiệu nguồn')).toHaveValue('BLC');
  await expect(details.getByLabel('Ngày đăng')).toHaveValue('10/06/2016');
  await expect(details.getByLabel('Giờ đăng')).toHaveValue('16:36');
  await expect(details.getByLabel('Múi giờ')).toHaveValue('Asia/Ho_Chi_Minh');
  await expect(slug).toHaveValue('hanh-chinh-hien-dai');
  await expect(details.getByLabel('Tối đa')).toHaveValue('800');
  await expect(page.getByTestId('word-count')).toHaveText(/\/ 800 chữ$/);

  // An edited slug no longer follows the headline.
  await caretToEnd(page, '.nr-headline');
  await page.keyboard.type(' nữa');
  await waitSaved(page);
  expect(app.core.articles.get(id).meta.slug).toBe('hanh-chinh-hien-dai');
});

test('Enter and Backspace respect the parts; formatting, link dialog and undo work from the keyboard', async ({ page, app }) => {
  const id = await seedArticle(app, page, { headline: 'Tít', lead: 'Sapo', paragraphs: ['Thân bài'] });
  await page.locator('.row-open').first().click();

  // Backspace at the start of the lead never merges it into the headline.
  await editor(page).locator('.nr-lead').click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(editor(page).locator('.nr-headline')).toHaveText('Tít');
  await expect(editor(page).locator('.nr-lead')).toHaveText('Sapo');

  // Bold through the shortcut shows as active in the toolbar.
  await caretToEnd(page, '.nr-body p');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+b');
  await expect(page.getByRole('button', { name: /^Đậm/ })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('đậm');
  await page.keyboard.press('Control+b');
  await expect(editor(page).locator('.nr-body strong')).toHaveText('đậm');

  // A subheading through the toolbar, then undo it.
  await page.getByRole('button', { name: /^Tiêu đề phụ/ }).click();
  await expect(editor(page).locator('.nr-body h2')).toHaveText('đậm');
  await page.keyboard.press('Control+z');
  await expect(editor(page).locator('.nr-body h2')).toHaveCount(0);
  await page.keyboard.press('Control+y');
  await expect(editor(page).locator('.nr-body h2')).toHaveText('đậm');

  // Link: select a word, Ctrl+K, a javascript: address is refused with a visible error.
  await editor(page).locator('.nr-body p').first().dblclick();
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Chèn liên kết' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Địa chỉ').fill('javascript:alert(1)');
  await dialog.getByRole('button', { name: 'Áp dụng' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Chỉ nhận địa chỉ http://, https:// hoặc mailto:.');
  await expect(editor(page).locator('a')).toHaveCount(0);
  await dialog.getByLabel('Địa chỉ').fill('https://baolaichau.vn/');
  await dialog.getByRole('button', { name: 'Áp dụng' }).click();
  await expect(dialog).toBeHidden();
  await expect(editor(page).locator('.nr-body a')).toHaveAttribute('href', 'https://baolaichau.vn/');

  // Lists and quote via shortcuts.
  await editor(page).locator('.nr-body p').first().click();
  await page.keyboard.press('Control+Shift+8');
  await expect(editor(page).locator('.nr-body ul li')).toHaveCount(1);
  await waitSaved(page);

  const doc = JSON.stringify(app.core.articles.get(id).document);
  expect(doc).toContain('"href":"https://baolaichau.vn/"');
  expect(doc).toContain('"type":"bullet_list"');
  expect(doc).toContain('"type":"heading"');
});

test('menus are reachable from the keyboard', async ({ page, app }) => {
  await seedArticle(app, page, { headline: 'Tít', paragraphs: ['Một hai ba'] });
  await page.locator('.row-open').first().click();
  await editor(page).locator('.nr-body p').click();
  await page.keyboard.press('F10');
  await expect(page.getByRole('menuitem', { name: 'Tệp' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const format = page.getByRole('menu', { name: 'Định dạng' });
  await expect(format).toBeVisible();
  await expect(format.getByRole('menuitem', { name: /Đậm/ })).toBeFocused();
  // Down to "Tiêu đề phụ" (after Đậm, Nghiêng, Liên kết, Đoạn văn) and run it.
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await expect(format.getByRole('menuitem', { name: /Tiêu đề phụ/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(format).toBeHidden();
  await expect(editor(page).locator('.nr-body h2')).toHaveText('Một hai ba');
  // Focus went back to the editor: typing continues there.
  await page.keyboard.type('!');
  await expect(editor(page).locator('.nr-body h2')).toContainText('!');
  // Escape closes a menu and returns to the menu bar.
  await page.keyboard.press('F10');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu', { name: 'Tệp' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu', { name: 'Tệp' })).toBeHidden();
  await expect(page.getByRole('menuitem', { name: 'Tệp' })).toBeFocused();
  // Find and replace (an editor plugin) is in the Edit menu.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const findItem = page.getByRole('menu', { name: 'Sửa' }).getByRole('menuitem', { name: /Tìm và thay thế/ });
  await expect(findItem).toBeVisible();
  await expect(findItem).not.toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');
});

test('a failed save says why, keeps the edits and saves them once the store is back', async ({ page, app }) => {
  const id = await seedArticle(app, page, { headline: 'Tít', paragraphs: ['Một'] });
  await page.locator('.row-open').first().click();
  // Another writer saves first: our next save must report a conflict, not overwrite.
  const other = await app.core.call('saveArticle', { id, baseRevision: 1, meta: { section: 'Khác' } });
  expect(other.ok).toBe(true);
  await caretToEnd(page, '.nr-body p');
  await page.keyboard.type(' hai');
  await expect(saveState(page)).toHaveText('Chưa lưu: bài đã được sửa ở nơi khác');
  await expect(editor(page).locator('.nr-body p')).toHaveText('Một hai');

  // Opening another article while the edits cannot be saved asks first; declining keeps them on screen.
  const dialogs: string[] = [];
  page.once('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.getByRole('menuitem', { name: 'Tệp' }).click();
  await page.getByRole('menuitem', { name: 'Bài mới' }).click();
  await expect.poll(() => dialogs).toEqual(['Bài còn thay đổi chưa lưu được. Vẫn rời bài này?']);
  await expect(editor(page).locator('.nr-body p')).toHaveText('Một hai');
  await expect(saveState(page)).toHaveText('Chưa lưu: bài đã được sửa ở nơi khác');

  await page.getByRole('button', { name: 'Giải quyết xung đột…' }).click();
  await page.getByRole('dialog', { name: 'Bài đã được lưu ở nơi khác' }).getByRole('button', { name: 'Giữ bản của tôi' }).click();
  await waitSaved(page);
  expect(JSON.stringify(app.core.articles.get(id).document)).toContain('Một hai');
});

test('the interface switches to English from the View menu and remembers it', async ({ page, app }) => {
  await seedArticle(app, page, { headline: 'Tít', paragraphs: ['Một'] });
  await page.getByRole('menuitem', { name: 'Xem' }).click();
  await page.getByRole('menuitem', { name: 'Giao diện tiếng Anh (English)' }).click();
  await expect(page.getByRole('menuitem', { name: 'File' })).toBeVisible();
  await page.locator('.row-open').first().click();
  await expect(page.getByRole('complementary', { name: 'Article details' })).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText(/^Saved at \d{2}:\d{2}$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.nr-lead')).toHaveAttribute('data-placeholder', 'Lead');
  await page.reload();
  await expect(page.getByRole('menuitem', { name: 'File' })).toBeVisible();
});

test('screenshot of the editor with the seed article', async ({ page, app }) => {
  // The seed's layout: site stamp, headline, date, lead, body (one caption), byline, then site chrome.
  const lines = readFileSync(SEED_PATH, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const [, headline, , lead, ...rest] = lines;
  const bylineIndex = rest.findIndex((l) => l === 'Tiến Thành');
  const paragraphs = rest.slice(0, bylineIndex).filter((l) => !l.startsWith('Một giờ học tiếng Mông'));
  await seedArticle(
    app,
    page,
    { headline, lead: lead!.replace(/^\(BLC\)\s*–\s*/, ''), paragraphs, authors: ['Tiến Thành'] },
    { section: 'Chính trị', datelinePlace: 'Lai Châu', agencyTag: 'BLC', publishedAt: '2016-06-10T16:36:00+07:00', tags: ['đào tạo', 'cán bộ công chức'] },
  );
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.locator('.row-open').first().click();
  await expect(editor(page).locator('.nr-headline')).toHaveText(headline!);
  await caretToEnd(page, '.nr-lead');
  await page.locator('.editor-scroll').evaluate((el) => el.scrollTo(0, 0));
  await expect(page.getByTestId('save-state')).toHaveText(/^Đã lưu lúc/);
  await page.waitForTimeout(400); // let the word count settle
  await page.screenshot({ path: screenshotPath('screenshot-editor.png') });
});
