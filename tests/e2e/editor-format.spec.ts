import { test, expect, type Page, type AppFixture } from './fixtures';
import type { NodeJSON } from '../../src/shared/document';
import { editor, openCreated } from './helpers';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Create an article in the store and open it in the editor. */
async function openSeeded(page: Page, app: AppFixture, body: NodeJSON[], parts: { headline?: string; lead?: string } = {}): Promise<string> {
  const text = (s?: string) => (s ? [{ type: 'text', text: s }] : undefined);
  const doc: NodeJSON = {
    type: 'doc',
    content: [
      { type: 'headline', content: text(parts.headline) },
      { type: 'lead', content: text(parts.lead) },
      { type: 'body', content: body },
      { type: 'byline', content: [{ type: 'author' }] },
    ],
  };
  return openCreated(page, app, { document: { version: 1, doc } });
}

const paragraph = (s = ''): NodeJSON => ({ type: 'paragraph', content: s ? [{ type: 'text', text: s }] : undefined });

test('smart punctuation as the paper prints it, never inside URLs', async ({ page, app }) => {
  await openSeeded(page, app, [paragraph()]);
  await editor(page).locator('.nr-body p').first().click();
  await page.keyboard.type(`Ông nói: "Tỉnh sẽ làm" và 'cố gắng', giai đoạn 2011 -- 2015... `);
  await page.keyboard.type('Xem https://baolaichau.vn/a--b... nhé');
  await expect(editor(page).locator('.nr-body p').first()).toHaveText(
    'Ông nói: “Tỉnh sẽ làm” và ‘cố gắng’, giai đoạn 2011 – 2015… Xem https://baolaichau.vn/a--b... nhé',
  );
});

test('an input rule is one undo step; Backspace right after it takes it back', async ({ page, app }) => {
  await openSeeded(page, app, [paragraph()]);
  await editor(page).locator('.nr-body p').first().click();
  await page.keyboard.type('Chờ đã...');
  const p = editor(page).locator('.nr-body p').first();
  await expect(p).toHaveText('Chờ đã…');
  await page.keyboard.press('Backspace');
  await expect(p).toHaveText('Chờ đã...');
  await page.keyboard.type(' rồi--');
  await expect(p).toHaveText('Chờ đã... rồi–');
  await page.keyboard.press(`${mod}+z`);
  await expect(p).toHaveText('Chờ đã... rồi-');
});

test('bold, italic and typing land where expected; Enter in the headline moves to the lead', async ({ page, app }) => {
  await openSeeded(page, app, [paragraph()]);
  await editor(page).locator('.nr-headline').click();
  await page.keyboard.type('Tít bài');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Sapo ');
  await page.keyboard.press(`${mod}+b`);
  await page.keyboard.type('đậm');
  await page.keyboard.press(`${mod}+b`);
  await page.keyboard.type(' và ');
  await page.keyboard.press(`${mod}+i`);
  await page.keyboard.type('nghiêng');
  await expect(editor(page).locator('.nr-headline')).toHaveText('Tít bài');
  await expect(editor(page).locator('.nr-lead strong')).toHaveText('đậm');
  await expect(editor(page).locator('.nr-lead em')).toHaveText('nghiêng');
});

test('Tab and Shift-Tab move between a caption and its credit', async ({ page, app }) => {
  await openSeeded(page, app, [
    paragraph('Trước ảnh.'),
    { type: 'figure', attrs: { mediaId: null, alt: '' }, content: [{ type: 'caption', content: [{ type: 'text', text: 'Quang cảnh' }] }, { type: 'credit' }] },
    paragraph('Sau ảnh.'),
  ]);
  await editor(page).locator('.nr-caption').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' hội nghị');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Ảnh: BLC');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('End');
  await page.keyboard.type('.');
  await expect(editor(page).locator('.nr-caption')).toHaveText('Quang cảnh hội nghị.');
  await expect(editor(page).locator('.nr-credit')).toHaveText('Ảnh: BLC');
  await expect(editor(page).locator('.nr-body > p')).toHaveText(['Trước ảnh.', 'Sau ảnh.']);
});
