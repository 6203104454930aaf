import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { createDocument, documentToStored } from '../../src/shared/document';
import type { ArticleStatus } from '../../src/shared/article';
import type { Core } from '../../src/main/core/core';
import { callOk } from '../support/calls';

/** An article in `status`, put there through the store as an import or unpack would. */
async function articleIn(core: Core, headline: string, status: ArticleStatus): Promise<void> {
  const created = await callOk(core, 'createArticle', { document: documentToStored(createDocument({ headline, paragraphs: ['Đoạn.'] })) });
  if (status !== 'draft') core.db.prepare('UPDATE articles SET status = ? WHERE id = ?').run(status, created.meta.id);
}

test('the article list groups by workflow status, folds groups, moves across them by keyboard and remembers the choice', async ({ page, app }) => {
  await articleIn(app.core, 'Bài nháp một', 'draft');
  await articleIn(app.core, 'Bài đã duyệt', 'approved');
  await articleIn(app.core, 'Bài nháp hai', 'draft');
  await articleIn(app.core, 'Bài bị gỡ', 'spiked');
  await page.reload();
  const list = page.locator('.article-list');
  await list.getByLabel('Nhóm theo trạng thái').check();

  const groups = list.locator('.row-group-title');
  await expect(groups).toHaveText([/Nháp\s*2/, /Đã duyệt\s*1/, /Bỏ\s*1/]);
  await expect(list.locator('.row-group').first().locator('.row-headline')).toHaveText(['Bài nháp hai', 'Bài nháp một']);

  // Fold the drafts; the arrow keys go from group to group.
  await groups.first().getByRole('button').click();
  await expect(groups.first().getByRole('button')).toHaveAttribute('aria-expanded', 'false');
  await expect(list.locator('.row-headline', { hasText: 'Bài nháp' })).toHaveCount(0);
  await list.locator('.row-open', { hasText: 'Bài đã duyệt' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(list.locator('.row-open', { hasText: 'Bài bị gỡ' })).toBeFocused();

  const axe = await new AxeBuilder({ page }).include('.article-list').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await page.reload();
  await expect(list.getByLabel('Nhóm theo trạng thái')).toBeChecked();
  await expect(groups).toHaveCount(3);
  await list.getByLabel('Nhóm theo trạng thái').uncheck();
  await expect(groups).toHaveCount(0);
  await expect(list.locator('.row-headline')).toHaveCount(4);
});
