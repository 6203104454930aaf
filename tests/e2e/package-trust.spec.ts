/// <reference lib="dom" />
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Page } from './fixtures';
import { createCore } from '../../src/main/core/core';
import { createDocument, documentToStored } from '../../src/shared/document';
import { groupFingerprint } from '../../src/shared/review/trust';
import type { ProfileInput } from '../../src/shared/review/model';

const EDITOR: ProfileInput = { displayName: 'Thu Hà', initials: 'TH', role: 'editor', color: '#7a3b9c' };
const DESK: ProfileInput = { displayName: 'Minh Anh', initials: 'MA', role: 'desk', color: '#204080' };

/** The Review screen (the Open package view shares its look, not its role). */
const details = (page: Page) => page.getByRole('complementary', { name: 'Thông tin bài' });
const review = (page: Page) => page.locator('.review-view:not(.open-package-view)');

async function openPackage(page: Page, file: string): Promise<void> {
  await page.keyboard.press('Control+Shift+O');
  await page.locator('.open-package-view').getByLabel('Chọn tệp .newsroom').setInputFiles(file);
}

async function openKeys(page: Page): Promise<void> {
  if (await page.locator('.open-package-view').isVisible()) await page.keyboard.press('Escape');
  if (!(await review(page).isVisible())) await page.keyboard.press('Control+Alt+R');
  await review(page).getByRole('tab', { name: 'Khoá ký' }).click();
}

test('an approval from an untrusted key is only claimed; trusting the key on the Keys tab makes the next package count', async ({ page, app }) => {
  test.setTimeout(90_000);
  app.core.review.people.setLocal(DESK);
  // The editor's machine approves an article and sends it.
  const editorCore = createCore({ databasePath: join(app.dir, 'editor.db'), host: 'browser' });
  let fingerprint: string;
  const file = join(app.dir, 'da-duyet.newsroom');
  let id: string;
  try {
    editorCore.review.people.setLocal(EDITOR);
    const created = await editorCore.call('createArticle', { document: documentToStored(createDocument({ headline: 'Bài đã duyệt', paragraphs: ['Nội dung.'], authors: ['Thu Hà'] })) });
    if (!created.ok) throw new Error(created.error.message);
    id = (created.value as { meta: { id: string } }).meta.id;
    for (const to of ['submitted', 'in_edit', 'approved'] as const) editorCore.review.changeStatus({ id, to });
    const packed = await editorCore.call('createHandoffPackage', { id, purpose: 'desk' });
    if (!packed.ok) throw new Error(packed.error.message);
    writeFileSync(file, Buffer.from((packed.value as { data: string }).data, 'base64'));
    fingerprint = editorCore.review.ownKeys.ensure(editorCore.review.people.local()!.id).fingerprint;
  } finally {
    editorCore.close();
  }

  await openPackage(page, file);
  const toast = page.locator('.toast', { hasText: 'Đã nhận bài mới từ Thu Hà.' });
  await expect(toast).toContainText(`Ký bằng khoá ${groupFingerprint(fingerprint)}, chưa tin cậy trên máy này (gói ghi là của Thu Hà, Biên tập viên).`);
  await expect(toast).toContainText('Đã duyệt (theo gói chưa tin cậy).');
  expect(app.core.articles.get(id).meta.status).toBe('in_edit');
  await expect(details(page).locator('.status-claimed')).toContainText('Đã duyệt (theo gói chưa tin cậy)');

  // The Review screen shows the claim beside the status, and lists the key as seen.
  await page.keyboard.press('Control+Alt+R');
  await review(page).getByRole('tab', { name: 'Trạng thái' }).click();
  await expect(review(page).locator('.review-claimed')).toContainText('Đã duyệt (theo gói chưa tin cậy)');
  await openKeys(page);
  const keys = review(page).locator('.review-keys');
  const seenItem = keys.locator('li', { hasText: groupFingerprint(fingerprint) });
  await expect(seenItem).toContainText('gói ghi là của Thu Hà (Biên tập viên)');
  await seenItem.getByRole('button', { name: 'Tin khoá này…' }).click();
  const form = keys.getByRole('form', { name: `Tin khoá ${groupFingerprint(fingerprint)} là của` });
  await expect(form.getByLabel('Tên')).toHaveValue('Thu Hà');
  await expect(form.getByLabel('Vai trò')).toHaveValue('editor');
  await form.getByRole('button', { name: 'Tin cậy' }).click();
  await expect(page.locator('.toast', { hasText: 'Đã tin khoá của Thu Hà.' })).toBeVisible();
  await expect(keys.locator('li', { hasText: groupFingerprint(fingerprint) }).getByRole('button', { name: 'Thôi tin' })).toBeVisible();
  expect(app.core.review.knownKeys.trustedAs(fingerprint)).toEqual({ name: 'Thu Hà', role: 'editor' });

  // The same package, opened again, now counts.
  await openPackage(page, file);
  await expect(page.locator('.toast', { hasText: `Ký bởi Thu Hà (Biên tập viên), khoá đã tin cậy ${groupFingerprint(fingerprint)}.` })).toBeVisible();
  await expect(page.locator('.open-package-view .review-signer')).toContainText('Trạng thái trên máy này: Đã duyệt');
  await expect.poll(() => app.core.articles.get(id).meta.status).toBe('approved');
  await page.keyboard.press('Escape');
  await expect(details(page).getByLabel('Trạng thái')).toHaveValue('approved');
  await expect(details(page).locator('.status-claimed')).toHaveCount(0);

  // Untrusting puts it back among the seen keys.
  await openKeys(page);
  await keys.locator('li', { hasText: groupFingerprint(fingerprint) }).getByRole('button', { name: 'Thôi tin' }).click();
  await expect(keys.locator('li', { hasText: groupFingerprint(fingerprint) }).getByRole('button', { name: 'Tin khoá này…' })).toBeVisible();
  expect(app.core.review.knownKeys.trustedAs(fingerprint)).toBeNull();
});
