import type { Segment } from '../../../shared/search';
import { foldMapped } from './fold';
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

const isWordChar = (code: number) =>
  (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 0xc0 && /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(code)));

/**
 * Where in `text` (original offsets) the terms occur as whole words (or word starts,
 * for a prefix term), sorted by position. Searches the folded text with indexOf and
 * checks word boundaries, which is far cheaper than tokenising every word.
 */
export function findHits(text: string, terms: readonly Term[]): Hit[] {
  const { folded, map } = foldMapped(text);
  const hits: Hit[] = [];
  terms.forEach((t, term) => {
    if (!t.word) return;
    for (let at = folded.indexOf(t.word); at >= 0; at = folded.indexOf(t.word, at + 1)) {
      if (at > 0 && isWordChar(folded.charCodeAt(at - 1))) continue;
      let end = at + t.word.length;
      if (t.prefix) while (end < folded.length && isWordChar(folded.charCodeAt(end))) end++;
      else if (end < folded.length && isWordChar(folded.charCodeAt(end))) continue;
      hits.push({ start: map[at]!, end: map[end]!, term });
    }
  });
  return hits.sort((a, b) => a.start - b.start);
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
