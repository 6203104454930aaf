import { test, expect, type Page } from './fixtures';
import { createDocument, documentFromStored, documentToStored } from '../../src/shared/document';
import type { Core } from '../../src/main/core/core';
import { callOk } from '../support/calls';

const editor = (page: Page) => page.locator('.nr-editor');
const suggestButton = (page: Page) => page.locator('.toolbar').getByRole('button', { name: /Gợi ý sửa/ });

async function addArticle(core: Core): Promise<string> {
  const doc = createDocument({
    headline: 'Từng bước đáp ứng yêu cầu',
    lead: 'Sáng 10/6, Sở Nội vụ tổ chức hội nghị.',
    paragraphs: ['Cải cách hành chính là nhiệm vụ trọng tâm.'],
    authors: ['Tiến Thành'],
  });
  return (await callOk(core, 'createArticle', { document: documentToStored(doc) })).meta.id;
}

const savedText = (core: Core, id: string) => documentFromStored(core.articles.get(id).document).textBetween(0, documentFromStored(core.articles.get(id).document).content.size, '\n', ' ');
const openSuggestions = (core: Core, id: string) => callOk(core, 'listSuggestions', { articleId: id, status: 'open' });

test('suggest mode: typing becomes suggestions in the author’s colour, undo takes them back, and the article is untouched', async ({ page, app }) => {
  await callOk(app.core, 'setLocalProfile', { displayName: 'Thu Hà', initials: 'TH', role: 'editor', color: '#9c27b0' });
  const id = await addArticle(app.core);
  const before = savedText(app.core, id);
  await page.reload();
  await page.locator('.article-row', { hasText: 'Từng bước' }).locator('.row-open').click();
  await expect(editor(page)).toBeVisible();

  // Turn it on from the keyboard: the toolbar and the status bar say so.
  await editor(page).locator('.nr-headline').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Control+Shift+X');
  await expect(suggestButton(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.status-bar')).toContainText('Đang gợi ý sửa');

  // Typing shows at once, marked as a suggestion, and is stored as one.
  await page.keyboard.type(' mới');
  await expect(editor(page).locator('.suggest-live-insert')).toHaveText(' mới');
  await expect.poll(async () => (await openSuggestions(app.core, id)).length, { timeout: 10_000 }).toBe(1);
  const [first] = await openSuggestions(app.core, id);
  expect(first!.anchor.part).toBe('headline');

  // A word replaced in the body: the old one stays visible, struck through.
  await editor(page).locator('.nr-body p').first().dblclick({ position: { x: 5, y: 5 } });
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('!');
  await expect(editor(page).locator('.suggest-live-delete')).toHaveText('.');
  await expect.poll(async () => (await openSuggestions(app.core, id)).length, { timeout: 10_000 }).toBe(2);

  // Undo takes back the last suggested edit; the store follows.
  await page.keyboard.press('Control+Z');
  await expect(editor(page).locator('.suggest-live-delete')).toHaveCount(0);
  await expect.poll(async () => (await openSuggestions(app.core, id)).length, { timeout: 10_000 }).toBe(1);

  // A paragraph style cannot be a suggestion: refused with a message, nothing changes.
  await page.keyboard.press('Control+Alt+2');
  await expect(page.getByTestId('suggest-refused')).toBeVisible();
  await expect(editor(page).locator('.nr-body h2')).toHaveCount(0);

  // The article itself never changed.
  await page.waitForTimeout(1200); // past autosave's delay
  expect(savedText(app.core, id)).toBe(before);

  // Leaving the mode: the suggestion stays, shown like anyone's, in the author's colour.
  await suggestButton(page).click();
  await expect(suggestButton(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.status-bar')).not.toContainText('Đang gợi ý sửa');
  const stored = editor(page).locator('.review-suggest-insert');
  await expect(stored).toHaveText(' mới');
  await expect(stored).toHaveCSS('text-decoration-color', 'rgb(156, 39, 176)');
  expect(savedText(app.core, id)).toBe(before);

  // Typing now edits the article directly again.
  await editor(page).locator('.nr-lead').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Trực tiếp');
  await expect.poll(() => savedText(app.core, id), { timeout: 10_000 }).toContain('Trực tiếp');
  expect(await openSuggestions(app.core, id)).toHaveLength(1);

  // After a reload the suggestion is still there; accepting it changes the article.
  await page.reload();
  await page.locator('.article-row', { hasText: 'Từng bước' }).locator('.row-open').click();
  await expect(editor(page).locator('.review-suggest-insert')).toHaveText(' mới');
  await callOk(app.core, 'decideSuggestions', { articleId: id, decision: 'accept' });
  expect(savedText(app.core, id)).toContain('Từng bước đáp ứng yêu cầu mới');
});

test('suggest mode is remembered for the article and needs a profile', async ({ page, app }) => {
  const id = await addArticle(app.core);
  await page.reload();
  await page.locator('.article-row', { hasText: 'Từng bước' }).locator('.row-open').click();
  await editor(page).locator('.nr-lead').click();
  await suggestButton(page).click();
  await expect(page.getByTestId('suggest-profile')).toContainText('Cần đặt hồ sơ');
  await expect(suggestButton(page)).toHaveAttribute('aria-pressed', 'false');

  await callOk(app.core, 'setLocalProfile', { displayName: 'Thu Hà', initials: 'TH', role: 'editor', color: '#9c27b0' });
  await suggestButton(page).click();
  await expect(suggestButton(page)).toHaveAttribute('aria-pressed', 'true');
  await editor(page).locator('.nr-lead').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Thêm ý.');
  // Closing the article right away still stores what was typed.
  await page.getByRole('button', { name: /Bài mới/ }).first().click();
  await expect.poll(async () => (await openSuggestions(app.core, id)).length, { timeout: 10_000 }).toBe(1);

  await page.locator('.article-row', { hasText: 'Từng bước' }).locator('.row-open').click();
  await expect(suggestButton(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(editor(page).locator('.review-suggest-insert')).toHaveText(' Thêm ý.');
});
