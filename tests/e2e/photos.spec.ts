import { test, expect, type Page } from './fixtures';
import { tempDir } from '../support/temp';
import { makeJpeg, PDF_RENAMED, pngBomb, withMetadata } from '../support/photos';
import { editor, startNewArticle, typeParts, waitSaved } from './helpers';

/**
 * Photos end to end in the browser host: insert by file chooser, drop and paste;
 * caption and credit prefilled from IPTC (written in NFD); edit; move; remove; undo;
 * lead image; alt text; reload and everything is still there.
 */

const figures = (page: Page) => editor(page).locator('figure.nr-figure');

const CAPTION = 'Một giờ học tiếng Mông của cán bộ, công chức, viên chức trong tỉnh';

interface Photo {
  name: string;
  bytes: Buffer;
}

let photos: { lead: Photo; second: Photo; small: Photo };

test.beforeAll(async () => {
  const { dir, cleanup } = tempDir('newsroom-photos-e2e-');
  try {
    photos = {
      lead: {
        name: 'tieng-mong.jpg',
        bytes: withMetadata(await makeJpeg({ width: 2400, height: 1600 }), dir, {
          caption: CAPTION.normalize('NFD'),
          byline: 'Tiến Thành'.normalize('NFD'),
          gps: { lat: 22.39, lon: 103.45 },
        }),
      },
      second: {
        name: 'hoi-nghi.jpg',
        bytes: withMetadata(await makeJpeg({ width: 2000, height: 1500, color: '#357' }), dir, {
          caption: 'Hội nghị tổng kết công tác đào tạo',
          byline: 'Minh Anh',
          credit: 'Báo Lai Châu',
        }),
      },
      small: { name: 'nho.jpg', bytes: await makeJpeg({ width: 800, height: 600, color: '#733' }) },
    };
  } finally {
    cleanup();
  }
});

async function newArticleWithText(page: Page): Promise<void> {
  await startNewArticle(page);
  await typeParts(page, ['Đào tạo cán bộ ở Lai Châu', 'Sapo ngắn.', 'Đoạn một.', 'Đoạn hai.']);
}

/** Put the caret at the very end of a (possibly wrapped) text block. */
async function clickAtEnd(block: ReturnType<Page['locator']>): Promise<void> {
  const box = (await block.boundingBox())!;
  await block.click({ position: { x: box.width - 1, y: box.height - 2 } });
  await block.page().keyboard.press('End');
}

/** Insert → "Chèn ảnh…" and answer the file chooser. */
async function insertByFileChooser(page: Page, files: Photo[], from: 'menu' | 'toolbar' = 'menu'): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  if (from === 'toolbar') {
    await page.getByRole('toolbar').getByRole('button', { name: 'Chèn ảnh…' }).click();
  } else {
    await page.getByRole('menuitem', { name: 'Chèn', exact: true }).click();
    await page.locator('[data-menu-item="feature-insert-photo"]').click();
  }
  await (await chooser).setFiles(files.map((f) => ({ name: f.name, mimeType: 'image/jpeg', buffer: f.bytes })));
}

/** Fire a real drop event carrying files at the middle of `target`. */
async function dropFiles(page: Page, selector: string, files: Photo[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, base64: f.bytes.toString('base64') }));
  await page.locator(selector).first().evaluate((target, items) => {
    const dt = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], item.name, { type: item.name.endsWith('.pdf') ? 'application/pdf' : 'image/jpeg' }));
    }
    const box = target.getBoundingClientRect();
    const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height - 2, bubbles: true, cancelable: true, dataTransfer: dt };
    target.dispatchEvent(new DragEvent('dragenter', at));
    target.dispatchEvent(new DragEvent('dragover', at));
    target.dispatchEvent(new DragEvent('drop', at));
  }, payload);
}

/** Paste a clipboard that holds only an image file (a screenshot, a copied photo). */
async function pasteFile(page: Page, file: Photo): Promise<void> {
  await editor(page).evaluate(
    (dom, item) => {
      const dt = new DataTransfer();
      const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], item.name, { type: 'image/png' }));
      dom.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    },
    { name: file.name, base64: file.bytes.toString('base64') },
  );
}

function storedFigures(app: { core: { articles: { list(o: object): { items: { id: string }[] }; get(id: string): { document: { doc: unknown }; meta: { featuredMediaId?: string | null } } } } }) {
  const id = app.core.articles.list({ limit: 1, offset: 0 }).items[0]!.id;
  const article = app.core.articles.get(id);
  const body = (article.document.doc as { content: { type: string; content?: { type: string; attrs?: Record<string, unknown>; content?: { content?: { text: string }[] }[] }[] }[] }).content[2]!;
  const figs = (body.content ?? []).filter((b) => b.type === 'figure');
  return {
    featured: article.meta.featuredMediaId ?? null,
    figures: figs.map((f) => ({
      mediaId: f.attrs?.mediaId as string,
      alt: f.attrs?.alt as string,
      caption: (f.content?.[0]?.content ?? []).map((t) => t.text).join(''),
      credit: (f.content?.[1]?.content ?? []).map((t) => t.text).join(''),
    })),
  };
}

test('insert by file chooser: caption and credit come from IPTC in NFC, preview and sizes show, GPS stays private', async ({ page, app }) => {
  await newArticleWithText(page);
  await insertByFileChooser(page, [photos.lead], 'toolbar');
  const figure = figures(page).first();
  await expect(figure.locator('.nr-caption')).toHaveText(CAPTION);
  await expect(figure.locator('.nr-credit')).toHaveText('Ảnh: Tiến Thành');
  await expect(figure.getByTestId('figure-facts')).toHaveText(/2400 × 1600 px · \d+(,\d)? KB/);
  await expect(figure.getByTestId('figure-too-small')).toBeHidden();
  await expect(figure.locator('.nr-figure-privacy')).toContainText('toạ độ GPS');
  await expect(figure.getByTestId('figure-lead-badge')).toHaveText('Ảnh đại diện (mặc định: ảnh đầu tiên)');
  // The preview (not the original) is what the page loads, and it decoded.
  const img = figure.locator('img.nr-figure-image');
  await expect(img).toHaveAttribute('src', /^\/media\/preview\/[0-9a-f]{64}$/);
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1600);
  await waitSaved(page);
  const stored = storedFigures(app);
  expect(stored.figures).toHaveLength(1);
  expect(stored.figures[0]!.caption).toBe(CAPTION.normalize('NFC'));
  expect(stored.figures[0]!.caption).not.toBe(CAPTION.normalize('NFD'));
  // The preview response carries no location.
  const preview = await page.request.get(`${app.host.origin}${await img.getAttribute('src')}`);
  expect(preview.headers()['content-type']).toBe('image/jpeg');
  expect((await preview.body()).toString('latin1')).not.toMatch(/GPS/);

  // Replace the photo: caption and credit stay, the picture and its facts change.
  const chooser = page.waitForEvent('filechooser');
  await figure.locator('[data-action="replace"]').click();
  await (await chooser).setFiles({ name: photos.second.name, mimeType: 'image/jpeg', buffer: photos.second.bytes });
  await expect(figure.getByTestId('figure-facts')).toHaveText(/2000 × 1500 px/);
  await expect(figure.locator('.nr-caption')).toHaveText(CAPTION);
  await expect(figure.locator('.nr-credit')).toHaveText('Ảnh: Tiến Thành');
  await expect(figure.locator('.nr-figure-privacy')).toBeHidden();
  await expect.poll(() => storedFigures(app).figures[0]!.mediaId).not.toBe(stored.figures[0]!.mediaId);
});

test('drop many files where the pointer is, paste an image, warn about small photos', async ({ page, app }) => {
  await newArticleWithText(page);
  // Dropped on the first body paragraph: both figures land right after it, in order.
  await dropFiles(page, '.nr-editor .nr-body > p', [photos.lead, photos.second]);
  await expect(figures(page)).toHaveCount(2);
  await expect(figures(page).locator('.nr-caption')).toHaveText([CAPTION, 'Hội nghị tổng kết công tác đào tạo']);
  await expect(figures(page).nth(1).locator('.nr-credit')).toHaveText('Ảnh: Minh Anh/Báo Lai Châu');
  const order = await editor(page).locator('.nr-body > *').evaluateAll((els) => els.map((e) => (e.tagName === 'FIGURE' ? 'figure' : e.textContent)));
  expect(order).toEqual(['Đoạn một.', 'figure', 'figure', 'Đoạn hai.']);

  // Paste at the caret in the last paragraph.
  await clickAtEnd(editor(page).locator('.nr-body > p').last());
  await pasteFile(page, photos.small);
  await expect(figures(page)).toHaveCount(3);
  const pasted = figures(page).nth(2);
  await expect(pasted.getByTestId('figure-too-small')).toHaveText('Ảnh nhỏ: cạnh dài 800 px, đăng web nên từ 1200 px trở lên');
  await expect(pasted.getByTestId('figure-facts')).toHaveText(/800 × 600 px/);
  // Three photos in the store, each once.
  expect((app.core.db.prepare('SELECT count(*) AS n FROM media').get() as { n: number }).n).toBe(3);
});

test('edit, move by buttons and keys, remove and undo, set lead and alt text; all of it survives a reload', async ({ page, app }) => {
  await newArticleWithText(page);
  await insertByFileChooser(page, [photos.lead, photos.second]);
  await expect(figures(page)).toHaveCount(2);

  // Edit the caption in place.
  await clickAtEnd(figures(page).first().locator('.nr-caption'));
  await page.keyboard.type(' năm 2016.');
  await expect(figures(page).first().locator('.nr-caption')).toHaveText(`${CAPTION} năm 2016.`);

  // Copy caption to alt in one click, then edit the alt text.
  await figures(page).first().locator('[data-action="copy-caption"]').click();
  await expect(figures(page).first().locator('.nr-figure-alt-input')).toHaveValue(`${CAPTION} năm 2016.`);
  await figures(page).nth(1).locator('.nr-figure-alt-input').fill('Đại biểu dự hội nghị');

  // Move the second figure up with its button: order swaps.
  await figures(page).nth(1).locator('[data-action="up"]').click();
  await expect(figures(page).locator('.nr-caption').first()).toHaveText('Hội nghị tổng kết công tác đào tạo');
  // …and back down from the keyboard (caret in its caption).
  await figures(page).first().locator('.nr-caption').click();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(figures(page).locator('.nr-caption').last()).toHaveText('Hội nghị tổng kết công tác đào tạo');

  // Make the second photo the lead image.
  await figures(page).nth(1).locator('[data-action="lead"]').click();
  await expect(figures(page).nth(1).getByTestId('figure-lead-badge')).toHaveText('Ảnh đại diện');
  await expect(figures(page).first().getByTestId('figure-lead-badge')).toBeHidden();

  // Remove the first figure, then undo brings it back with its caption.
  await figures(page).first().locator('[data-action="remove"]').click();
  await expect(figures(page)).toHaveCount(1);
  await editor(page).locator('.nr-body > p').first().click();
  await page.keyboard.press('Control+z');
  await expect(figures(page)).toHaveCount(2);
  await expect(figures(page).first().locator('.nr-caption')).toHaveText(`${CAPTION} năm 2016.`);

  await waitSaved(page);
  const before = storedFigures(app);
  expect(before.figures.map((f) => f.alt)).toEqual([`${CAPTION} năm 2016.`, 'Đại biểu dự hội nghị']);
  expect(before.featured).toBe(before.figures[1]!.mediaId);

  await app.restart();
  await page.goto(app.host.url);
  await page.locator('.row-open').first().click();
  await expect(figures(page)).toHaveCount(2);
  await expect(figures(page).locator('.nr-caption')).toHaveText([`${CAPTION} năm 2016.`, 'Hội nghị tổng kết công tác đào tạo']);
  await expect(figures(page).locator('.nr-credit')).toHaveText(['Ảnh: Tiến Thành', 'Ảnh: Minh Anh/Báo Lai Châu']);
  await expect(figures(page).nth(1).locator('.nr-figure-alt-input')).toHaveValue('Đại biểu dự hội nghị');
  await expect(figures(page).nth(1).getByTestId('figure-lead-badge')).toHaveText('Ảnh đại diện');
  await expect.poll(() => figures(page).first().locator('img').evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
});

test('hostile files are refused with a clear message and leave no figure', async ({ page, app }) => {
  await newArticleWithText(page);
  await dropFiles(page, '.nr-editor .nr-body > p', [{ name: 'bao-cao.jpg', bytes: PDF_RENAMED }]);
  await expect(page.getByTestId('figure-refused')).toContainText('Không thêm được ảnh. “bao-cao.jpg”: đây là tài liệu PDF, không phải ảnh.');
  await dropFiles(page, '.nr-editor .nr-body > p', [{ name: 'bomb.png', bytes: pngBomb() }]);
  await expect(page.getByTestId('figure-refused')).toContainText('“bomb.png”: ảnh 30000 × 30000 điểm ảnh (900 megapixel), vượt giới hạn 100 megapixel.');
  await expect(figures(page)).toHaveCount(0);
  await expect(page.getByTestId('figure-upload')).toHaveCount(0);
  expect((app.core.db.prepare('SELECT count(*) AS n FROM media').get() as { n: number }).n).toBe(0);
});
