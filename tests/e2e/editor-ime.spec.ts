import { test, expect, type Page, type AppFixture } from './fixtures';
import type { CDPSession } from '@playwright/test';
import { editor, openCreated } from './helpers';

const body = (page: Page) => editor(page).locator('.nr-body');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

async function openArticle(page: Page, app: AppFixture, paragraphs: unknown[]): Promise<string> {
  return openCreated(page, app, {
    document: {
      version: 1,
      doc: { type: 'doc', content: [{ type: 'headline' }, { type: 'lead' }, { type: 'body', content: paragraphs }, { type: 'byline', content: [{ type: 'author' }] }] },
    },
  });
}

const p = (...content: unknown[]) => ({ type: 'paragraph', content: content.length ? content : undefined });
const t = (text: string, marks?: unknown[]) => ({ type: 'text', text, marks });

/**
 * Compose a word the way Telex/VNI input methods on macOS and Linux (IBus) do:
 * a sequence of preedit strings, then the commit.
 */
async function compose(cdp: CDPSession, steps: string[], commit: string): Promise<void> {
  for (const text of steps) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  await cdp.send('Input.insertText', { text: commit });
}

/** Put the caret right after the first occurrence of `text` inside `locator`'s element. */
async function caretAfter(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate(
    ({ selector, text }) => {
      const root = document.querySelector(selector)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.indexOf(text);
        if (i >= 0) {
          const range = document.createRange();
          range.setStart(n, i + text.length);
          range.collapse(true);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
          return;
        }
      }
      throw new Error(`text ${text} not found`);
    },
    { selector, text },
  );
}

async function stored(app: AppFixture, id: string, page: Page): Promise<string> {
  await expect(page.getByTestId('save-state')).toHaveText(/^Đã lưu lúc/);
  return JSON.stringify(app.core.articles.get(id).document);
}

test('composition at the start of a paragraph gives exactly the word, no duplicated first letter', async ({ page, app }) => {
  const id = await openArticle(page, app, [p()]);
  await body(page).locator('p').first().click();
  const cdp = await page.context().newCDPSession(page);
  await compose(cdp, ['V', 'Vi', 'Vie', 'Viê', 'Việ', 'Việt'], 'Việt');
  await compose(cdp, [' ', ' N', ' Na', ' Nam'], ' Nam');
  await expect(body(page).locator('p').first()).toHaveText('Việt Nam');
  expect(await stored(app, id, page)).toContain('"text":"Việt Nam"');
});

test('composition inside bold text stays bold', async ({ page, app }) => {
  await openArticle(page, app, [p(t('Chữ '))]);
  await caretAfter(page, '.nr-body p', 'Chữ ');
  await page.keyboard.press(`${mod}+b`);
  const cdp = await page.context().newCDPSession(page);
  await compose(cdp, ['d', 'dd', 'đ', 'đa', 'đâ', 'đậ', 'đậm'], 'đậm');
  await expect(body(page).locator('p').first()).toHaveText('Chữ đậm');
  await expect(body(page).locator('strong')).toHaveText('đậm');
});

test('composition right after a link goes after it, not into it', async ({ page, app }) => {
  await openArticle(page, app, [p(t('Xem '), t('báo', [{ type: 'link', attrs: { href: 'https://baolaichau.vn/' } }]), t(' nay'))]);
  await caretAfter(page, '.nr-body p a', 'báo');
  const cdp = await page.context().newCDPSession(page);
  await compose(cdp, [' ', ' L', ' La', ' Lai'], ' Lai');
  await compose(cdp, [' ', ' C', ' Ch', ' Cha', ' Châ', ' Chau', ' Châu'], ' Châu');
  await expect(body(page).locator('p').first()).toHaveText('Xem báo Lai Châu nay');
  await expect(body(page).locator('a')).toHaveText('báo');
});

test('composition right after a paste', async ({ page, app }) => {
  await openArticle(page, app, [p()]);
  await body(page).locator('p').first().click();
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'Dán ');
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await expect(body(page).locator('p').first()).toHaveText('Dán');
  const cdp = await page.context().newCDPSession(page);
  await compose(cdp, ['t', 'ti', 'tie', 'tiê', 'tiế', 'tiến', 'tiếng'], 'tiếng');
  await expect(body(page).locator('p').first()).toHaveText('Dán tiếng');
});

test('composition over a selection spanning two paragraphs replaces it', async ({ page, app }) => {
  const id = await openArticle(page, app, [p(t('Đoạn một dài')), p(t('Hai ngắn'))]);
  await page.evaluate(() => {
    const ps = document.querySelectorAll('.nr-body p');
    const range = document.createRange();
    range.setStart(ps[0]!.firstChild!, 'Đoạn một'.length);
    range.setEnd(ps[1]!.firstChild!, 'Hai'.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  const cdp = await page.context().newCDPSession(page);
  await compose(cdp, [' ', ' v', ' vo', ' vớ', ' với'], ' với');
  await expect(body(page).locator('p')).toHaveText(['Đoạn một với ngắn']);
  expect(await stored(app, id, page)).toContain('Đoạn một với ngắn');
});

test('input methods that rewrite with Backspace (Unikey, EVKey): Tieengs → Tiếng', async ({ page, app }) => {
  const id = await openArticle(page, app, [p()]);
  await body(page).locator('p').first().click();
  // What Unikey sends for the keys T-i-e-e-n-g-s: each "e" and "s" becomes Backspaces plus the new letters.
  await page.keyboard.type('Tie');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText('ê');
  await page.keyboard.type('ng');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await page.keyboard.insertText('ếng');
  await expect(body(page).locator('p').first()).toHaveText('Tiếng');
  // " Vieetj": "ee" turns e into ê (1 Backspace), then t, then "j" puts the dot under ê (2 Backspaces, "ệt").
  await page.keyboard.type(' ');
  await page.keyboard.type('Vie');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText('ê');
  await page.keyboard.type('t');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText('ệt');
  await expect(body(page).locator('p').first()).toHaveText('Tiếng Việt');
  expect(await stored(app, id, page)).toContain('"text":"Tiếng Việt"');
});

test('autosave waits for a composition to commit, then saves the word once', async ({ page, app }) => {
  const id = await openArticle(page, app, [p(t('Bắt đầu'))]);
  await caretAfter(page, '.nr-body p', 'Bắt đầu');
  await page.keyboard.type(' ');
  // The space is saved first, so what follows is only the composition.
  await expect(page.getByTestId('save-state')).toHaveText(/^Đã lưu lúc/);
  await expect.poll(() => JSON.stringify(app.core.articles.get(id).document)).toContain('"text":"Bắt đầu "');
  const saves: string[] = [];
  await page.route('**/api/saveArticle', async (route) => {
    saves.push(route.request().postData() ?? '');
    await route.continue();
  });
  const cdp = await page.context().newCDPSession(page);
  for (const text of ['n', 'ng', 'ngh', 'nghi']) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  // Hold the composition open well past the autosave delay.
  await page.waitForTimeout(2000);
  for (const text of ['nghie', 'nghiê', 'nghiên']) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  await page.waitForTimeout(1200);
  // No save was sent while the word was still being composed.
  expect(saves).toEqual([]);
  await cdp.send('Input.insertText', { text: 'nghiên' });
  // Once committed, the word is saved.
  await expect.poll(() => saves.length).toBeGreaterThan(0);
  await compose(cdp, [' ', ' c', ' cu', ' cư', ' cứ', ' cứu'], ' cứu');
  await expect(body(page).locator('p').first()).toHaveText('Bắt đầu nghiên cứu');
  expect(await stored(app, id, page)).toContain('"text":"Bắt đầu nghiên cứu"');
});

test('composition in suggest mode becomes one suggestion with the composed word, and the article is untouched', async ({ page, app }) => {
  const profile = await app.core.call('setLocalProfile', { displayName: 'Thu Hà', initials: 'TH', role: 'editor', color: '#9c27b0' });
  expect(profile.ok).toBe(true);
  const id = await openArticle(page, app, [p(t('Chào '))]);
  await caretAfter(page, '.nr-body p', 'Chào ');
  await page.keyboard.press(`${mod}+Shift+X`);
  await expect(page.locator('.tool-suggest')).toHaveAttribute('aria-pressed', 'true');
  const cdp = await page.context().newCDPSession(page);
  await compose(cdp, ['V', 'Vi', 'Vie', 'Viê', 'Việ', 'Việt'], 'Việt');
  await compose(cdp, [' ', ' N', ' Na', ' Nam'], ' Nam');
  await expect(body(page).locator('p').first()).toHaveText('Chào Việt Nam');
  await expect(body(page).locator('.suggest-live-insert')).toHaveText('Việt Nam');
  await expect
    .poll(async () => {
      const r = await app.core.call('listSuggestions', { articleId: id, status: 'open' });
      return r.ok ? (r.value as { change: { insert: unknown } }[]).map((s) => JSON.stringify(s.change.insert)) : [];
    })
    .toEqual([expect.stringContaining('Việt Nam')]);
  expect(await stored(app, id, page)).not.toContain('Việt');
});
