import { test, expect, type Page } from './fixtures';
import { editor, openCreated as openArticle } from './helpers';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

const doc = (headline: string, lead: string, paragraphs: string[]) => ({
  version: 1,
  doc: {
    type: 'doc',
    content: [
      { type: 'headline', content: [{ type: 'text', text: headline }] },
      { type: 'lead', content: [{ type: 'text', text: lead }] },
      { type: 'body', content: paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) },
      { type: 'byline', content: [{ type: 'author' }] },
    ],
  },
});

test('find with and without Vietnamese marks, replace all as one undo step', async ({ page, app }) => {
  await openArticle(page, app, {
    document: doc('Đào tạo cán bộ', 'Công tác ĐÀO TẠO được quan tâm.', ['Đào tạo, bồi dưỡng; dao tao lại.', 'Không có gì.']),
  });
  await editor(page).locator('.nr-body p').first().click();
  await page.keyboard.press(`${mod}+f`);
  const panel = page.getByTestId('find-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('find-query')).toBeFocused();

  await page.keyboard.type('dao tao');
  // Only the unmarked "dao tao" matches until marks are ignored.
  await expect(page.getByTestId('find-count')).toHaveText('1/1');
  await page.getByTestId('find-ignore-marks').check();
  await expect(page.getByTestId('find-count')).toHaveText(/^\d\/4$/);
  await expect.poll(() => highlightedMatches(page)).toEqual(['0', '1', '2', '3']);

  await page.getByTestId('find-query').press('Enter');
  await expect(page.getByTestId('find-count')).toHaveText(/^\d\/4$/);
  await expect.poll(() => highlightedMatches(page, '.nr-find-current')).toHaveLength(1);

  await page.getByTestId('find-replacement').fill('huấn luyện');
  await page.getByTestId('find-replace-all').click();
  await expect(editor(page).locator('.nr-headline')).toHaveText('huấn luyện cán bộ');
  await expect(editor(page).locator('.nr-lead')).toHaveText('Công tác huấn luyện được quan tâm.');
  await expect(editor(page).locator('.nr-body p').first()).toHaveText('huấn luyện, bồi dưỡng; huấn luyện lại.');
  await expect(page.getByTestId('find-count')).toHaveText('Đã thay 4 chỗ');

  // One undo takes every replacement back.
  await page.getByTestId('find-query').press('Escape');
  await expect(panel).toBeHidden();
  await page.keyboard.press(`${mod}+z`);
  await expect(editor(page).locator('.nr-headline')).toHaveText('Đào tạo cán bộ');
  await expect(editor(page).locator('.nr-lead')).toHaveText('Công tác ĐÀO TẠO được quan tâm.');
  await expect(editor(page).locator('.nr-body p').first()).toHaveText('Đào tạo, bồi dưỡng; dao tao lại.');
});

test('replace one match at a time, and Mod-F prefills the selected word', async ({ page, app }) => {
  await openArticle(page, app, { document: doc('Tít', 'Sapo', ['một hai một ba một']) });
  await editor(page).locator('.nr-body p').first().dblclick({ position: { x: 5, y: 5 } });
  await page.keyboard.press(`${mod}+f`);
  await expect(page.getByTestId('find-query')).toHaveValue('một');
  await expect(page.getByTestId('find-count')).toHaveText(/3/);
  await page.getByTestId('find-query').press('Enter');
  await page.getByTestId('find-replacement').fill('1');
  await page.getByTestId('find-replace').click();
  await expect(editor(page).locator('.nr-body p').first()).toHaveText(/^(1 hai một ba một|một hai 1 ba một)$/);
  await expect(page.getByTestId('find-count')).toContainText('2');
});

/** The matches highlighted in the text, by index (a match split by other decorations counts once). */
function highlightedMatches(page: Page, selector = '.nr-find-match'): Promise<string[]> {
  return editor(page)
    .locator(selector)
    .evaluateAll((spans) => [...new Set(spans.map((s) => s.getAttribute('data-find-match') ?? ''))].sort());
}
