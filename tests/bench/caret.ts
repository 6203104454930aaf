/// <reference lib="dom" />
import type { Page } from '@playwright/test';

/** Caret at the end of the middle body paragraph, scrolled into view: where the typing benches type. */
export async function placeCaretInMiddle(page: Page): Promise<void> {
  await page.evaluate(() => {
    const paragraphs = document.querySelectorAll('.ProseMirror .nr-body > p');
    const p = paragraphs[Math.floor(paragraphs.length / 2)]!;
    p.scrollIntoView({ block: 'center' });
    (document.querySelector('.ProseMirror') as HTMLElement).focus();
    const range = document.createRange();
    range.selectNodeContents(p);
    range.collapse(false);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await page.waitForTimeout(200);
}
