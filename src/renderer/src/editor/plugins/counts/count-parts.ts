import type { Node as PMNode } from 'prosemirror-model';
import { countCharacters, countWords } from '../../../../../shared/text';

export interface Tally {
  words: number;
  characters: number;
}

export interface PartCounts {
  headline: Tally;
  lead: Tally;
  /** Body text without figure captions and credits. */
  body: Tally;
  /** Each caption in document order (for per-caption limits). */
  captions: Tally[];
  /** Every word of the article, counted as the article list counts it (names and credits included). */
  total: Tally;
}

const ZERO: Tally = { words: 0, characters: 0 };

/**
 * Textblock tallies, cached per node. ProseMirror nodes are immutable and shared
 * between document versions, so after a keystroke only the edited paragraph is
 * new and recounted; the rest are cache hits. Recounting a 50k-word article after
 * one keystroke touches one paragraph's text.
 */
const cache = new WeakMap<PMNode, Tally>();

function tallyTextblock(node: PMNode): Tally {
  let t = cache.get(node);
  if (!t) {
    const text = node.textBetween(0, node.content.size, undefined, ' ');
    t = { words: countWords(text), characters: countCharacters(text) };
    cache.set(node, t);
  }
  return t;
}

const add = (a: Tally, b: Tally): Tally => ({ words: a.words + b.words, characters: a.characters + b.characters });

/** Tally of every textblock under `node` (cached per textblock and per container). */
const containerCache = new WeakMap<PMNode, { own: Tally; captions: Tally[]; credits: Tally }>();

function tallyContainer(node: PMNode): { own: Tally; captions: Tally[]; credits: Tally } {
  const hit = containerCache.get(node);
  if (hit) return hit;
  let own = ZERO;
  let credits = ZERO;
  const captions: Tally[] = [];
  node.forEach((child) => {
    if (child.type.name === 'figure') {
      captions.push(tallyTextblock(child.child(0)));
      credits = add(credits, tallyTextblock(child.child(1)));
    } else if (child.isTextblock) {
      own = add(own, tallyTextblock(child));
    } else {
      const inner = tallyContainer(child);
      own = add(own, inner.own);
      credits = add(credits, inner.credits);
      captions.push(...inner.captions);
    }
  });
  const result = { own, captions, credits };
  containerCache.set(node, result);
  return result;
}

/** Word and character counts per part of an article document. */
export function countParts(doc: PMNode): PartCounts {
  const headline = tallyTextblock(doc.child(0));
  const lead = tallyTextblock(doc.child(1));
  const body = tallyContainer(doc.child(2));
  const byline = tallyContainer(doc.child(3)).own;
  const captionsTotal = body.captions.reduce(add, ZERO);
  return {
    headline,
    lead,
    body: body.own,
    captions: body.captions,
    total: [headline, lead, body.own, captionsTotal, body.credits, byline].reduce(add, ZERO),
  };
}

/** Counts of the selected text, or null for an empty selection. */
export function countSelection(doc: PMNode, from: number, to: number): Tally | null {
  if (from === to) return null;
  const text = doc.textBetween(from, to, ' ', ' ');
  return { words: countWords(text), characters: countCharacters(text) };
}
