import { test, expect, type Page } from './fixtures';
import { editor, openCreated as openArticle } from './helpers';

const counts = (page: Page) => page.getByTestId('part-counts');
const part = (page: Page, id: string) => counts(page).locator(`[data-part="${id}"]`);

const text = (s: string) => (s ? [{ type: 'text', text: s }] : undefined);

test('counts per part in chữ, live, with targets and warnings', async ({ page, app }) => {
  await openArticle(page, app, {
    meta: { lengthTarget: { min: 10, max: 20, headlineMax: 5 } },
    document: {
      version: 1,
      doc: {
        type: 'doc',
        content: [
          { type: 'headline', content: text('Đào tạo hơn 27.309 lượt người') },
          { type: 'lead', content: text('Tỷ lệ đạt 40,1% – tăng mạnh.') },
          {
            type: 'body',
            content: [
              { type: 'paragraph', content: text('Một hai ba.') },
              { type: 'figure', attrs: { mediaId: null, alt: '' }, content: [{ type: 'caption', content: text('Quang cảnh hội nghị') }, { type: 'credit', content: text('Ảnh: BLC') }] },
            ],
          },
          { type: 'byline', content: [{ type: 'author', content: text('Nguyễn Văn A') }] },
        ],
      },
    },
  });
  // 27.309 and 40,1% are one word each; the lone dash is none.
  await expect(part(page, 'headline')).toHaveText('Tít: 6/5');
  await expect(part(page, 'headline')).toHaveAttribute('data-warn', 'true');
  await expect(part(page, 'lead')).toHaveText('Sapo: 6/60');
  await expect(part(page, 'lead')).toHaveAttribute('data-warn', 'false');
  await expect(part(page, 'body')).toHaveText('Thân bài: 3');
  await expect(part(page, 'captions')).toHaveText('Chú thích: 4/40');
  await expect(part(page, 'total')).toContainText('Cả bài: 24 chữ (10–20)');
  await expect(part(page, 'total')).toHaveAttribute('data-warn', 'true');

  // Live: typing in the body updates its count; shortening the headline clears its warning.
  await editor(page).locator('.nr-body p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Bốn năm sáu');
  await expect(part(page, 'body')).toHaveText('Thân bài: 6');
  await editor(page).locator('.nr-headline').click();
  await page.keyboard.press('End');
  for (let i = 0; i < ' lượt người'.length; i++) await page.keyboard.press('Backspace');
  await expect(part(page, 'headline')).toHaveText('Tít: 4/5');
  await expect(part(page, 'headline')).toHaveAttribute('data-warn', 'false');

  // Selection count.
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await expect(part(page, 'selection')).toHaveText(`Đang chọn: 4 chữ · ${'Đào tạo hơn 27.309'.length} ký tự`);
  await page.screenshot({ path: test.info().outputPath('counts.png') });

  // A target changed in the details panel shows in the counts at once, without typing.
  await page.locator('.details-panel').getByLabel('Tối đa').fill('40');
  await expect(part(page, 'total')).toContainText('(10–40)');
  await expect(part(page, 'total')).toHaveAttribute('data-warn', 'false');
});
