import AxeBuilder from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import { test, expect, type AppFixture, type Page } from './fixtures';
import { callOk, findText } from '../support/calls';
import { createDocument, documentFromStored, documentToStored } from '../../src/shared/document';
import { createAnchor } from '../../src/shared/review/anchors';
import { editor } from './helpers';

/**
 * Every screen, in both themes, checked by axe with all its rules: no filter by
 * impact, the whole page (page-level rules such as "one h1" included). The only
 * part left out is the export preview's frame: it shows the page as the paper's
 * website prints it, white in both themes, and export.spec.ts judges it whole.
 */
async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).exclude('iframe.export-frame').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), screen).toEqual([]);
  expect(await page.locator('h1').count(), `${screen}: one h1`).toBe(1);
}

/** An article with this machine's profile, an open comment and a resolved one (the faded kind that fell below 4.5:1). */
async function seedArticle(app: AppFixture): Promise<void> {
  const document = createDocument({
    headline: 'Lai Châu đào tạo nghề cho lao động nông thôn',
    lead: 'Tỉnh đã hỗ trợ 27.309 người học nghề trong năm.',
    paragraphs: ['Đội ngũ cán bộ xã được tập huấn trước.', 'Các lớp học mở ngay tại bản.'],
    authors: ['Tiến Thành'],
  });
  const created = await callOk(app.core, 'createArticle', { document: documentToStored(document) });
  const articleId = created.meta.id;
  const me = await callOk(app.core, 'setLocalProfile', { displayName: 'Tiến Thành', initials: 'TT', role: 'reporter', color: '#1a7f5a' });
  const doc = documentFromStored(app.core.articles.get(articleId).document);
  const at = new Date().toISOString();
  for (const [text, resolved] of [
    ['Lai Châu', false],
    ['cán bộ', true],
  ] as const) {
    const { from, to } = findText(doc, text);
    const id = randomUUID();
    app.core.review.comments.insert({
      id,
      articleId,
      threadId: id,
      authorId: (me as { id: string }).id,
      body: resolved ? 'Đã sửa theo góp ý.' : 'Kiểm tra lại tên địa danh.',
      createdAt: at,
      editedAt: null,
      anchor: createAnchor(doc, from, to),
      detached: false,
      resolvedAt: resolved ? at : null,
      resolvedBy: resolved ? (me as { id: string }).id : null,
    });
  }
}

/** A feature screen opened by its shortcut, with its title shown. */
async function openScreen(page: Page, key: string, title: RegExp): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press(key);
  await expect(page.locator('.feature-view h2').first()).toHaveText(title);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen passes axe with zero violations when the system theme is ${scheme}`, async ({ page, app }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    await seedArticle(app);
    await page.reload();
    // The palette really is the one asked for.
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(scheme === 'dark' ? 'rgb(26, 25, 23)' : 'rgb(246, 244, 239)');

    await page.locator('.row-open').first().click();
    await expect(editor(page)).toBeVisible();
    await expectNoViolations(page, 'list and editor');

    await page.keyboard.press('Control+Alt+G');
    await page.getByRole('button', { name: 'Đã xử lý (1)' }).click();
    await expect(page.locator('.review-pane .review-card.resolved')).toBeVisible();
    await expectNoViolations(page, 'list, editor and review pane with a resolved comment');

    await openScreen(page, 'Control+Alt+R', /Duyệt bài/);
    for (const tab of ['Trạng thái', 'Bình luận', 'Gợi ý sửa', 'Lịch sử', 'Gửi và nhận', 'Hồ sơ', 'Khoá ký']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
      await expect(page.locator('#review-panel h3').first()).toBeVisible();
      await expectNoViolations(page, `Review → ${tab}`);
    }

    await openScreen(page, 'Control+Shift+E', /^Xuất bài$/);
    await expect(page.locator('#export-preflight-title')).toBeVisible();
    await expectNoViolations(page, 'Export');

    await openScreen(page, 'Control+O', /Nhập bài/);
    await expectNoViolations(page, 'Import');

    await openScreen(page, 'Control+Shift+O', /Mở gói bài/);
    await expectNoViolations(page, 'Open package');

    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await expect(page.getByRole('dialog', { name: 'Phím tắt' })).toBeVisible();
    await expectNoViolations(page, 'Keyboard help');
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+Shift+P');
    await expect(page.getByRole('dialog', { name: 'Bảng lệnh' })).toBeVisible();
    await expectNoViolations(page, 'Command palette');
  });
}
