import type { Node as PMNode } from 'prosemirror-model';
import type { Mappable } from 'prosemirror-transform';
import { foldWithMap } from '../text';
import type { Anchor } from './model';
import { buildTextIndex, indexAt, indexAtEnd, partAt, rangeOf, type TextIndex } from './text-index';

/** Characters of context kept on each side of an anchor, to pick among repeated quotes. */
export const CONTEXT_LENGTH = 32;

/** The text between two doc positions, as anchors quote it. */
export function quoteBetween(index: TextIndex, from: number, to: number): string {
  const fi = indexAt(index, from);
  return index.text.slice(fi, Math.max(fi, indexAtEnd(index, to)));
}

/** Make an anchor for `[from, to)` of `doc`, quoting its text and context. */
export function createAnchor(doc: PMNode, from: number, to: number, index: TextIndex = buildTextIndex(doc)): Anchor {
  if (from > to) [from, to] = [to, from];
  const size = doc.content.size;
  if (from < 0 || to > size) throw new RangeError(`range ${from}–${to} is outside the document (size ${size})`);
  const fi = indexAt(index, from);
  const ti = Math.max(fi, indexAtEnd(index, to));
  return {
    from,
    to,
    quote: index.text.slice(fi, ti),
    prefix: index.text.slice(Math.max(0, fi - CONTEXT_LENGTH), fi),
    suffix: index.text.slice(ti, ti + CONTEXT_LENGTH),
    part: partAt(doc, from),
  };
}

/**
 * The range without block boundaries at its ends. A selection made by dragging
 * or triple-clicking to the end of a paragraph often ends at the start of the
 * next one; a comment on it is about the text, not the line break.
 */
export function trimToText(doc: PMNode, from: number, to: number, index: TextIndex = buildTextIndex(doc)): { from: number; to: number } {
  let fi = indexAt(index, Math.min(from, to));
  let ti = Math.max(fi, indexAtEnd(index, Math.max(from, to)));
  while (fi < ti && index.separator[fi]) fi++;
  while (ti > fi && index.separator[ti - 1]) ti--;
  return rangeOf(index, fi, ti);
}

/**
 * Map an anchor through a transaction's mapping (the editor does this on every
 * transaction). Text typed at either edge stays outside a ranged anchor. Returns
 * null when the anchored text was deleted entirely: the caller marks it detached.
 */
export function mapAnchor(anchor: Anchor, mapping: Mappable, docAfter: PMNode, index?: TextIndex): Anchor | null {
  if (anchor.from === anchor.to) {
    const r = mapping.mapResult(anchor.from, -1);
    if (r.deletedAcross) return null;
    return createAnchor(docAfter, r.pos, r.pos, index);
  }
  const from = mapping.mapResult(anchor.from, 1);
  const to = mapping.mapResult(anchor.to, -1);
  if (to.pos <= from.pos) return null;
  return createAnchor(docAfter, from.pos, to.pos, index);
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function allOccurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/**
 * Find `anchor` in `doc`: its positions if they still hold the quoted text,
 * otherwise the occurrence of the quote whose surrounding text best matches the
 * stored context (closest to the old place on a tie), then a mark-insensitive
 * search (a quote whose diacritics were corrected). Returns null when the text is
 * gone: the comment or suggestion is detached.
 */
export function resolveAnchor(doc: PMNode, anchor: Anchor, index: TextIndex = buildTextIndex(doc)): Anchor | null {
  const size = doc.content.size;
  if (anchor.to <= size && anchor.from <= anchor.to && quoteBetween(index, anchor.from, anchor.to) === anchor.quote) {
    const here = createAnchor(doc, anchor.from, anchor.to, index);
    // An empty quote (an insertion point) is only trusted where its context still matches.
    if (anchor.quote || here.prefix.endsWith(anchor.prefix.slice(-8)) || here.suffix.startsWith(anchor.suffix.slice(0, 8))) return here;
  }
  const text = index.text;
  const oldIndex = Math.min(indexAt(index, anchor.from), text.length);
  const best = (candidates: { start: number; end: number }[]) => {
    let winner: { start: number; end: number; score: number } | null = null;
    for (const c of candidates) {
      const score =
        commonSuffixLength(text.slice(Math.max(0, c.start - CONTEXT_LENGTH), c.start), anchor.prefix) +
        commonPrefixLength(text.slice(c.end, c.end + CONTEXT_LENGTH), anchor.suffix) -
        Math.abs(c.start - oldIndex) / (text.length + 1);
      if (!winner || score > winner.score) winner = { ...c, score };
    }
    return winner;
  };
  let found: { start: number; end: number } | null = null;
  if (anchor.quote) {
    found = best(allOccurrences(text, anchor.quote).map((start) => ({ start, end: start + anchor.quote.length })));
    if (!found) {
      const hay = foldWithMap(text);
      const needle = foldWithMap(anchor.quote).folded;
      found = best(allOccurrences(hay.folded, needle).map((s) => ({ start: hay.map[s]!, end: hay.map[s + needle.length]! })));
    }
  } else {
    // An insertion point: the place where the prefix ends and the suffix begins.
    const joined = allOccurrences(text, anchor.prefix + anchor.suffix).map((s) => s + anchor.prefix.length);
    const points = joined.length ? joined : anchor.prefix ? allOccurrences(text, anchor.prefix).map((s) => s + anchor.prefix.length) : [];
    const fallback = points.length ? points : anchor.suffix ? allOccurrences(text, anchor.suffix) : [];
    found = best(fallback.map((p) => ({ start: p, end: p })));
  }
  if (!found) return null;
  const { from, to } = rangeOf(index, found.start, found.end);
  return createAnchor(doc, from, to, index);
}
