/// <reference lib="dom" />
import type { Page } from '@playwright/test';

/**
 * Caret at the end of a body paragraph (the first, or the middle one where the
 * typing benches type), scrolled into view and with the editor focused; then a
 * pause so ProseMirror picks the selection up on selectionchange.
 */
export async function placeCaretAtParagraphEnd(page: Page, which: 'first' | 'middle', settleMs = 200): Promise<void> {
  await page.evaluate((which) => {
    const paragraphs = document.querySelectorAll('.ProseMirror .nr-body > p');
    const p = paragraphs[which === 'first' ? 0 : Math.floor(paragraphs.length / 2)]!;
    p.scrollIntoView({ block: 'center' });
    (document.querySelector('.ProseMirror') as HTMLElement).focus();
    const range = document.createRange();
    range.selectNodeContents(p);
    range.collapse(false);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  }, which);
  await page.waitForTimeout(settleMs);
}

/** Caret at the end of the middle body paragraph: where the typing benches type. */
export const placeCaretInMiddle = (page: Page): Promise<void> => placeCaretAtParagraphEnd(page, 'middle');
