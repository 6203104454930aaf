import { test, expect, type AppFixture, type Page } from './fixtures';
import { createThroughApi, editor, openCreated, typeParts, waitSaved } from './helpers';

/**
 * Opening or creating an article is one transition: the article being left
 * stays on screen, read-only, until the next one shows, and nothing typed
 * meanwhile is stored in it. The API answers are held back to widen the window
 * a slow disk or a busy database opens in real use.
 */

const OLD_HEADLINE = 'Lũ quét ở Mường Tè';
const OLD_BODY = 'Đêm qua mưa lớn kéo dài.';
const TYPED = 'Gõ trong lúc chuyển bài';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const storedDocument = (headline: string, body: string) => ({
  version: 1,
  doc: {
    type: 'doc',
    content: [{ type: 'headline', content: [{ type: 'text', text: headline }] }, { type: 'lead' }, { type: 'body', content: [paragraph(body)] }, { type: 'byline', content: [{ type: 'author' }] }],
  },
});

async function stored(app: AppFixture, id: string): Promise<{ revision: number; text: string }> {
  const result = await app.core.call('getArticle', { id });
  if (!result.ok) throw new Error(result.error.message);
  const article = result.value as { revision: number; document: unknown };
  return { revision: article.revision, text: JSON.stringify(article.document) };
}

/** Hold every answer of the API call `name` until the returned function is called. */
async function holdApi(page: Page, name: string): Promise<() => void> {
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/${name}`, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/**
 * While the switch is held: click into the old article's headline, still on
 * screen, and type. The article on screen must not take the text (what it
 * shows is what its autosave would store). Returns whether the switch notice showed.
 */
async function typeIntoOldArticle(page: Page): Promise<boolean> {
  await expect(page.getByTestId('switch-notice')).toBeVisible();
  await expect(editor(page)).toContainText(OLD_BODY);
  await editor(page).locator('.nr-headline').click();
  await page.keyboard.type(TYPED);
  await page.keyboard.press('Enter');
  await page.keyboard.type(TYPED);
  // keyboard.type resolves after each key event was handled: the editor has already shown anything it took.
  await expect(editor(page)).toContainText(OLD_BODY);
  expect(await editor(page).textContent()).not.toContain(TYPED);
  // The old article's details take nothing either.
  const section = page.getByRole('complementary', { name: 'Thông tin bài' }).getByLabel('Chuyên mục');
  await section.click({ force: true });
  await page.keyboard.type(TYPED);
  await expect(section).toHaveValue('');
  return page.getByTestId('switch-notice').isVisible();
}

test('Export, back, New article: typing during the switch never lands in the article being left', async ({ page, app }) => {
  const oldId = await openCreated(page, app, { document: storedDocument(OLD_HEADLINE, OLD_BODY) });
  await expect(editor(page)).toContainText(OLD_BODY);
  const before = await stored(app, oldId);

  await page.keyboard.press('Control+Shift+E');
  await expect(page.locator('.export-view')).toBeVisible();
  await page.getByRole('button', { name: /Quay lại bài viết/ }).click();
  await expect(editor(page)).toContainText(OLD_BODY);

  const releaseCreate = await holdApi(page, 'createArticle');
  const releaseLoad = await holdApi(page, 'getArticle');
  await page.locator('.article-list .new-article').click();
  const noticeShown = await typeIntoOldArticle(page);
  releaseCreate();
  releaseLoad();

  // The new, blank article shows and takes typing.
  await expect(page.getByTestId('switch-notice')).toBeHidden();
  await expect(editor(page)).not.toContainText(OLD_BODY);
  await typeParts(page, ['Tin mới', 'Đoạn đầu của tin mới.']);
  await waitSaved(page);

  const after = await stored(app, oldId);
  expect(after.text).not.toContain(TYPED);
  expect(after.text).not.toContain('Tin mới');
  expect(after).toEqual(before);
  // The typed text was refused where the user could see it.
  expect(noticeShown).toBe(true);
  const list = await app.core.call('listArticles', {});
  const newRow = (list.ok ? (list.value as { items: { id: string; headline: string }[] }).items : []).find((a) => a.id !== oldId);
  expect(newRow?.headline).toBe('Tin mới');
});

test('opening another article from the list: typing during the switch never lands in the article being left', async ({ page, app }) => {
  const otherId = await createThroughApi(page, app, { document: storedDocument('Bài thứ hai', 'Nội dung bài thứ hai.') });
  const oldId = await createThroughApi(page, app, { document: storedDocument(OLD_HEADLINE, OLD_BODY) });
  await page.locator('.article-row', { hasText: OLD_HEADLINE }).locator('.row-open').click();
  await expect(editor(page)).toContainText(OLD_BODY);
  const before = await stored(app, oldId);
  const otherBefore = await stored(app, otherId);

  const releaseLoad = await holdApi(page, 'getArticle');
  await page.locator('.article-row', { hasText: 'Bài thứ hai' }).locator('.row-open').click();
  const noticeShown = await typeIntoOldArticle(page);
  releaseLoad();

  await expect(editor(page)).toContainText('Nội dung bài thứ hai.');
  await expect(page.getByTestId('switch-notice')).toBeHidden();
  expect(await stored(app, oldId)).toEqual(before);
  expect(await stored(app, otherId)).toEqual(otherBefore);
  expect(noticeShown).toBe(true);
});

test('a click during a switch waits for it: the article chosen last is the one open', async ({ page, app }) => {
  await createThroughApi(page, app, { document: storedDocument(OLD_HEADLINE, OLD_BODY) });
  await page.locator('.article-row', { hasText: OLD_HEADLINE }).locator('.row-open').click();
  await expect(editor(page)).toContainText(OLD_BODY);

  const releaseCreate = await holdApi(page, 'createArticle');
  await page.locator('.article-list .new-article').click();
  await expect(page.getByTestId('switch-notice')).toBeVisible();
  // Changed their mind: the article still on screen (being left) is chosen again.
  await page.locator('.article-row', { hasText: OLD_HEADLINE }).locator('.row-open').click();
  releaseCreate();

  // The new article was made, then left for the one chosen last, which takes typing again.
  await expect(page.locator('.article-row')).toHaveCount(2);
  await expect(page.getByTestId('switch-notice')).toBeHidden();
  await expect(editor(page)).toContainText(OLD_BODY);
  await editor(page).locator('.nr-lead').click();
  await page.keyboard.type('Sapo mới.');
  await expect(editor(page).locator('.nr-lead')).toHaveText('Sapo mới.');
});
