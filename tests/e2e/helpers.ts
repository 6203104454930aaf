/// <reference lib="dom" />
import { expect, type AppFixture, type Page } from './fixtures';

/** Page helpers the editor specs share. */

/** The editor's content element. */
export const editor = (page: Page) => page.locator('.nr-editor');

/**
 * Create an article through the API (as another client would, with `input` as
 * `createArticle` takes it) and reload the page so the list shows it. Returns its id.
 */
export async function createThroughApi(page: Page, app: AppFixture, input: unknown): Promise<string> {
  const result = await app.core.call('createArticle', input);
  if (!result.ok) throw new Error(result.error.message);
  await page.reload();
  return (result.value as { meta: { id: string } }).meta.id;
}

/** Create an article through the API and open it in the editor (the newest article is the list's first row). */
export async function openCreated(page: Page, app: AppFixture, input: unknown): Promise<string> {
  const id = await createThroughApi(page, app, input);
  await page.locator('.row-open').first().click();
  await expect(editor(page)).toBeVisible();
  return id;
}

/** Start a blank article with the "Bài mới" button. */
export async function startNewArticle(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Bài mới/ }).first().click();
  await expect(editor(page)).toBeVisible();
}

/** Type headline, lead and body paragraphs from the headline on, as a reporter would: Enter moves to the next part or paragraph. */
export async function typeParts(page: Page, [headline, ...rest]: [string, ...string[]]): Promise<void> {
  await editor(page).locator('.nr-headline').click();
  await page.keyboard.type(headline);
  for (const text of rest) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(text);
  }
}

/** Select the first occurrence of `text` inside `within` of the editor, as a user dragging over it would. */
export async function selectText(page: Page, text: string, within = '.nr-editor'): Promise<void> {
  await placeSelection(page, text, 0, text.length, within);
}

/** Put the caret `offset` characters into the first occurrence of `text`. */
export async function caretIn(page: Page, text: string, offset: number, within = '.nr-editor'): Promise<void> {
  await placeSelection(page, text, offset, offset, within);
}

/**
 * Select characters `from`..`to` of the first occurrence of `text` in the editor.
 * ProseMirror reads the DOM selection on selectionchange. A redraw that lands before it
 * does (proofing underlines arriving) puts ProseMirror's older selection back, so the
 * selection is checked after the editor had its chance to read it, and made again if lost.
 */
async function placeSelection(page: Page, text: string, from: number, to: number, within: string): Promise<void> {
  await expect
    .poll(
      () =>
        page.locator(within).first().evaluate(
          async (root, { wanted, from, to }) => {
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const at = node.textContent!.indexOf(wanted);
              if (at < 0) continue;
              (root.closest('.nr-editor') as HTMLElement).focus();
              const range = document.createRange();
              range.setStart(node, at + from);
              range.setEnd(node, at + to);
              getSelection()!.removeAllRanges();
              getSelection()!.addRange(range);
              for (let i = 0; i < 3; i++) await new Promise(requestAnimationFrame);
              // The browser may move a caret to a neighbouring node; what must hold is the selected text.
              const now = getSelection()!;
              return now.rangeCount > 0 && now.isCollapsed === (from === to) && now.toString() === wanted.slice(from, to);
            }
            throw new Error(`"${wanted}" is not in the editor`);
          },
          { wanted: text, from, to },
        ),
      { intervals: [50, 100, 200] },
    )
    .toBe(true);
}

/** Wait until the status bar says the article is stored ("Đã lưu lúc HH:MM"). */
export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-state')).toHaveText(/^Đã lưu lúc \d{2}:\d{2}$/);
}
