import type { Segment } from '../../../shared/search';
import { foldMapped, WORD } from './fold';
import type { DocumentFields } from './fields';

export interface Term {
  word: string;
  prefix: boolean;
}

/** Characters of context a snippet shows; about two lines of the article list. */
export const SNIPPET_CHARS = 200;

interface Hit {
  start: number;
  end: number;
  term: number;
}

/** Where in `text` (original offsets) the terms occur, word by word. */
export function findHits(text: string, terms: readonly Term[]): Hit[] {
  const { folded, map } = foldMapped(text);
  const hits: Hit[] = [];
  for (const m of folded.matchAll(WORD)) {
    const word = m[0];
    const term = terms.findIndex((t) => (t.prefix ? word.startsWith(t.word) : word === t.word));
    if (term < 0) continue;
    hits.push({ start: map[m.index]!, end: map[m.index + word.length]!, term });
  }
  return hits;
}

/** Cut `text[from, to)` into segments, marking the hits inside it. */
function segmentsOf(text: string, hits: readonly Hit[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let at = from;
  for (const h of hits) {
    if (h.end <= from || h.start >= to) continue;
    const s = Math.max(h.start, from);
    const e = Math.min(h.end, to);
    if (s > at) out.push({ text: text.slice(at, s), hit: false });
    out.push({ text: text.slice(s, e), hit: true });
    at = e;
  }
  if (at < to) out.push({ text: text.slice(at, to), hit: false });
  return out;
}

/** The whole of `text` with hits marked (headlines are short enough to show in full). */
export function highlightAll(text: string, terms: readonly Term[]): { segments: Segment[]; distinct: number } {
  const hits = findHits(text, terms);
  return { segments: segmentsOf(text, hits, 0, text.length), distinct: new Set(hits.map((h) => h.term)).size };
}

/** A window of about {@link SNIPPET_CHARS} around the first hit, cut at spaces, with ellipses. */
function window(text: string, hits: readonly Hit[]): Segment[] {
  const first = hits[0]?.start ?? 0;
  let from = Math.max(0, first - 60);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    from = space >= 0 && space < first ? space + 1 : from;
  }
  let to = Math.min(text.length, from + SNIPPET_CHARS);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > (hits[0]?.end ?? from)) to = space;
  }
  const segments = segmentsOf(text, hits, from, to);
  if (from > 0) segments.unshift({ text: '…', hit: false });
  if (to < text.length) segments.push({ text: '…', hit: false });
  return segments;
}

/**
 * The passage that best shows why an article matched: the first block of lead,
 * body, captions or byline holding the most distinct query words, in the
 * original (unfolded) text. Falls back to the start of the lead.
 */
export function bestSnippet(fields: DocumentFields, terms: readonly Term[]): Segment[] {
  const blocks = [fields.lead, ...fields.body, ...fields.captions, fields.byline.join(', ')].filter(Boolean);
  let best: { text: string; hits: Hit[]; score: number } | null = null;
  for (const text of blocks) {
    const hits = findHits(text, terms);
    if (!hits.length) continue;
    const score = new Set(hits.map((h) => h.term)).size;
    if (!best || score > best.score) best = { text, hits, score };
    if (score === terms.length) break;
  }
  if (best) return window(best.text, best.hits);
  const fallback = blocks[0] ?? '';
  return fallback ? window(fallback, []) : [];
}
