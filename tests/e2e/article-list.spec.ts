import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { createDocument, documentToStored } from '../../src/shared/document';
import type { ArticleStatus } from '../../src/shared/article';
import type { Core } from '../../src/main/core/core';
import { callOk } from '../support/calls';

/**
 * An article in `status`, last changed `minutesAgo` (set in the store directly, as
 * an import or unpack would, so the order does not depend on the clock's resolution).
 */
async function articleIn(core: Core, headline: string, status: ArticleStatus, minutesAgo: number): Promise<void> {
  const created = await callOk(core, 'createArticle', { document: documentToStored(createDocument({ headline, paragraphs: ['Đoạn.'] })) });
  const updatedAt = new Date(Date.now() - minutesAgo * 60_000).toISOString();
  core.db.prepare('UPDATE articles SET status = ?, updated_at = ? WHERE id = ?').run(status, updatedAt, created.meta.id);
}

test('the article list groups by workflow status, folds groups, moves across them by keyboard and remembers the choice', async ({ page, app }) => {
  await articleIn(app.core, 'Bài nháp một', 'draft', 40);
  await articleIn(app.core, 'Bài đã duyệt', 'approved', 30);
  await articleIn(app.core, 'Bài nháp hai', 'draft', 20);
  await articleIn(app.core, 'Bài bị gỡ', 'spiked', 10);
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
