import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Page } from './fixtures';
import { createCore } from '../../src/main/core/core';
import { createDocument, documentToStored } from '../../src/shared/document';

/**
 * The desktop shell hands the page each `.newsroom` file the system asked the app
 * to open (src/main/shell/open-files.ts, through the preload's `onOpenFile`). The
 * browser host has no shell, so the page gets a stand-in bridge carrying only
 * that subscription, and the test plays the shell's part.
 */
async function withStandInShell(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { newsroom: unknown; __shellHands: (file: unknown) => void };
    let listener: ((file: unknown) => void) | null = null;
    w.newsroom = {
      host: 'shell-stand-in',
      onMenuCommand: () => () => {},
      onOpenFile: (l: (file: unknown) => void) => ((listener = l), () => (listener = null)),
    };
    w.__shellHands = (file) => listener?.(file);
  });
  await page.reload();
}

async function shellHands(page: Page, file: { name: string; bytes?: Buffer; problem?: string }): Promise<void> {
  await page.evaluate(
    ({ name, data, problem }) => {
      const w = window as unknown as { __shellHands: (file: unknown) => void };
      w.__shellHands(data !== undefined ? { name, data: Uint8Array.from(atob(data), (c) => c.charCodeAt(0)) } : { name, problem });
    },
    { name: file.name, data: file.bytes?.toString('base64'), problem: file.problem },
  );
}

test('a .newsroom file the system hands the app opens through File → Open package', async ({ page, app }) => {
  app.core.review.people.setLocal({ displayName: 'Tiến Thành', initials: 'TT', role: 'reporter', color: '#1a7f5a' });
  const other = createCore({ databasePath: join(app.dir, 'editor.db'), host: 'browser' });
  let packagePath: string;
  try {
    other.review.people.setLocal({ displayName: 'Thu Hà', initials: 'TH', role: 'editor', color: '#7a3b9c' });
    const created = await other.call('createArticle', { document: documentToStored(createDocument({ headline: 'Bài mở bằng nhấp đúp', paragraphs: ['Đoạn một.'], authors: ['Thu Hà'] })) });
    if (!created.ok) throw new Error(created.error.message);
    const packed = await other.call('createHandoffPackage', { id: (created.value as { meta: { id: string } }).meta.id, purpose: 'review' });
    if (!packed.ok) throw new Error(packed.error.message);
    packagePath = join(app.dir, 'bai-mo-bang-nhap-dup.newsroom');
    writeFileSync(packagePath, Buffer.from((packed.value as { data: string }).data, 'base64'));
  } finally {
    other.close();
  }
  await withStandInShell(page);

  // A file that was moved away before the app could read it: the Open package view says so.
  await shellHands(page, { name: 'da-xoa.newsroom', problem: 'missing' });
  const view = page.locator('.open-package-view');
  await expect(view.getByRole('heading', { name: 'Mở gói bài nhận được' })).toBeVisible();
  await expect(view.getByRole('alert')).toHaveText('Không mở được gói “da-xoa.newsroom”: không tìm thấy tệp (có thể đã bị chuyển đi hoặc xoá)');

  // The package itself: brought in, announced, and its article opened.
  await shellHands(page, { name: 'bai-mo-bang-nhap-dup.newsroom', bytes: readFileSync(packagePath) });
  await expect(page.locator('.toast', { hasText: 'Đã nhận bài mới từ Thu Hà.' })).toBeVisible();
  await expect(page.locator('.nr-editor .nr-headline')).toHaveText('Bài mở bằng nhấp đúp');
  expect(app.core.articles.list({ limit: 10, offset: 0 }).items.map((a) => a.headline)).toEqual(['Bài mở bằng nhấp đúp']);
});
