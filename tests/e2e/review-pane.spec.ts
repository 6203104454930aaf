import AxeBuilder from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Transform } from 'prosemirror-transform';
import { test, expect, type Page, type AppFixture } from './fixtures';
import { callOk, findText } from '../support/calls';
import { SEED_PATH } from '../support/temp';
import { documentFromStored } from '../../src/shared/document';
import { schema } from '../../src/shared/schema';
import { createAnchor } from '../../src/shared/review/anchors';
import { proposeFromTransform } from '../../src/shared/review/suggest';
import type { Profile } from '../../src/shared/review/model';
import { screenshotPath } from './screenshots';
import { caretIn, editor, selectText } from './helpers';

const pane = (page: Page) => page.locator('.review-pane');
const card = (page: Page, text: string) => pane(page).locator('.review-card', { hasText: text });

/** The editor from the paper's other machine: a colleague known here from an earlier package. */
const EDITOR_PROFILE: Profile = {
  id: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f',
  displayName: 'Minh An',
  initials: 'MA',
  role: 'editor',
  color: '#b5462f',
  createdAt: '2026-11-30T08:00:00+07:00',
};

/** Import the seed article the way a reporter would (File → Import), with a reporter profile on this machine. */
async function seedArticle(app: AppFixture): Promise<string> {
  const data = readFileSync(SEED_PATH).toString('base64');
  const preview = await callOk(app.core, 'previewImport', { files: [{ name: 'bai-lai-chau.txt', data }] });
  const importId = preview.items[0]!.importId!;
  const { articleId } = await callOk(app.core, 'commitImport', { importId, fields: {} });
  await callOk(app.core, 'setLocalProfile', { displayName: 'Tiến Thành', initials: 'TT', role: 'reporter', color: '#1a7f5a' });
  app.core.review.people.remember(EDITOR_PROFILE);
  return articleId;
}

function currentDoc(app: AppFixture, id: string) {
  return documentFromStored(app.core.articles.get(id).document);
}

/** A comment by the colleague, as if it came with their package. */
function colleagueComment(app: AppFixture, articleId: string, text: string, body: string, minutesAgo: number): void {
  const doc = currentDoc(app, articleId);
  const { from, to } = findText(doc, text);
  const id = randomUUID();
  const at = new Date(Date.now() - minutesAgo * 60_000).toISOString();
  app.core.review.comments.insert({ id, articleId, threadId: id, authorId: EDITOR_PROFILE.id, body, createdAt: at, editedAt: null, anchor: createAnchor(doc, from, to), detached: false, resolvedAt: null, resolvedBy: null });
}

/** A suggestion by the colleague: replace `text` with `replacement` ('' suggests deleting it). */
function colleagueSuggestion(app: AppFixture, articleId: string, text: string, replacement: string, minutesAgo: number): void {
  const doc = currentDoc(app, articleId);
  const { from, to } = findText(doc, text);
  const tr = new Transform(doc);
  if (replacement) tr.replaceWith(from, to, schema.text(replacement));
  else tr.delete(from, to);
  const [proposed] = proposeFromTransform(doc, tr.steps)!;
  const at = new Date(Date.now() - minutesAgo * 60_000).toISOString();
  app.core.review.suggestions.insert({ id: randomUUID(), articleId, authorId: EDITOR_PROFILE.id, createdAt: at, ...proposed!, status: 'open', decidedBy: null, decidedAt: null, inverse: null });
}

/** The text the pane outlined in the editor (CSS custom highlight), or null. */
function outlinedText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const h = (CSS.highlights as unknown as Map<string, Iterable<Range>>).get('review-target');
    if (!h) return null;
    const [range] = [...h] as Range[];
    return range ? range.toString() : null;
  });
}

/** Whether the outlined text is inside the visible part of the editor. */
function outlineInView(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const [range] = [...((CSS.highlights as unknown as Map<string, Iterable<Range>>).get('review-target') ?? [])];
    if (!range) return false;
    const box = range.getBoundingClientRect();
    const view = document.querySelector('.editor-scroll')!.getBoundingClientRect();
    return box.height > 0 && box.top >= view.top && box.bottom <= view.bottom;
  });
}

async function openSeed(page: Page, app: AppFixture): Promise<string> {
  const id = await seedArticle(app);
  colleagueComment(app, id, 'nâng cao trình độ cho CBCC', 'Nên ghi rõ số người được nâng cao trình độ.', 40);
  colleagueSuggestion(app, id, 'thưc hiện', 'thực hiện', 35);
  colleagueSuggestion(app, id, 'tháp gỡ', 'tháo gỡ', 30);
  colleagueSuggestion(app, id, 'phân hoại', 'phân loại', 25);
  await page.reload();
  await page.locator('.row-open').first().click();
  await expect(editor(page).locator('.nr-headline')).toHaveText('Từng bước đáp ứng yêu cầu của nền hành chính hiện đại');
  return id;
}

test('the review pane: comment on the lead, reply, resolve, reopen, go to the text, accept and reject, follow edits', async ({ page, app }) => {
  test.setTimeout(90_000);
  const id = await openSeed(page, app);

  // Closed at first; View menu and shortcut open it, and the header button shows the count.
  await expect(pane(page)).toHaveCount(0);
  const toggle = page.locator('.review-pane-toggle');
  await expect(toggle).toContainText('4');
  await editor(page).locator('.nr-body p').first().click();
  await page.keyboard.press('Control+Alt+G');
  await expect(pane(page)).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('complementary', { name: 'Thông tin bài' })).toHaveCount(0); // the pane takes the details' place

  // Items in document order, each with author and quoted text.
  const cards = pane(page).locator('.review-cards').first().locator('> li');
  await expect(cards).toHaveCount(4);
  await expect(cards.nth(0)).toContainText('thưc hiện');
  await expect(cards.nth(1)).toContainText('nâng cao trình độ cho CBCC');
  await expect(cards.nth(1)).toContainText('Minh An');
  await expect(cards.nth(2)).toContainText('phân hoại');
  await expect(cards.nth(3)).toContainText('tháp gỡ');
  await expect(pane(page).getByText('Gợi ý sửa đang chờ: 3')).toBeVisible();

  // Comment on a selection in the lead with the shortcut; Ctrl+Enter sends.
  await selectText(page, 'đội ngũ cán bộ', '.nr-lead');
  await page.keyboard.press('Control+Alt+M');
  const composer = pane(page).locator('.review-composer');
  await expect(composer).toContainText('“đội ngũ cán bộ”');
  await expect(composer).toContainText('Sapo');
  await expect(composer.getByLabel('Nội dung bình luận')).toBeFocused();
  await page.keyboard.type('Sapo dài quá, nên rút gọn ý này.');
  await page.keyboard.press('Control+Enter');
  await expect(composer).toHaveCount(0);
  const lead = card(page, 'đội ngũ cán bộ');
  await expect(lead).toContainText('Sapo dài quá, nên rút gọn ý này.');
  await expect(lead).toContainText('Tiến Thành');
  await expect(cards.nth(0)).toHaveAttribute('data-thread'); // the lead comes before the body
  await expect(editor(page).locator('.review-comment-mark', { hasText: 'đội ngũ cán bộ' })).toBeVisible();
  await expect(lead).toHaveClass(/active/); // the selection is in its text
  const [stored] = app.core.review.comments.raw(id).filter((c) => c.body.startsWith('Sapo dài'));
  expect(stored!.anchor).toMatchObject({ part: 'lead', quote: 'đội ngũ cán bộ' });

  // Its author fixes the comment in place; others' comments offer no edit.
  await lead.getByRole('button', { name: 'Sửa' }).click();
  await lead.getByLabel('Sửa bình luận').fill('Sapo dài quá, nên rút gọn ý về đội ngũ.');
  await lead.getByRole('button', { name: 'Lưu' }).click();
  await expect(lead.locator('.review-comment').first()).toContainText('Sapo dài quá, nên rút gọn ý về đội ngũ.');
  await expect(lead.locator('.review-edited')).toHaveText(' · đã sửa');
  expect(app.core.review.comments.get(stored!.id).body).toBe('Sapo dài quá, nên rút gọn ý về đội ngũ.');
  await expect(card(page, 'nâng cao trình độ').getByRole('button', { name: 'Sửa' })).toHaveCount(0);

  // Reply, then resolve: the thread folds under "resolved"; reopen brings it back.
  await lead.getByRole('button', { name: 'Trả lời' }).click();
  await expect(lead.getByLabel('Viết trả lời…')).toBeFocused();
  await page.keyboard.type('Đồng ý, để tôi sửa.');
  await page.keyboard.press('Enter');
  await expect(lead.locator('.review-comment')).toHaveCount(2);
  await expect(lead.locator('.review-comment').nth(1)).toContainText('Đồng ý, để tôi sửa.');
  await lead.getByRole('button', { name: 'Đánh dấu đã xử lý' }).click();
  await expect(lead).toHaveCount(0);
  const fold = pane(page).getByRole('button', { name: 'Đã xử lý (1)' });
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await fold.click();
  const resolved = card(page, 'đội ngũ cán bộ');
  await expect(resolved).toContainText('Tiến Thành đã đánh dấu xử lý');
  await resolved.getByRole('button', { name: 'Mở lại' }).click();
  await expect(pane(page).getByRole('button', { name: /Đã xử lý \(/ })).toHaveCount(0);
  await expect(cards).toHaveCount(5);
  expect(app.core.review.comments.get(stored!.id).resolvedAt).toBeNull();

  // Going to the text: the editor selects it and scrolls it into view; the pane stays and keeps focus.
  await page.locator('.editor-scroll').evaluate((el) => el.scrollTo(0, 0));
  const tarpGo = card(page, 'tháp gỡ');
  await tarpGo.getByRole('button', { name: /tháp gỡ/ }).click();
  await expect.poll(() => outlinedText(page)).toBe('tháp'); // the one-letter change selects its word
  await expect(tarpGo).toHaveClass(/active/);
  await expect(tarpGo.getByRole('button', { name: /tháp gỡ/ })).toBeFocused();
  expect(await outlineInView(page)).toBe(true);
  // Escape hands the keyboard to the editor, with the text selected.
  await page.keyboard.press('Escape');
  await expect(editor(page)).toBeFocused();
  expect(await page.evaluate(() => getSelection()!.toString())).toBe('tháp');

  // A click anywhere on a card (not on its buttons) shows its text as well.
  await card(page, 'nâng cao trình độ cho CBCC').getByText('Nên ghi rõ số người').click();
  await expect.poll(() => outlinedText(page)).toBe('nâng cao trình độ cho CBCC');

  // The caret inside commented text highlights its thread.
  await caretIn(page, 'nâng cao trình độ cho CBCC', 4);
  await expect(card(page, 'nâng cao trình độ cho CBCC')).toHaveClass(/active/);
  await expect(card(page, 'nâng cao trình độ cho CBCC')).toHaveAttribute('aria-current', 'true');
  await expect(tarpGo).not.toHaveClass(/active/);

  // Accept one suggestion (the article changes, undo is offered), reject another (nothing changes).
  await card(page, 'thưc hiện').getByRole('button', { name: 'Chấp nhận' }).click();
  await expect(card(page, 'thưc hiện')).toHaveCount(0);
  await expect(editor(page).locator('.nr-body')).toContainText('triển khai thực hiện theo tinh thần');
  await expect(page.locator('.toast', { hasText: 'Đã chấp nhận gợi ý.' }).getByRole('button', { name: 'Hoàn tác' })).toBeVisible();
  expect(JSON.stringify(app.core.articles.get(id).document)).toContain('triển khai thực hiện theo');
  await card(page, 'phân hoại').getByRole('button', { name: 'Từ chối' }).click();
  await expect(card(page, 'phân hoại')).toHaveCount(0);
  await expect(pane(page).getByText('Gợi ý sửa đang chờ: 1')).toBeVisible();
  expect(JSON.stringify(app.core.articles.get(id).document)).toContain('phân hoại hộ nghèo');
  await expect(editor(page).locator('.review-suggest-delete', { hasText: 'phân hoại' })).toHaveCount(0);

  // The pane follows edits: text typed before a thread keeps it in place; deleting its text detaches it; undo brings it back.
  await caretIn(page, 'trọng tâm của chương trình', 0);
  await page.keyboard.type('mới ');
  const body = card(page, 'nâng cao trình độ cho CBCC');
  await selectText(page, 'nâng cao trình độ cho CBCC');
  await expect(body).toHaveClass(/active/);
  await page.keyboard.press('Delete');
  const detached = pane(page).getByRole('region', { name: /Không còn chỗ trong bài/ });
  await expect(detached.locator('.review-card', { hasText: 'nâng cao trình độ cho CBCC' })).toContainText('Đoạn được bình luận đã bị xoá');
  await page.keyboard.press('Control+Z');
  await expect(detached).toHaveCount(0);
  await expect(cards.filter({ hasText: 'nâng cao trình độ cho CBCC' })).toHaveCount(1);
});

test('suggestions typed in suggest mode appear in the pane as they are stored, and can be decided there', async ({ page, app }) => {
  const id = await openSeed(page, app);
  await page.keyboard.press('Control+Alt+G');
  await expect(pane(page).getByText('Gợi ý sửa đang chờ: 3')).toBeVisible();

  // Type an insertion and a deletion in suggest mode: both show up in the pane, in place, not as deleted text.
  await caretIn(page, 'nguồn nhân lực', 'nguồn nhân lực'.length);
  await page.keyboard.press('Control+Shift+X');
  await page.keyboard.type(' vùng cao');
  const typed = pane(page).locator('.review-card', { hasText: 'vùng cao' });
  await expect(typed).toBeVisible({ timeout: 15_000 });
  await expect(typed).toContainText('Tiến Thành');
  await selectText(page, 'thận trọng, ');
  await page.keyboard.press('Delete');
  const deleted = pane(page).locator('.review-card', { hasText: 'thận trọng' });
  await expect(deleted).toBeVisible({ timeout: 15_000 });
  await expect(deleted).not.toHaveClass(/detached/);
  await expect(pane(page).getByText('Gợi ý sửa đang chờ: 5')).toBeVisible();
  expect(JSON.stringify(app.core.articles.get(id).document)).not.toContain('vùng cao'); // suggesting changes nothing

  // Accepting from the pane stores what is being typed first, then applies it.
  await typed.getByRole('button', { name: 'Chấp nhận' }).click();
  await expect(typed).toHaveCount(0);
  await expect.poll(() => JSON.stringify(app.core.articles.get(id).document)).toContain('nguồn nhân lực vùng cao');
  await expect(pane(page).getByText('Gợi ý sửa đang chờ: 4')).toBeVisible();
});

test('with text selected, the bulk buttons decide only the suggestions in the selection', async ({ page, app }) => {
  const id = await openSeed(page, app);
  await editor(page).locator('.nr-body p').first().click();
  await page.keyboard.press('Control+Alt+G');
  await expect(pane(page).getByText('Gợi ý sửa đang chờ: 3')).toBeVisible();
  // The whole paragraph holding one of the three (a triple click selects it).
  await editor(page).locator('.nr-body p', { hasText: 'Nghị quyết 05-NQ/TU' }).click({ clickCount: 3 });
  await pane(page).getByRole('button', { name: 'Chấp nhận trong vùng chọn (1)' }).click();
  await expect(pane(page).getByText('Gợi ý sửa đang chờ: 2')).toBeVisible();
  await expect.poll(() => JSON.stringify(app.core.articles.get(id).document)).toContain('thực hiện');
  expect(JSON.stringify(app.core.articles.get(id).document)).toContain('tháp gỡ'); // outside the selection: still open
  await expect(pane(page).getByRole('button', { name: 'Chấp nhận tất cả' })).toBeVisible();
});

test('the pane is keyboard reachable, passes axe, is remembered, and degrades at 1024 px', async ({ page, app }) => {
  await openSeed(page, app);
  await page.getByRole('menuitem', { name: 'Xem' }).click();
  await page.getByRole('menuitemcheckbox', { name: /Ngăn góp ý/ }).click();
  await expect(pane(page)).toBeVisible();
  await expect(pane(page).locator('.review-card')).toHaveCount(4);

  // Tab from the pane's heading buttons into the first card and show its text with Enter.
  await pane(page).getByRole('button', { name: '+ Bình luận' }).focus();
  await page.keyboard.press('Tab'); // close
  await page.keyboard.press('Tab'); // accept all
  await page.keyboard.press('Tab'); // reject all
  await page.keyboard.press('Tab'); // first card's quote
  await expect(card(page, 'thưc hiện').getByRole('button', { name: /thưc hiện/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => outlinedText(page)).toBe('thưực'); // the word, with the struck "ư" and the suggested "ự" shown inside it

  // The comment button with nothing selected explains what to do.
  await caretIn(page, 'trọng tâm', 2);
  await pane(page).getByRole('button', { name: '+ Bình luận' }).click();
  await expect(pane(page).getByRole('status')).toHaveText(/Hãy chọn một đoạn chữ trong bài/);

  const results = await new AxeBuilder({ page }).include('.review-pane').include('.review-pane-toggle').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Remembered across a reload, like the other panels.
  await page.reload();
  await page.locator('.row-open').first().click();
  await expect(pane(page)).toBeVisible();

  // At 1024 px the text keeps a readable column beside list and pane.
  await page.setViewportSize({ width: 1024, height: 768 });
  const main = await page.locator('.main-pane').boundingBox();
  const side = await pane(page).boundingBox();
  expect(main!.width).toBeGreaterThanOrEqual(480);
  expect(side!.width).toBeGreaterThanOrEqual(280);

  // Asking for the details panel brings it back in the pane's place.
  await page.getByRole('menuitem', { name: 'Xem' }).click();
  await page.getByRole('menuitemcheckbox', { name: /thông tin bài/ }).click();
  await expect(page.getByRole('complementary', { name: 'Thông tin bài' })).toBeVisible();
  await expect(pane(page)).toHaveCount(0);
});

test('with no profile on this machine the pane asks for one first', async ({ page, app }) => {
  const created = await callOk(app.core, 'createArticle', {});
  await page.reload();
  await page.locator('.row-open').first().click();
  await expect(editor(page)).toBeVisible();
  await page.locator('.review-pane-toggle').click();
  await expect(pane(page).getByText('Máy này chưa có hồ sơ của bạn.')).toBeVisible();
  await pane(page).getByLabel('Tên hiển thị').fill('Tiến Thành');
  await pane(page).getByLabel('Viết tắt').fill('TT');
  await pane(page).getByRole('button', { name: 'Lưu hồ sơ' }).click();
  await expect(pane(page).getByText('Chưa có bình luận hay gợi ý sửa nào cần xử lý.')).toBeVisible();
  await expect(pane(page).getByRole('button', { name: '+ Bình luận' })).toBeVisible();
  expect(app.core.review.people.local()?.displayName).toBe('Tiến Thành');
  expect(created.meta.id).toBeTruthy();
});

test('screenshot of the editor with the review pane open', async ({ page, app }) => {
  await openSeed(page, app);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator('.review-pane-toggle').click();
  await selectText(page, 'đội ngũ cán bộ, công chức (CBCC)', '.nr-lead');
  await pane(page).getByRole('button', { name: '+ Bình luận' }).click();
  await page.keyboard.type('Sapo nên nêu con số cụ thể: bao nhiêu cán bộ được đào tạo?');
  await page.keyboard.press('Control+Enter');
  await expect(card(page, 'đội ngũ cán bộ')).toBeVisible();
  await caretIn(page, 'nâng cao trình độ cho CBCC', 6);
  await page.locator('.editor-scroll').evaluate((el) => el.scrollTo(0, 0));
  await expect(page.getByTestId('save-state')).toHaveText(/^Đã lưu lúc/);
  await page.waitForTimeout(400);
  await page.screenshot({ path: screenshotPath('screenshot-review.png') });
});
