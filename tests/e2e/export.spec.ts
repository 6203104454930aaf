import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect, type AppFixture } from './fixtures';
import { createExportService } from '../../src/main/core/export/handlers';
import { importMediaBytes } from '../../src/main/core/media/import';
import { documentToStored } from '../../src/shared/document';
import { buildDoc, makePhoto, type ArticleSpec } from '../unit/export-fixtures';
import { DESK } from '../support/workflow';

async function addArticle(app: AppFixture, spec: ArticleSpec, meta: Record<string, unknown>) {
  return app.core.articles.create({ meta: { section: 'Xã hội', tags: ['Lai Châu'], publishedAt: '2016-06-10T16:36:00+07:00', lengthTarget: {}, ...meta }, document: documentToStored(buildDoc(spec)) });
}

async function photoId(app: AppFixture, width = 1800, height = 1200, seed = 1): Promise<string> {
  const bytes = await makePhoto(app.dir, { width, height, seed });
  return (await importMediaBytes(app.core.media, bytes, `anh-${seed}.jpg`)).media.id;
}

test('exported pages have no axe-core violations and make no outside requests', async ({ page, app }) => {
  test.setTimeout(120_000);
  app.core.review.people.setLocal(DESK); // publishing is the desk's move
  const first = await photoId(app);
  const second = await photoId(app, 1300, 1800, 2);
  const articles = [
    await addArticle(
      app,
      {
        headline: 'Từng bước đáp ứng yêu cầu của nền hành chính hiện đại',
        lead: 'Để từng bước xây dựng nền hành chính hiện đại, tỉnh Lai Châu tập trung xây dựng đội ngũ cán bộ.',
        blocks: ['Theo đó, công tác đào tạo được quan tâm.', { figure: { mediaId: first, caption: 'Một giờ học tiếng Mông.', credit: 'Ảnh: Tiến Thành', alt: 'Lớp học tiếng Mông' } }, { quote: '“Năm 2015, tôi được điều động về xã.”' }, { heading: 'Kết quả' }, { link: { text: 'báo cáo', href: 'https://example.org/bao-cao' } }],
        authors: ['Tiến Thành'],
      },
      { status: 'approved', publishedAt: null },
    ),
    await addArticle(
      app,
      { headline: '</script> "Tít" & <b>thử</b>', lead: '<!-- dẫn -->', blocks: [{ figure: { mediaId: second, caption: 'Ảnh dọc " onerror="x', credit: 'Ảnh: B' } }, 'Đoạn.'], authors: ['<Hà>', 'Vy'] },
      { slug: 'bai-doc-hai', datelinePlace: 'Lai Châu' },
    ),
    await addArticle(app, { headline: 'Training officials', lead: 'Lai Chau trains its officials.', blocks: ['Body.'], authors: ['Tien Thanh'] }, { slug: 'training-officials', language: 'en', agencyTag: '' }),
  ];
  const service = createExportService(app.core);
  const out = join(app.dir, 'bundles');
  const paths: string[] = [];
  for (const [i, a] of articles.entries()) {
    const r = await service.exportArticle(a.meta.id, { outDir: out, zip: false, profile: service.profiles.get('default'), publish: i === 0 });
    expect(r.ok, JSON.stringify(r.blocking)).toBe(true);
    paths.push(join(r.path!, 'index.html'));
  }
  const outside: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith('file:') && !req.url().startsWith('data:')) outside.push(req.url());
  });
  for (const path of paths) {
    await page.goto(pathToFileURL(path).href);
    await expect(page.locator('h1')).toBeVisible();
    await page.locator('img').evaluateAll((imgs) => Promise.all(imgs.map((img) => (img as unknown as { decode(): Promise<void> }).decode().catch(() => undefined))));
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), path).toEqual([]);
    // Phones: the page fits a narrow screen without sideways scrolling.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  expect(outside).toEqual([]);
});

test('the Export view shows preflight and the real page, then publishes with progress', async ({ page, app }) => {
  test.setTimeout(120_000);
  app.core.review.people.setLocal(DESK); // publishing is the desk's move
  const mediaId = await photoId(app);
  const ready = await addArticle(
    app,
    {
      headline: 'Đào tạo cán bộ ở Lai Châu',
      lead: 'Tỉnh tập trung xây dựng đội ngũ cán bộ.',
      blocks: ['Đoạn một.', { figure: { mediaId, caption: 'Lớp học.', credit: 'Ảnh: Tiến Thành', alt: 'Lớp học' } }],
      authors: ['Tiến Thành'],
    },
    { status: 'approved', publishedAt: null, slug: 'dao-tao-can-bo' },
  );
  const waiting = await addArticle(
    app,
    { headline: 'Bài chờ ảnh', lead: 'Dẫn.', blocks: ['Đoạn.', { figure: { mediaId: null, caption: 'Chú thích chờ ảnh', credit: 'Ảnh: A' } }], authors: ['A'] },
    { status: 'approved', slug: 'bai-cho-anh' },
  );
  await page.reload();

  // An article whose caption still waits for its photo: preflight blocks it.
  // The view is opened while the article is still loading (held back here), as
  // a quick desk does: the scope must follow the article once it arrives.
  let releaseArticle = (): void => undefined;
  const articleHeld = new Promise<void>((resolve) => (releaseArticle = resolve));
  await page.route('**/api/getArticle', async (route) => {
    await articleHeld;
    await route.continue();
  });
  await page.locator('.article-row', { hasText: 'Bài chờ ảnh' }).locator('.row-open').click();
  await page.keyboard.press('Control+Shift+E');
  await expect(page.locator('.export-view')).toBeVisible();
  releaseArticle();
  const view = page.locator('.export-view');
  await expect(view.getByText('Có lỗi phải sửa trước khi xuất.')).toBeVisible();
  await expect(view.locator('.export-issues.error li')).toContainText(['Ảnh 1 chưa có tệp ảnh (chú thích đang chờ ảnh).']);
  await view.getByLabel('Thư mục đích').fill(join(app.dir, 'xuat'));
  await expect(view.getByRole('button', { name: 'Xuất thử (không đăng)' })).toBeDisabled();

  // A ready article: its real index.html in a sandboxed frame, then publish.
  await page.getByRole('button', { name: /Quay lại bài viết/ }).click();
  await page.locator('.article-row', { hasText: 'Đào tạo cán bộ ở Lai Châu' }).locator('.row-open').click();
  await page.keyboard.press('Control+Shift+E');
  await expect(view.getByText('Không có lỗi nào chặn việc xuất.')).toBeVisible();
  const frame = view.locator('iframe.export-frame');
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(frame.contentFrame().locator('h1')).toHaveText('Đào tạo cán bộ ở Lai Châu');
  await expect(frame.contentFrame().locator('.lead')).toHaveText('(BLC) – Tỉnh tập trung xây dựng đội ngũ cán bộ.');
  expect(await frame.contentFrame().locator('img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
  await expect(view.getByLabel('Thư mục đích')).toHaveValue(join(app.dir, 'xuat'));
  await view.getByLabel(/Xuất bản bài đã duyệt/).check();
  // Publishing asks first, naming the article; the desk confirms.
  page.once('dialog', (d) => void d.accept());
  await view.getByRole('button', { name: 'Xuất bản', exact: true }).click();
  await expect(view.getByRole('status').filter({ hasText: 'Xong' })).toHaveText('Xong: 1 bài đã xuất, 0 bài lỗi.');
  await expect(view.locator('progress')).toHaveAttribute('value', '1');
  await expect(view.locator('.export-results li.ok')).toContainText('Đã xuất bản');
  expect(app.core.articles.get(ready.meta.id).meta.status).toBe('published');
  expect(existsSync(join(app.dir, 'xuat', 'dao-tao-can-bo', 'index.html'))).toBe(true);

  // Batch: all approved articles; the blocked one fails, the index lists the rest.
  await view.getByLabel(/Tất cả bài đã duyệt/).check();
  page.once('dialog', (d) => void d.accept());
  await view.getByRole('button', { name: /Xuất \d+ bài/ }).click();
  await expect(view.getByRole('status').filter({ hasText: 'Xong' })).toHaveText('Xong: 0 bài đã xuất, 1 bài lỗi.');
  await expect(view.locator('.export-results li.failed')).toContainText('Ảnh 1 chưa có tệp ảnh');
  const index = JSON.parse(readFileSync(join(app.dir, 'xuat', 'index.json'), 'utf8'));
  expect(index.articles).toEqual([]);
  expect(app.core.articles.get(waiting.meta.id).meta.status).toBe('approved');

  // The frame's page itself is judged in the test above.
  const axe = await new AxeBuilder({ page }).include('.export-view').exclude('iframe.export-frame').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test('the desk edits the publication profile; a new version is saved and the preview follows it', async ({ page, app }) => {
  await addArticle(app, { headline: 'Tin ngắn', lead: 'Dẫn đề.', blocks: ['Một đoạn.'], authors: ['Tiến Thành'] }, { status: 'approved', slug: 'tin-ngan' });
  await page.reload();
  await page.locator('.article-row', { hasText: 'Tin ngắn' }).locator('.row-open').click();
  await page.keyboard.press('Control+Shift+E');
  const view = page.locator('.export-view');
  const frame = view.locator('iframe.export-frame').contentFrame();
  await expect(frame.locator('header.site')).toHaveText('Báo Lai Châu');
  await view.getByRole('button', { name: 'Sửa cấu hình…' }).click();
  await view.getByLabel('CSS bổ sung (không được tải gì từ bên ngoài)').fill('body{background:url(https://x.example/a.png)}');
  // Said while typing, and not saved.
  await expect(view.getByRole('alert')).toHaveText('CSS không được dùng url(): trang xuất không tải gì từ bên ngoài (url(), image-set() và các hàm tương tự bị từ chối).');
  await expect(view.getByRole('button', { name: 'Lưu thành phiên bản mới' })).toBeDisabled();
  await view.getByLabel('CSS bổ sung (không được tải gì từ bên ngoài)').fill('body{background:image-set("https://x.example/a.png" 1x)}');
  await expect(view.getByRole('alert')).toContainText('CSS không được dùng image-set()');
  await view.getByLabel('CSS bổ sung (không được tải gì từ bên ngoài)').fill('h1{color:#102030}');
  await view.getByLabel('Tên báo').fill('Báo Lai Châu điện tử');
  await view.getByLabel('Hai dấu cách liền nhau').check();
  await view.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
  await expect(view.getByLabel('Cấu hình xuất bản')).toContainText('Báo Lai Châu điện tử (phiên bản 1)');
  await expect(frame.locator('header.site')).toHaveText('Báo Lai Châu điện tử');
  const saved = app.core.db.prepare("SELECT profile FROM publication_profiles WHERE name = 'default' AND version = 1").get() as { profile: string };
  expect(JSON.parse(saved.profile)).toMatchObject({ siteName: 'Báo Lai Châu điện tử', css: 'h1{color:#102030}', blockingWarnings: ['double_space'] });
});

test('the Export view checks and shows what was typed a moment ago, not an older copy', async ({ page, app }) => {
  await addArticle(app, { headline: 'Bài vừa sửa', lead: 'Dẫn.', blocks: ['Đoạn một.'], authors: ['A'] }, { slug: 'bai-vua-sua' });
  await page.reload();
  await page.locator('.article-row', { hasText: 'Bài vừa sửa' }).locator('.row-open').click();
  await page.locator('.nr-lead').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Vừa gõ xong.');
  // At once, well inside autosave's delay.
  await page.keyboard.press('Control+Shift+E');
  const frame = page.locator('.export-view iframe.export-frame');
  await expect(frame.contentFrame().locator('.lead')).toContainText('Dẫn. Vừa gõ xong.');
});

test("the Export view refuses a folder of the user's own files, in Vietnamese, and leaves them", async ({ page, app }) => {
  await addArticle(app, { headline: 'Bài xuất thử', lead: 'Dẫn.', blocks: ['Đoạn một.'], authors: ['A'] }, { slug: 'bai-xuat-thu' });
  const out = join(app.dir, 'xuat');
  const mine = join(out, 'bai-xuat-thu');
  mkdirSync(mine, { recursive: true });
  writeFileSync(join(mine, 'ghi-chu.txt'), 'ghi chú riêng của phóng viên');
  await page.reload();
  await page.locator('.article-row', { hasText: 'Bài xuất thử' }).locator('.row-open').click();
  await page.keyboard.press('Control+Shift+E');
  const view = page.locator('.export-view');
  await expect(view.getByText('Không có lỗi nào chặn việc xuất.')).toBeVisible();
  await view.getByLabel('Thư mục đích').fill(out);
  await view.getByRole('button', { name: 'Xuất thử (không đăng)' }).click();
  await expect(view.getByRole('status').filter({ hasText: 'Xong' })).toHaveText('Xong: 0 bài đã xuất, 1 bài lỗi.');
  await expect(view.locator('.export-results li.failed')).toContainText(
    `${mine} đã có sẵn và chứa tệp không do Newsroom ghi, nên không bị ghi đè; hãy chuyển nó đi chỗ khác hoặc chọn thư mục đích khác.`,
  );
  expect(readdirSync(mine)).toEqual(['ghi-chu.txt']);
  expect(readFileSync(join(mine, 'ghi-chu.txt'), 'utf8')).toBe('ghi chú riêng của phóng viên');
});
