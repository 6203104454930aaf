/**
 * The review pane re-finds every comment and suggestion in the editor's text after
 * each pause in typing (`placeReviewItems`). On the seed story grown to ~10,000
 * chữ with 50 and 200 items, after text was typed before all of them (so stored
 * positions no longer hold and every anchor is searched for by its quote), report
 * the time of one placement (p50/p95/max, ms); then typing after every item,
 * where the places found at the last pause still hold.
 *
 *     npm run bench review-pane
 */
import { readFileSync } from 'node:fs';
import { Transform } from 'prosemirror-transform';
import type { Node as PMNode } from 'prosemirror-model';
import { createDocument } from '../../src/shared/document';
import { schema } from '../../src/shared/schema';
import { createAnchor } from '../../src/shared/review/anchors';
import { buildTextIndex, rangeOf } from '../../src/shared/review/text-index';
import type { Anchor, Comment, Suggestion } from '../../src/shared/review/model';
import { countWords } from '../../src/shared/text';
import { SEED_PATH } from '../support/temp';
import { percentile } from './stats';

// Renderer modules are loaded by path: they belong to the web TypeScript project, not this one.
const PANE = '../../src/renderer/src/features/review/pane-items';
const { placeReviewItems, anchorsById } = (await import(PANE)) as {
  placeReviewItems: (doc: PMNode, comments: Comment[], suggestions: Suggestion[], options?: { known?: Map<string, Anchor> }) => { anchor: Anchor | null }[];
  anchorsById: (items: unknown[]) => Map<string, Anchor>;
};

const seed = readFileSync(SEED_PATH, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 80);
const paragraphs = Array.from({ length: 12 }, () => seed).flat();
const doc = createDocument({ headline: 'Từng bước đáp ứng yêu cầu', lead: seed[0]!, paragraphs, authors: ['Tiến Thành'] });
const PROFILE = '00000000-0000-4000-8000-000000000001';

/** `count` threads on three-word phrases spread evenly through the text. */
function threadsOn(d: PMNode, count: number): Comment[] {
  const index = buildTextIndex(d);
  const step = Math.floor(index.text.length / (count + 1));
  return Array.from({ length: count }, (_, i) => {
    const start = index.text.indexOf(' ', step * (i + 1)) + 1;
    const end = index.text.indexOf(' ', index.text.indexOf(' ', index.text.indexOf(' ', start) + 1) + 1);
    const { from, to } = rangeOf(index, start, end);
    const id = `00000000-0000-4000-8000-${String(i + 2).padStart(12, '0')}`;
    return { id, articleId: PROFILE, threadId: id, authorId: PROFILE, body: 'x', createdAt: '2026-11-30T09:00:00+07:00', editedAt: null, anchor: createAnchor(d, from, to, index), detached: false, resolvedAt: null, resolvedBy: null };
  });
}

console.log(`review pane placement, ${countWords(doc.textBetween(0, doc.content.size, ' ', ' '))} chữ`);
for (const count of [50, 200]) {
  const comments = threadsOn(doc, count);
  // A sentence typed into the lead: every anchor after it moved.
  const edited = new Transform(doc).insert(2 + doc.child(0).nodeSize, schema.text('Sáng nay, ')).doc;
  const report = (label: string, known: Map<string, Anchor>) => {
    const times: number[] = [];
    for (let run = 0; run < 40; run++) {
      const start = performance.now();
      const placed = placeReviewItems(edited, comments, [], { known });
      times.push(performance.now() - start);
      if (placed.some((p) => !p.anchor)) throw new Error('an anchor was lost');
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`  ${count} threads, ${label}: p50 ${percentile(sorted, 50).toFixed(2)} ms, p95 ${percentile(sorted, 95).toFixed(2)} ms, max ${sorted[sorted.length - 1]!.toFixed(2)} ms`);
  };
  report('stored places stale (each quote searched)', new Map());
  report('places unchanged since the last pause', anchorsById(placeReviewItems(edited, comments, [])));
}
