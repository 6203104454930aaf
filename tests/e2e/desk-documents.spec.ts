/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { unzipSync } from 'fflate';
import { importMediaBytes } from '../../src/main/core/media/import';
import { createDocument, documentToStored } from '../../src/shared/document';
import { schema } from '../../src/shared/schema';
import { DESK } from '../support/workflow';
import { expect, test, type Page } from './fixtures';
import type { AppFixture } from './fixtures';
import { createThroughApi, editor, selectText, waitSaved } from './helpers';
import { screenshotPath } from './screenshots';

/** axe-core's findings on the whole window, as rule id and the elements it names. */
async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

const t = (s: string) => (s ? [schema.text(s)] : []);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** An article with every printed part: section, agency tag and place, sapo, body, a photo with caption and credit, two authors. */
async function createPrintableArticle(app: AppFixture, page: Page): Promise<string> {
  const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#5a7d9a' } }).jpeg().toBuffer();
  const { media } = await importMediaBytes(app.core.media, photo, 'lop-hoc.jpg');
  const doc = schema.node('doc', null, [
    schema.node('headline', null, t('Từng bước đáp ứng yêu cầu của nền hành chính hiện đại')),
    schema.node('lead', null, t('Những năm qua, tỉnh tập trung xây dựng đội ngũ cán bộ có năng lực.')),
    schema.node('body', null, [
      schema.node('paragraph', null, t('Theo đó, công tác đào tạo bồi dưỡng được tỉnh quan tâm triển khai.')),
      schema.node('figure', { mediaId: media.id, alt: 'Lớp học' }, [schema.node('caption', null, t('Một giờ học tiếng Mông của cán bộ xã.')), schema.node('credit', null, t('Tiến Thành'))]),
      schema.node('paragraph', null, t('Có thể khẳng định, công tác đào tạo đã góp phần quan trọng.')),
    ]),
    schema.node('byline', null, [schema.node('author', null, t('Tiến Thành')), schema.node('author', null, t('Minh Anh'))]),
  ]);
  await createThroughApi(page, app, { document: documentToStored(createDocument({ headline: 'Bài khác trong danh sách' })) });
  return createThroughApi(page, app, {
    meta: { section: 'Chính trị', datelinePlace: 'Lai Châu', agencyTag: 'BLC', publishedAt: '2016-06-10T16:36:00+07:00' },
    document: documentToStored(doc),
  });
}

test('File → Print lays out only the article as the paper prints it, with none of the app around it', async ({ page, app }) => {
  await createPrintableArticle(app, page);
  await page.locator('.row-open', { hasText: 'Từng bước' }).click();
  await expect(editor(page)).toBeVisible();
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await page.keyboard.press('Control+p');
  await expect(page.locator('body[data-printed="yes"] .print-root img')).toHaveJSProperty('complete', true);

  const pdf = join(app.dir, 'bai.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4' }));
  const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
  for (const part of [
    'CHÍNH TRỊ',
    'Từng bước đáp ứng yêu cầu của nền hành chính hiện đại',
    'Thứ sáu, 10/06/2016, 16:36 [GMT+7]',
    'Lai Châu (BLC) – Những năm qua, tỉnh tập trung xây dựng đội ngũ cán bộ có năng lực.',
    'Theo đó, công tác đào tạo bồi dưỡng được tỉnh quan tâm triển khai.',
    'Một giờ học tiếng Mông của cán bộ xã. (Ảnh: Tiến Thành)',
    'Có thể khẳng định, công tác đào tạo đã góp phần quan trọng.',
    'Tiến Thành, Minh Anh',
  ]) {
    expect(text).toContain(part);
  }
  // The page number at the foot of the page ("1 / 1").
  expect(text).toMatch(/Minh Anh 1 ?\/ ?1$/);
  // None of the app: menus, toolbar, the article list, the details panel, the status bar.
  for (const chrome of ['Tệp', 'Bài mới', 'Bài khác trong danh sách', 'Đã lưu', 'Chuyên mục', 'Tít bài', 'Newsroom']) expect(text).not.toContain(chrome);
  // The screen itself is unchanged while the layout waits for the print dialog.
  await expect(page.locator('.print-root')).toBeHidden();
  await expect(editor(page)).toBeVisible();
});

test('a new article from the interview template has its parts and details; the desk edits the template and the next article uses it', async ({ page, app }) => {
  await expect(page.locator('.article-list')).toContainText('Chưa có bài nào.');
  await page.keyboard.press('Control+Alt+n');
  await expect(page.getByRole('heading', { name: 'Tạo bài theo mẫu' })).toBeVisible();
  const cards = page.locator('.template-card');
  await expect(cards).toHaveCount(4);
  await expect(cards.nth(1)).toContainText('Phỏng vấn');
  await expect(cards.nth(1)).toContainText('800–1200 chữ · Thời sự · phỏng vấn');
  await page.screenshot({ path: screenshotPath('screenshot-templates.png') });
  expect(await axeViolations(page)).toEqual([]);

  await cards.filter({ hasText: 'Phỏng vấn' }).click();
  await expect(editor(page)).toBeVisible();
  await expect(editor(page).locator('h3')).toHaveText(['PV:', 'PV:', 'PV:']);
  await expect(page.getByLabel('Chuyên mục')).toHaveValue('Thời sự');
  const first = (await app.core.articles.list({ limit: 10, offset: 0 })).items[0]!;
  expect(app.core.articles.get(first.id).meta).toMatchObject({ section: 'Thời sự', tags: ['phỏng vấn'], lengthTarget: { min: 800, max: 1200 } });

  // Without a desk profile the Templates screen is read-only and says why.
  await page.getByRole('menuitem', { name: 'Công cụ' }).click();
  await page.getByRole('menuitem', { name: 'Mẫu bài…' }).click();
  await expect(page.locator('.templates-desk-only')).toHaveText('Chỉ hồ sơ thư ký toà soạn mới sửa được mẫu bài. Bạn vẫn dùng được các mẫu.');
  await expect(page.getByLabel('Tên mẫu')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Lưu mẫu' })).toHaveCount(0);
  await page.getByRole('button', { name: /Quay lại bài viết/ }).click();

  // The desk writes a model interview, then makes it the template.
  app.core.review.people.setLocal(DESK);
  await editor(page).locator('.nr-lead').click();
  await page.keyboard.type('Khách mời tuần này là một cán bộ xã vùng cao.');
  await waitSaved(page);
  await page.getByRole('menuitem', { name: 'Công cụ' }).click();
  await page.getByRole('menuitem', { name: 'Mẫu bài…' }).click();
  await page.locator('.templates-names').getByRole('button', { name: 'Phỏng vấn' }).click();
  await page.getByLabel('Tên mẫu').fill('Phỏng vấn cuối tuần');
  await page.getByLabel('Chuyên mục').fill('Cuối tuần');
  await page.getByLabel('Nhiều nhất (chữ)').fill('1500');
  await page.getByLabel('Lấy tít, sapo và nội dung từ bài đang mở').check();
  await page.getByRole('button', { name: 'Lưu mẫu' }).click();
  await expect(page.locator('.templates-names')).toContainText('Phỏng vấn cuối tuần');
  expect(await axeViolations(page)).toEqual([]);

  await page.keyboard.press('Control+Alt+n');
  await page.locator('.template-card', { hasText: 'Phỏng vấn cuối tuần' }).click();
  await expect(editor(page).locator('.nr-lead')).toHaveText('Khách mời tuần này là một cán bộ xã vùng cao.');
  await expect(page.getByLabel('Chuyên mục')).toHaveValue('Cuối tuần');
  await expect(editor(page).locator('h3')).toHaveText(['PV:', 'PV:', 'PV:']);
  await expect(editor(page).locator('.nr-author')).toHaveText(['']);
});

/** The first body paragraph whose text shows at the top of the editor's scrolling area. */
function firstVisibleParagraph(page: Page): Promise<string> {
  return page.locator('.editor-scroll').evaluate((scroller) => {
    const top = scroller.getBoundingClientRect().top;
    const p = Array.from(scroller.querySelectorAll('.nr-body > p')).find((el) => el.getBoundingClientRect().bottom > top + 1);
    return p?.textContent ?? '';
  });
}

test('the last article comes back after a restart with its caret and scroll position; File → Recent lists what was opened', async ({ page, app }) => {
  const paragraphs = Array.from({ length: 60 }, (_, i) => `Đoạn số ${i + 1} của bài dài, kể về công tác đào tạo cán bộ ở xã vùng cao Lai Châu.`);
  await createThroughApi(page, app, { document: documentToStored(createDocument({ headline: 'Bài mở trước', paragraphs: ['Một đoạn.'] })) });
  await createThroughApi(page, app, { document: documentToStored(createDocument({ headline: 'Bài dài về đào tạo', paragraphs })) });
  await page.locator('.row-open', { hasText: 'Bài mở trước' }).click();
  await expect(editor(page).locator('.nr-headline')).toHaveText('Bài mở trước');
  await page.locator('.row-open', { hasText: 'Bài dài về đào tạo' }).click();
  await expect(editor(page).locator('.nr-headline')).toHaveText('Bài dài về đào tạo');

  // Caret inside paragraph 31, after "Đoạn số 31"; then the reader scrolls elsewhere.
  await selectText(page, 'Đoạn số 31');
  await page.keyboard.press('ArrowRight');
  await page.locator('.editor-scroll').evaluate((el) => el.scrollTo(0, 700));
  // Stored once it matches where the window is (the browser may nudge scrollTop as the counts line settles).
  await expect
    .poll(() =>
      page.evaluate(() => {
        const stored = Object.entries(localStorage).find(([k]) => k.startsWith('newsroom.resume.'))?.[1];
        const scrollTop = document.querySelector('.editor-scroll')!.scrollTop;
        return stored ? (JSON.parse(stored) as { scrollTop: number }).scrollTop === scrollTop && scrollTop >= 700 : false;
      }),
    )
    .toBe(true);
  const before = await firstVisibleParagraph(page);
  expect(before).toMatch(/^Đoạn số \d+ /);
  expect(before).not.toMatch(/^Đoạn số 1 /);

  await app.restart();
  await page.reload();
  await expect(editor(page).locator('.nr-headline')).toHaveText('Bài dài về đào tạo');
  // The same paragraph is at the top of the window (the browser may shift scrollTop to keep it there as the counts line appears).
  await expect.poll(() => firstVisibleParagraph(page)).toBe(before);
  const caret = await page.evaluate(() => {
    const s = getSelection()!;
    return { collapsed: s.isCollapsed, before: s.anchorNode!.textContent!.slice(0, s.anchorOffset), focused: document.activeElement?.classList.contains('nr-editor') };
  });
  expect(caret).toEqual({ collapsed: true, before: 'Đoạn số 31', focused: true });

  await page.getByRole('menuitem', { name: 'Tệp' }).click();
  await page.getByRole('menuitem', { name: 'Bài mở gần đây…' }).click();
  await expect(page.locator('.recent-list button')).toHaveText(['Bài dài về đào tạo', 'Bài mở trước']);
  expect(await axeViolations(page)).toEqual([]);
  await page.locator('.recent-list button', { hasText: 'Bài mở trước' }).click();
  await expect(editor(page).locator('.nr-headline')).toHaveText('Bài mở trước');

  // One moved to the bin since stays listed, greyed out.
  const longId = (await app.core.articles.list({ limit: 10, offset: 0 })).items.find((a) => a.headline === 'Bài dài về đào tạo')!.id;
  app.core.articles.setDeleted(longId, true);
  await page.getByRole('menuitem', { name: 'Tệp' }).click();
  await page.getByRole('menuitem', { name: 'Bài mở gần đây…' }).click();
  await expect(page.locator('.recent-list button')).toHaveText(['Bài mở trước', 'Bài dài về đào tạo']);
  await expect(page.locator('.recent-list button', { hasText: 'Bài dài về đào tạo' })).toBeDisabled();
  await expect(page.locator('.recent-list li').nth(1)).toContainText('Bài đã bị xoá hoặc chuyển vào thùng rác.');
});

test('File → Export Word writes the .docx into the folder typed, and refuses a file there it did not write', async ({ page, app }) => {
  await createPrintableArticle(app, page);
  await page.locator('.row-open', { hasText: 'Từng bước' }).click();
  await expect(editor(page)).toBeVisible();
  await page.getByRole('menuitem', { name: 'Tệp' }).click();
  await page.getByRole('menuitem', { name: 'Xuất Word…' }).click();
  const folder = join(app.dir, 'gui-luat-su');
  await page.getByLabel('Thư mục lưu tệp').fill(folder);
  await page.getByRole('button', { name: 'Xuất tệp Word' }).click();
  const path = join(folder, 'tung-buoc-dap-ung-yeu-cau-cua-nen-hanh-chinh-hien-dai.docx');
  await expect(page.locator('.word-export-done')).toHaveText(`Đã lưu tệp Word: ${path}`);
  const xml = new TextDecoder().decode(unzipSync(readFileSync(path))['word/document.xml']);
  expect(xml).toContain('Từng bước đáp ứng yêu cầu của nền hành chính hiện đại');
  expect(await axeViolations(page)).toEqual([]);

  writeFileSync(path, 'bản có ghi chú của luật sư');
  await page.getByRole('button', { name: 'Xuất tệp Word' }).click();
  await expect(page.locator('.word-export-view [role="alert"]')).toContainText('Newsroom không viết ra');
  expect(readFileSync(path, 'utf8')).toBe('bản có ghi chú của luật sư');
  expect(existsSync(folder)).toBe(true);
});

test('an article deleted while open is not reopened at the next launch', async ({ page, app }) => {
  await createThroughApi(page, app, { document: documentToStored(createDocument({ headline: 'Bài sẽ bị xoá', paragraphs: ['Một đoạn.'] })) });
  await page.locator('.row-open', { hasText: 'Bài sẽ bị xoá' }).click();
  await expect(editor(page).locator('.nr-headline')).toHaveText('Bài sẽ bị xoá');
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('newsroom.resume.')))).toBe(true);
  await page.getByRole('button', { name: 'Xoá bài “Bài sẽ bị xoá”' }).click();
  await expect(page.locator('.empty-state')).toBeVisible();
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('newsroom.resume.')))).toBe(false);

  // Nothing is left that the next launch would reopen.
  await app.restart();
  await page.reload();
  // Nothing is reopened: the window shows the first-run choices of an empty list.
  await expect(page.locator('.empty-state')).toContainText('Viết bài mới');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('newsroom.resume.')))).toEqual([]);
});
