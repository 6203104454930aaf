import { test, expect, type Page, type AppFixture } from './fixtures';
import { editor, openCreated } from './helpers';

const firstParagraph = (page: Page) => editor(page).locator('.nr-body p').first();
const SAVE_ROUTE = '**/api/saveArticle';

async function openArticle(page: Page, app: AppFixture, text: string): Promise<string> {
  return openCreated(page, app, {
    document: {
      version: 1,
      doc: {
        type: 'doc',
        content: [
          { type: 'headline', content: [{ type: 'text', text: 'Bài thử khôi phục' }] },
          { type: 'lead' },
          { type: 'body', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
          { type: 'byline', content: [{ type: 'author' }] },
        ],
      },
    },
  });
}

const storedText = (app: AppFixture, id: string) => JSON.stringify(app.core.articles.get(id).document);

test('saves fail, typing goes on, the host restarts: the text is back after reload', async ({ page, app }) => {
  const id = await openArticle(page, app, 'Bản đã lưu.');
  // Every save fails, as with a dead host or a full disk.
  await page.route(SAVE_ROUTE, (route) => route.abort('failed'));
  await firstParagraph(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Chữ chưa kịp lưu.');
  await expect(page.getByTestId('save-state')).toHaveText(/^Chưa lưu/);
  await page.keyboard.type(' Thêm nữa.');
  await expect(page.getByTestId('save-state')).toHaveText(/^Chưa lưu/);
  expect(storedText(app, id)).not.toContain('Chữ chưa kịp lưu');

  await app.restart();
  await page.reload();
  await page.locator('.row-open').first().click();
  await expect(firstParagraph(page)).toHaveText('Bản đã lưu. Chữ chưa kịp lưu. Thêm nữa.');
  await expect(page.getByTestId('recovery-restored')).toBeVisible();
  // Still nothing reached the database: the text came from the recovery journal.
  expect(storedText(app, id)).not.toContain('Chữ chưa kịp lưu');

  await page.unroute(SAVE_ROUTE);
  await expect(page.getByTestId('save-state')).toHaveText(/^Đã lưu lúc/, { timeout: 15_000 });
  await expect.poll(() => storedText(app, id)).toContain('Bản đã lưu. Chữ chưa kịp lưu. Thêm nữa.');

  // Once saved, the next launch has nothing to recover.
  await page.reload();
  await page.locator('.row-open').first().click();
  await expect(firstParagraph(page)).toHaveText('Bản đã lưu. Chữ chưa kịp lưu. Thêm nữa.');
  // The recovery check has finished (positive signal) and restored nothing.
  await expect(editor(page)).toHaveAttribute('data-recovery-checked', '');
  await expect(page.getByTestId('recovery-restored')).toHaveCount(0);
});

test('when someone else saved meanwhile, their version shows and the unsaved text can be brought back', async ({ page, app }) => {
  const id = await openArticle(page, app, 'Bản gốc.');
  await page.route(SAVE_ROUTE, (route) => route.abort('failed'));
  await firstParagraph(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Chữ trên máy.');
  await expect(page.getByTestId('save-state')).toHaveText(/^Chưa lưu/);

  // Another writer (the desk, the CLI) saves a newer version meanwhile.
  const newer = {
    type: 'doc',
    content: [
      { type: 'headline', content: [{ type: 'text', text: 'Bài thử khôi phục' }] },
      { type: 'lead' },
      { type: 'body', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Bản mới của ban biên tập.' }] }] },
      { type: 'byline', content: [{ type: 'author' }] },
    ],
  };
  const saved = await app.core.call('saveArticle', { id, document: { version: 1, doc: newer } });
  expect(saved.ok).toBe(true);

  // Reload with saves still failing, so the old page cannot push its copy on the way out.
  await page.reload();
  await page.unroute(SAVE_ROUTE);
  await page.locator('.row-open').first().click();
  await expect(page.getByTestId('recovery-conflict')).toBeVisible();
  await expect(firstParagraph(page)).toHaveText('Bản mới của ban biên tập.');
  expect(storedText(app, id)).toContain('Bản mới của ban biên tập.');

  await page.getByTestId('recovery-conflict-action').click();
  await expect(firstParagraph(page)).toHaveText('Bản gốc. Chữ trên máy.');
  await expect(page.getByTestId('recovery-restored')).toBeVisible();
  await expect.poll(() => storedText(app, id), { timeout: 15_000 }).toContain('Bản gốc. Chữ trên máy.');
});
