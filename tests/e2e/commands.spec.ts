import { test, expect, type AppFixture, type Page } from './fixtures';
import { callOk } from '../support/calls';
import { createDocument, documentToStored } from '../../src/shared/document';
import { editor } from './helpers';
import { screenshotPath } from './screenshots';

/** Articles made through the API, oldest first (their edit times set apart, as an import would), so the list shows them newest first. */
async function articles(app: AppFixture, page: Page, headlines: string[]): Promise<void> {
  for (const [i, headline] of headlines.entries()) {
    const created = await callOk(app.core, 'createArticle', { document: documentToStored(createDocument({ headline, lead: 'Sapo ngắn.', paragraphs: ['Một đoạn.'], authors: ['Tiến Thành'] })) });
    const updatedAt = new Date(Date.now() - (headlines.length - i) * 60_000).toISOString();
    app.core.db.prepare('UPDATE articles SET updated_at = ? WHERE id = ?').run(updatedAt, created.meta.id);
  }
  await page.reload();
  await expect(page.locator('.article-list .row-open')).toHaveCount(headlines.length);
}

const menuItem = async (page: Page, menu: string, item: string | RegExp) => {
  await page.getByRole('menuitem', { name: menu, exact: true }).click();
  await page.getByRole('menu', { name: menu }).locator('[data-menu-item]', { hasText: item }).click();
};

test('the article list is one tab stop: arrows, Home and End move, Enter opens, and View → Go to the article list lands on a row', async ({ page, app }) => {
  await articles(app, page, ['Bài thứ ba', 'Bài thứ hai', 'Bài thứ nhất']);
  const list = page.locator('.article-list');
  const rows = list.locator('.row-open');
  await expect(rows).toHaveText([/Bài thứ nhất/, /Bài thứ hai/, /Bài thứ ba/]);

  await page.getByRole('menuitem', { name: 'Xem', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Đến danh sách bài' }).click();
  await expect(rows.nth(0)).toBeFocused();

  // Only one row (and no delete button) is in the tab order.
  await expect(list.locator('.rows [tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(rows.nth(2)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(list.locator('.rows [tabindex="0"]')).toHaveText(/Bài thứ hai/);

  // Tab leaves the list; Shift+Tab comes back to the row last used.
  await page.keyboard.press('Tab');
  await expect(page.locator('.article-list .rows :focus')).toHaveCount(0);
  await page.keyboard.press('Shift+Tab');
  await expect(rows.nth(1)).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(editor(page).locator('.nr-headline')).toHaveText('Bài thứ hai');
});

test('the command palette finds commands without tone marks, greys out what cannot run, and runs the chosen one', async ({ page, app }) => {
  await articles(app, page, ['Bài có sẵn']);
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Bảng lệnh' });
  const search = palette.getByRole('combobox');
  await expect(search).toBeFocused();

  // End reaches the last command, scrolled into view.
  await page.keyboard.press('End');
  await expect(palette.getByRole('option').last()).toHaveAttribute('aria-selected', 'true');
  await expect(palette.getByRole('option').last()).toBeInViewport();

  // No article open: saving is listed but disabled, and Enter on it does nothing.
  await search.fill('luu ngay');
  const save = palette.getByRole('option', { name: /Lưu ngay/ });
  await expect(save).toHaveAttribute('aria-disabled', 'true');
  await expect(save).toContainText('Ctrl+S');
  await page.keyboard.press('Enter');
  await expect(palette).toBeVisible();

  // Tone marks and đ do not matter; arrows move; Enter runs and closes.
  await search.fill('giao dien toi');
  await expect(palette.getByRole('option')).toHaveText([/theo hệ thống/, /tắt/, /bật/]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(palette.getByRole('option', { name: /bật/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  // A command that moves focus: the palette has closed and focus went where the command sent it.
  await page.keyboard.press('Control+Shift+P');
  await search.fill('den danh sach');
  await page.keyboard.press('Enter');
  await expect(page.locator('.article-list .row-open').first()).toBeFocused();

  // Escape closes without running anything.
  await page.keyboard.press('Control+Shift+P');
  await search.fill('an danh sach bai');
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await expect(page.locator('.article-list')).toBeVisible();
});

test('keyboard help lists every shortcut from the command table, grouped and searchable', async ({ page, app: _app }) => {
  await expect(page.getByRole('menubar')).toBeVisible();
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Phím tắt' });
  await expect(help).toBeVisible();
  const row = (name: RegExp) => help.locator('.keyboard-help-row', { hasText: name });
  // Commands from the table, under their menu, with their keys as this machine shows them.
  await expect(help.locator('[data-group="file"] .keyboard-help-row', { hasText: 'Xuất bài…' })).toContainText('Ctrl+Shift+E');
  await expect(row(/^Bảng lệnh/)).toContainText('Ctrl+Shift+P');
  await expect(row(/^Phím tắt/)).toContainText('Ctrl+/');
  await expect(row(/^Phím tắt/)).toContainText('F1');
  await expect(row(/^Phóng to/)).toContainText('Ctrl+=');
  await expect(row(/^Đậm/)).toContainText('Ctrl+B');
  // The editor's own keys.
  await expect(help.locator('[data-group="editor"]')).toContainText('Xuống dòng trong đoạn');
  await expect(row(/Xuống dòng trong đoạn/)).toContainText('Shift+Enter');

  await help.getByRole('searchbox').fill('xuat');
  await expect(help.locator('.keyboard-help-row')).toHaveText([/Xuất bài…\s*Ctrl\+Shift\+E/]);
  await help.getByRole('searchbox').fill('');
  await help.locator('.keyboard-help-groups').evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath('screenshot-keyboard-help.png') });

  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.keyboard.press('Control+/');
  await expect(help).toBeVisible();
});

test('zoom grows and shrinks the whole window and is remembered after a reload', async ({ page, app }) => {
  await articles(app, page, ['Bài để phóng to']);
  const zoom = () => page.evaluate(() => getComputedStyle(document.documentElement).zoom);
  const headlineWidth = () => page.locator('.article-list .row-headline').first().evaluate((el) => el.getBoundingClientRect().height);
  const before = await headlineWidth();
  expect(await zoom()).toBe('1');

  await page.keyboard.press('Control+=');
  await page.keyboard.press('Control+=');
  await expect.poll(zoom).toBe('1.25');
  expect(await headlineWidth()).toBeGreaterThan(before * 1.2);

  await page.reload();
  await expect(page.locator('.article-list .row-headline').first()).toBeVisible();
  expect(await zoom()).toBe('1.25');
  expect(await headlineWidth()).toBeGreaterThan(before * 1.2);

  // The editor still places the caret where the click lands: a double click selects the word under the pointer.
  await page.locator('.row-open').first().click();
  const word = editor(page).locator('.nr-body p').first();
  await expect(word).toHaveText('Một đoạn.');
  const box = (await word.boundingBox())!;
  await page.mouse.dblclick(box.x + 5, box.y + box.height / 2);
  expect(await page.evaluate(() => getSelection()!.toString())).toBe('Một');
  await page.keyboard.type('Hai');
  await expect(word).toHaveText('Hai đoạn.');

  await page.keyboard.press('Control+-');
  await expect.poll(zoom).toBe('1.1');
  await menuItem(page, 'Xem', /Cỡ thường/);
  await expect.poll(zoom).toBe('1');
  await page.reload();
  await expect(page.locator('.article-list .row-headline').first()).toBeVisible();
  expect(await zoom()).toBe('1');
});

test('the theme follows the system until chosen in View; the choice is remembered', async ({ page, app }) => {
  await articles(app, page, ['Lai Châu đào tạo nghề cho lao động nông thôn']);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const DARK = 'rgb(26, 25, 23)';
  const LIGHT = 'rgb(246, 244, 239)';

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background).toBe(DARK);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(background).toBe(LIGHT);

  // Pinned dark while the system is light, and still after a reload.
  await menuItem(page, 'Xem', 'Giao diện tối: bật');
  await expect.poll(background).toBe(DARK);
  await page.reload();
  await expect.poll(background).toBe(DARK);
  await page.getByRole('menuitem', { name: 'Xem', exact: true }).click();
  await expect(page.getByRole('menuitemcheckbox', { name: 'Giao diện tối: bật' })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');

  // Pinned light while the system is dark.
  await page.emulateMedia({ colorScheme: 'dark' });
  await menuItem(page, 'Xem', /tắt \(nền sáng\)/);
  await expect.poll(background).toBe(LIGHT);

  // Back to following the system.
  await menuItem(page, 'Xem', /theo hệ thống/);
  await expect.poll(background).toBe(DARK);
  await page.reload();
  await expect.poll(background).toBe(DARK);

  // The dark theme, for the README.
  await page.locator('.row-open').first().click();
  await expect(editor(page).locator('.nr-headline')).toHaveText('Lai Châu đào tạo nghề cho lao động nông thôn');
  await page.screenshot({ path: screenshotPath('screenshot-dark.png') });
});

test('on macOS the keyboard help and the palette show ⌘ and the keys take Cmd', async ({ page, app: _app }) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'platform', { get: () => 'MacIntel' }));
  await page.reload();
  await expect(page.getByRole('menubar')).toBeVisible();
  await page.keyboard.press('Meta+/');
  const help = page.getByRole('dialog', { name: 'Phím tắt' });
  await expect(help.locator('.keyboard-help-row', { hasText: 'Xuất bài…' })).toContainText('⌘⇧E');
  await expect(help.locator('.keyboard-help-row', { hasText: /^Đậm/ })).toContainText('⌘B');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Meta+Shift+P');
  await expect(page.getByRole('dialog', { name: 'Bảng lệnh' }).getByRole('option', { name: /Bảng lệnh/ })).toContainText('⌘⇧P');
});
