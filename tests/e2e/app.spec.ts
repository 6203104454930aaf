import { test, expect } from './fixtures';
import { editor, startNewArticle as newArticle, typeParts, waitSaved } from './helpers';

test('create an article, type Vietnamese headline, lead, body and byline, and find it all after a reload', async ({ page, app }) => {
  await newArticle(page);
  await typeParts(page, ['Đào tạo nghề cho lao động nông thôn', 'Sapo: tỉnh đã hỗ trợ 27.309 người học nghề.', 'Đoạn một của bài viết.', 'Đoạn hai, có chữ “ngoặc kép” và số 40,1%.']);
  await editor(page).locator('.nr-author').click();
  // The byline arrives decomposed (NFD), as some keyboards and pasted text deliver it.
  const authorNfd = 'Nguyễn Văn A'.normalize('NFD');
  expect(authorNfd).not.toBe('Nguyễn Văn A'.normalize('NFC'));
  await page.keyboard.type(authorNfd);
  await waitSaved(page);

  // The headline went to the headline, the lead to the lead (Enter moved on, never split).
  await expect(editor(page).locator('.nr-headline')).toHaveText('Đào tạo nghề cho lao động nông thôn');
  await expect(editor(page).locator('.nr-lead')).toHaveText('Sapo: tỉnh đã hỗ trợ 27.309 người học nghề.');

  await page.reload();
  await page.locator('.row-open').first().click();
  await expect(editor(page).locator('.nr-headline')).toHaveText('Đào tạo nghề cho lao động nông thôn');
  await expect(editor(page).locator('.nr-lead')).toHaveText('Sapo: tỉnh đã hỗ trợ 27.309 người học nghề.');
  await expect(editor(page).locator('.nr-body p')).toHaveText(['Đoạn một của bài viết.', 'Đoạn hai, có chữ “ngoặc kép” và số 40,1%.']);
  await expect(editor(page).locator('.nr-author')).toHaveText('Nguyễn Văn A');

  // The store has it too, in NFC: the row's bytes hold the composed byline and no decomposed one.
  const stored = app.core.db.prepare('SELECT headline, authors, document FROM articles').get() as { headline: string; authors: string; document: string };
  const storedText = Object.values(stored).join('\n');
  expect(storedText).toContain('Nguyễn Văn A'.normalize('NFC'));
  expect(storedText).not.toContain(authorNfd);
  expect(storedText).toBe(storedText.normalize('NFC'));
  // And the list row shows headline, author and word count.
  const { items } = app.core.articles.list({ limit: 10, offset: 0 });
  expect(items).toHaveLength(1);
  expect(items[0]!.headline).toBe('Đào tạo nghề cho lao động nông thôn');
  const row = page.locator('.article-row').first();
  await expect(row).toContainText('Đào tạo nghề cho lao động nông thôn');
  await expect(row).toContainText('Nguyễn Văn A');
  await expect(row).toContainText('Nháp');
  await expect(row).toContainText(`${items[0]!.wordCount} chữ`);
});

test('IME composition through CDP lands in NFC and survives a reload', async ({ page, app }) => {
  await newArticle(page);
  await editor(page).locator('.nr-headline').click();
  const cdp = await page.context().newCDPSession(page);
  // Telex-style composition of "Việt" then "Nam", committed with insertText.
  for (const [steps, final] of [
    [['V', 'Vi', 'Vie', 'Vieê', 'Việ', 'Việt'], 'Việt'],
    [[' N', ' Na', ' Nam'], ' Nam'],
  ] as const) {
    for (const text of steps) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await cdp.send('Input.insertText', { text: final });
  }
  await page.keyboard.press('Enter');
  // A decomposed (NFD) commit, as some IMEs on macOS produce, becomes NFC.
  const nfd = 'Tiếng Việt'.normalize('NFD');
  await cdp.send('Input.imeSetComposition', { text: nfd, selectionStart: nfd.length, selectionEnd: nfd.length });
  await cdp.send('Input.insertText', { text: nfd });
  await waitSaved(page);
  await expect(editor(page).locator('.nr-headline')).toHaveText('Việt Nam');

  await page.reload();
  await page.locator('.row-open').first().click();
  await expect(editor(page).locator('.nr-headline')).toHaveText('Việt Nam');
  const lead = await editor(page).locator('.nr-lead').textContent();
  expect(lead).toBe('Tiếng Việt');
  expect(lead!.normalize('NFC')).toBe(lead);

  const id = app.core.articles.list({ limit: 1, offset: 0 }).items[0]!.id;
  const stored = JSON.stringify(app.core.articles.get(id).document);
  expect(stored).toContain('Tiếng Việt'.normalize('NFC'));
  expect(stored).not.toContain(nfd);
});

test('the main screen has no accessibility violations', async ({ page, app: _app }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  await newArticle(page);
  await page.keyboard.type('Tít bài kiểm tra');
  await expect(page.getByTestId('save-state')).toHaveText(/^Đã lưu lúc/);
  // Every rule, every impact, the whole page.
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
