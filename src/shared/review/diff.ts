import type { Mark, Node as PMNode } from 'prosemirror-model';
import { StepMap } from 'prosemirror-transform';
import { ChangeSet, simplifyChanges, type TokenEncoder } from 'prosemirror-changeset';
import type { AnchorPart } from './model';
import { partAt } from './text-index';

/**
 * Compare two versions of an article with prosemirror-changeset. The whole content
 * is treated as replaced and the changeset's token diff narrows that to the real
 * insertions and deletions, in every part (headline, lead, body, captions, byline).
 * Formatting counts: bold added to a word shows as that word replaced.
 */

/** One changed range: `[fromA, toA)` in the older document replaced by `[fromB, toB)` in the newer. */
export interface DocumentChange {
  fromA: number;
  toA: number;
  fromB: number;
  toB: number;
  part: AnchorPart;
  deleted: string;
  inserted: string;
}

/** Text and marks are compared; node attributes (a figure's image) too, through the node start token. */
const markAwareEncoder: TokenEncoder<string> = {
  encodeCharacter: (char: number, marks: readonly Mark[]) =>
    marks.length ? `${char}:${marks.map((m) => m.type.name + JSON.stringify(m.attrs)).join(',')}` : String(char),
  encodeNodeStart: (node: PMNode) => `<${node.type.name}${JSON.stringify(node.attrs)}`,
  encodeNodeEnd: (node: PMNode) => `>${node.type.name}`,
  compareTokens: (a: string, b: string) => a === b,
};

const textOf = (doc: PMNode, from: number, to: number) => doc.textBetween(from, to, '\n', '\n');

export function diffDocuments(a: PMNode, b: PMNode, options: { simplify?: boolean } = {}): DocumentChange[] {
  if (a.eq(b)) return [];
  const map = new StepMap([0, a.content.size, b.content.size]);
  const set = ChangeSet.create(a, undefined, markAwareEncoder).addSteps(b, [map], null);
  const changes = options.simplify === false ? set.changes : simplifyChanges(set.changes, b);
  return changes.map((c) => ({
    fromA: c.fromA,
    toA: c.toA,
    fromB: c.fromB,
    toB: c.toB,
    part: partAt(b, c.fromB),
    deleted: textOf(a, c.fromA, c.toA),
    inserted: textOf(b, c.fromB, c.toB),
  }));
}

/** A run of text in a side-by-side-free, inline comparison. */
export interface DiffSegment {
  kind: 'same' | 'deleted' | 'inserted';
  text: string;
}

/**
 * The comparison as one stream of text runs per part, deletions (from `a`) placed
 * just before the insertions (from `b`) that replaced them: what the compare view
 * and `newsroom` print.
 */
export function inlineDiff(a: PMNode, b: PMNode): { part: string; segments: DiffSegment[] }[] {
  const changes = diffDocuments(a, b);
  const out: { part: string; segments: DiffSegment[] }[] = [];
  b.forEach((partNode, offset, i) => {
    const partFrom = offset + 1;
    const partTo = offset + partNode.nodeSize - 1;
    const aPart = a.child(i);
    let aOffset = 0;
    for (let k = 0; k < i; k++) aOffset += a.child(k).nodeSize;
    const aFrom = aOffset + 1;
    const aTo = aOffset + aPart.nodeSize - 1;
    const segments: DiffSegment[] = [];
    const push = (kind: DiffSegment['kind'], text: string) => {
      if (!text) return;
      const last = segments[segments.length - 1];
      if (last?.kind === kind) last.text += text;
      else segments.push({ kind, text });
    };
    let posB = partFrom;
    for (const c of changes) {
      if (c.toB < partFrom || c.fromB > partTo) continue;
      const fromB = Math.max(c.fromB, partFrom);
      const toB = Math.min(c.toB, partTo);
      push('same', textOf(b, posB, Math.max(posB, fromB)));
      push('deleted', textOf(a, Math.max(c.fromA, aFrom), Math.max(Math.max(c.fromA, aFrom), Math.min(c.toA, aTo))));
      push('inserted', textOf(b, fromB, toB));
      posB = Math.max(posB, toB);
    }
    push('same', textOf(b, posB, partTo));
    out.push({ part: partNode.type.name, segments });
  });
  return out;
}
