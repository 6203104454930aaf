/**
 * The reporter's editor under load, each figure beside the bare-ProseMirror
 * baseline page of the typing bench (tests/bench/typing-baseline: same schema,
 * stylesheet and document, no app around it):
 *
 * 1. Typing latency p95 at 10k and 50k words (key → next frame, measured in the
 *    page as typing.bench.ts does).                        Target: ≤ 1.15 × bare.
 * 2. Opening a 10k-word article until it is editable (click on the list row →
 *    paragraphs in an editable view → next frame), against the bare page fetching
 *    the same JSON and mounting it.                        Target: ≤ 1.3 × bare.
 * 3. Pasting 5 MB of Word-style HTML: how long the page is blocked (paste event →
 *    next frame, and the longest task).                    Target: ≤ 1 s.
 *
 *     npm run bench editor        (BENCH_KEYS=150 to change the typing sample)
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { createDocument, documentToStored } from '../../src/shared/document';
import { countWords } from '../../src/shared/text';
import { seedParagraphs } from '../support/corpus';
import { startBenchApp, buildApp } from './bench-app';
import { BASELINE_URL, buildBaseline, serveBaseline } from './baseline';
import { placeCaretAtParagraphEnd, placeCaretInMiddle } from './caret';
import { percentile } from './stats';

const KEYS = Number(process.env.BENCH_KEYS ?? 120);
const KEY_DELAY_MS = 100;
const OPEN_RUNS = 5;
const PASTE_BYTES = Number(process.env.BENCH_PASTE_BYTES ?? 5 * 1024 * 1024);
/** `BENCH_ONLY=typing|open|paste` runs one part. */
const ONLY = process.env.BENCH_ONLY ?? '';
const runs = (part: string) => !ONLY || ONLY === part;

function article(words: number, headline: string) {
  return createDocument({ headline, lead: 'Bài dài để đo trình soạn thảo.', paragraphs: seedParagraphs(words, 20160610 + words), authors: ['Tiến Thành'] });
}

/** Word's clipboard HTML for `bytes` worth of paragraphs: MsoNormal, mso styles, o:p, bold runs. */
function wordClipboard(bytes: number): string {
  const head = '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body><!--StartFragment-->';
  const parts: string[] = [head];
  let size = head.length;
  let i = 0;
  const texts = seedParagraphs(400_000, 7);
  while (size < bytes) {
    const text = texts[i++ % texts.length]!;
    const cut = text.indexOf(' ', 20);
    const p =
      `<p class=MsoNormal style='margin-bottom:6.0pt;line-height:115%'><b><span lang=VI style='font-size:12.0pt;font-family:"Times New Roman",serif;mso-ansi-language:VI'>${text.slice(0, cut)}</span></b>` +
      `<span lang=VI style='font-size:12.0pt;font-family:"Times New Roman",serif;mso-ansi-language:VI'>${text.slice(cut)}<o:p></o:p></span></p>\r\n`;
    parts.push(p);
    size += p.length;
  }
  parts.push('<!--EndFragment--></body></html>');
  return parts.join('');
}

const TYPED = 'Công tác đào tạo, bồi dưỡng cán bộ được quan tâm triển khai thực hiện. ';

/** Key → first DOM mutation of the editor → next frame, recorded in the page. */
const MEASURE = `(() => {
  const editor = document.querySelector('.ProseMirror');
  const frames = [];
  let t0 = null;
  const mark = () => { if (t0 === null) t0 = performance.now(); };
  window.addEventListener('keydown', mark, true);
  window.addEventListener('beforeinput', mark, true);
  new MutationObserver(() => {
    if (t0 === null) return;
    const start = t0;
    t0 = null;
    requestAnimationFrame(() => setTimeout(() => frames.push(performance.now() - start), 0));
  }).observe(editor, { subtree: true, childList: true, characterData: true });
  window.__frames = frames;
})()`;

async function typingFrames(page: Page): Promise<number[]> {
  const text = (n: number) => TYPED.repeat(Math.ceil(n / TYPED.length)).slice(0, n);
  await page.keyboard.type(text(20), { delay: KEY_DELAY_MS });
  await page.waitForTimeout(1200);
  await page.evaluate(MEASURE);
  await page.keyboard.type(text(KEYS), { delay: KEY_DELAY_MS });
  await page.waitForTimeout(500);
  return page.evaluate(() => (window as unknown as { __frames: number[] }).__frames);
}


const median = (values: number[]) => percentile(values, 50);
const ms = (v: number) => `${v.toFixed(1)} ms`;

/**
 * Click the list row of `headline` and time it until the article is editable and
 * drawn. (A string, not a function: tsx would wrap inner functions in a helper the
 * page does not have.)
 */
const TIME_OPEN = `({ headline, minParagraphs }) => new Promise((resolve, reject) => {
  const row = [...document.querySelectorAll('.row-open')].find((b) => b.textContent.includes(headline));
  if (!row) return reject(new Error('no row for ' + headline));
  const t0 = performance.now();
  row.click();
  const check = () => {
    const view = document.querySelector('.nr-editor[contenteditable="true"]');
    const shown = view && view.querySelector('.nr-headline')?.textContent === headline;
    if (shown && view.querySelectorAll('.nr-body > p').length >= minParagraphs) {
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
    } else requestAnimationFrame(check);
  };
  check();
})`;

async function timeOpen(page: Page, headline: string, minParagraphs: number): Promise<number> {
  return page.evaluate(`(${TIME_OPEN})(${JSON.stringify({ headline, minParagraphs })})`);
}

async function bareOpen(page: Page): Promise<number> {
  return page.evaluate(async () => {
    document.getElementById('editor')!.replaceChildren();
    const t0 = performance.now();
    const json: unknown = await (await fetch('/doc10k.json')).json();
    window.mountBare(json);
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  });
}

async function bareTyping(context: BrowserContext, json: unknown): Promise<number[]> {
  const page = await context.newPage();
  await page.goto(BASELINE_URL);
  await page.evaluate((doc) => window.mountBare(doc), json);
  await page.locator('.ProseMirror .nr-body > p').first().waitFor();
  await placeCaretInMiddle(page);
  const frames = await typingFrames(page);
  await page.close();
  return frames;
}

async function oursTyping(context: BrowserContext, url: string, headline: string): Promise<number[]> {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('.row-open', { hasText: headline }).click();
  await page.locator('.nr-editor .nr-headline', { hasText: headline }).waitFor();
  await placeCaretInMiddle(page);
  const frames = await typingFrames(page);
  await page.close();
  return frames;
}

/**
 * Paste HTML into the body. Resolves when the paste is complete (a large paste
 * runs in slices behind a progress notice) with: the first freeze (paste event →
 * next frame), the longest task over the whole paste (the longest the UI could
 * not respond), the total time, and the paragraphs in the body.
 */
const TIME_PASTE = `(html) => new Promise((resolve) => {
  let longestTask = 0;
  const tasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) { longestTask = Math.max(longestTask, e.duration); tasks.push(Math.round(e.startTime - t0) + ':' + Math.round(e.duration)); }
  });
  observer.observe({ entryTypes: ['longtask'] });
  const p = document.querySelector('.nr-editor .nr-body > p');
  const dt = new DataTransfer();
  dt.setData('text/html', html);
  const t0 = performance.now();
  p.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  let firstFrame = null;
  const done = () => {
    const total = performance.now() - t0;
    setTimeout(() => {
      observer.disconnect();
      resolve({ firstFrame, longestTask, total, tasks: tasks.join(' '), paragraphs: document.querySelectorAll('.nr-editor .nr-body > p').length });
    }, 300);
  };
  const poll = () => {
    if (firstFrame === null) firstFrame = performance.now() - t0;
    if (document.querySelector('[data-testid="paste-progress"]')) requestAnimationFrame(() => setTimeout(poll, 0));
    else done();
  };
  requestAnimationFrame(() => setTimeout(poll, 0));
})`;

async function timePaste(page: Page, html: string): Promise<{ firstFrame: number; longestTask: number; total: number; paragraphs: number }> {
  await page.evaluate((h) => ((window as unknown as { __pasteHtml: string }).__pasteHtml = h), html);
  await placeCaretAtParagraphEnd(page, 'first', 300);
  return page.evaluate(`(${TIME_PASTE})(window.__pasteHtml)`);
}

async function main(): Promise<void> {
  console.log('building the app and the baseline page…');
  buildApp();
  const app = await startBenchApp('newsroom-editor-bench-');
  const { core, host, browser } = app;
  const results: string[] = [];
  try {
    const baselineDir = join(app.dir, 'baseline');
    await buildBaseline(baselineDir);

    const docs = {
      small: createDocument({ headline: 'Bài ngắn', paragraphs: ['Một đoạn.'] }),
      w10k: article(10_000, 'Bài mười nghìn chữ'),
      w50k: article(50_000, 'Bài năm mươi nghìn chữ'),
    };
    for (const doc of Object.values(docs)) {
      const created = await core.call('createArticle', { document: documentToStored(doc) });
      if (!created.ok) throw new Error(created.error.message);
    }

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
    const json10k = JSON.stringify(docs.w10k.toJSON());
    await serveBaseline(context, baselineDir, { '/doc10k.json': { body: json10k, contentType: 'application/json' } });

    // 1. Typing latency.
    if (runs('typing')) for (const [name, doc] of [['10k', docs.w10k], ['50k', docs.w50k]] as const) {
      const words = countWords(doc.textBetween(0, doc.content.size, ' ', ' '));
      const ours = await oursTyping(context, host.url, doc.child(0).textContent);
      const bare = await bareTyping(context, doc.toJSON());
      const ratio = percentile(ours, 95) / percentile(bare, 95);
      console.log(
        `typing ${name} (${words} words, ${KEYS} keys): ours p50 ${ms(median(ours))} p95 ${ms(percentile(ours, 95))}; ` +
          `bare p50 ${ms(median(bare))} p95 ${ms(percentile(bare, 95))}; ratio p95 ${ratio.toFixed(2)}× (target ≤ 1.15×)`,
      );
      results.push(`typing ${name}: ${ratio.toFixed(2)}× ${ratio <= 1.15 ? 'met' : 'MISSED'}`);
    }

    // 2. Opening a 10k-word article.
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(host.url);
    await page.locator('.row-open').first().waitFor();
    const paragraphs10k = docs.w10k.child(2).childCount;
    const oursOpen: number[] = [];
    if (runs('open')) for (let i = 0; i < OPEN_RUNS + 1; i++) {
      await timeOpen(page, 'Bài ngắn', 1);
      oursOpen.push(await timeOpen(page, 'Bài mười nghìn chữ', paragraphs10k));
    }
    oursOpen.shift(); // the first open also warms the code caches
    const bare = await context.newPage();
    await bare.goto(BASELINE_URL);
    const bareOpens: number[] = [];
    if (runs('open')) {
      for (let i = 0; i < OPEN_RUNS + 1; i++) bareOpens.push(await bareOpen(bare));
      bareOpens.shift();
      const openRatio = median(oursOpen) / median(bareOpens);
      console.log(`open 10k (median of ${OPEN_RUNS}): ours ${ms(median(oursOpen))}, bare ${ms(median(bareOpens))}; ratio ${openRatio.toFixed(2)}× (target ≤ 1.3×)`);
      results.push(`open 10k: ${openRatio.toFixed(2)}× ${openRatio <= 1.3 ? 'met' : 'MISSED'}`);
    }
    await bare.close();

    // 3. A 5 MB paste from Word into the short article.
    if (runs('paste')) {
      const html = wordClipboard(PASTE_BYTES);
      await timeOpen(page, 'Bài ngắn', 1);
      const paste = await timePaste(page, html);
      console.log(
        `paste ${(html.length / 1024 / 1024).toFixed(1)} MB of Word HTML → ${paste.paragraphs} paragraphs in ${ms(paste.total)}: ` +
          `longest freeze ${ms(paste.longestTask)} (target ≤ 1000 ms), first frame after ${ms(paste.firstFrame)}`,
      );
      if (process.env.BENCH_VERBOSE) console.log((paste as unknown as { tasks: string }).tasks);
      results.push(`paste ${(html.length / 1024 / 1024).toFixed(1)} MB: longest freeze ${ms(paste.longestTask)} ${paste.longestTask <= 1000 ? 'met' : 'MISSED'}`);
    }
    await page.close();
    console.log(results.join('; '));
  } finally {
    await app.close();
  }
}

await main();
