import type { Node as PMNode } from 'prosemirror-model';
import type { AnchorPart } from './model';

/**
 * The document's text as one string, with a doc position for every character, so
 * text found by searching (a quoted comment, a suggestion's context) maps back to
 * positions. Textblocks are separated by `\n`; a hard break is `\n` too.
 */
export interface TextIndex {
  text: string;
  /** `start[i]`: doc position before character `i`. Separators sit at the end of the block before them. */
  start: number[];
  /** True where `text[i]` is a block separator, which has no width in the document. */
  separator: boolean[];
  docSize: number;
}

export const BLOCK_SEPARATOR = '\n';

export function buildTextIndex(doc: PMNode): TextIndex {
  let text = '';
  const start: number[] = [];
  const separator: boolean[] = [];
  let lastBlockEnd = -1;
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      if (lastBlockEnd >= 0) {
        text += BLOCK_SEPARATOR;
        start.push(lastBlockEnd);
        separator.push(true);
      }
      lastBlockEnd = pos + node.nodeSize - 1;
      node.forEach((child, offset) => {
        const childPos = pos + 1 + offset;
        if (child.isText) {
          const t = child.text!;
          for (let i = 0; i < t.length; i++) {
            start.push(childPos + i);
            separator.push(false);
          }
          text += t;
        } else {
          text += BLOCK_SEPARATOR; // hard break (or any other inline leaf)
          start.push(childPos);
          separator.push(false);
        }
      });
      return false;
    }
    return true;
  });
  return { text, start, separator, docSize: doc.content.size };
}

/** Index of the first character at or after doc position `pos`. */
export function indexAt(index: TextIndex, pos: number): number {
  let lo = 0;
  let hi = index.start.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.start[mid]! < pos || (index.start[mid] === pos && index.separator[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Index just past the text that ends at doc position `pos`: the end of a range.
 * Unlike {@link indexAt}, a block separator sitting at `pos` is not skipped, so a
 * range ending where a paragraph's text ends does not take in the line break.
 */
export function indexAtEnd(index: TextIndex, pos: number): number {
  let lo = 0;
  let hi = index.start.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.start[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Doc range covered by text `[fromIndex, toIndex)`. */
export function rangeOf(index: TextIndex, fromIndex: number, toIndex: number): { from: number; to: number } {
  const n = index.start.length;
  let f = fromIndex;
  while (f < n && index.separator[f]) f++;
  const from = f < n ? index.start[f]! : index.docSize;
  if (toIndex <= fromIndex) return { from, to: from };
  const last = toIndex - 1;
  const to = index.separator[last] ? index.start[last]! : index.start[last]! + 1;
  return { from, to: Math.max(from, to) };
}

/** Which named part of the article holds position `pos`. */
export function partAt(doc: PMNode, pos: number): AnchorPart {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)));
  for (let d = $pos.depth; d > 0; d--) {
    const name = $pos.node(d).type.name;
    if (name === 'caption' || name === 'credit') return name;
  }
  const top = $pos.depth > 0 ? $pos.node(1).type.name : doc.childBefore(pos).node?.type.name ?? 'body';
  if (top === 'headline' || top === 'lead' || top === 'body' || top === 'byline') return top;
  return 'body';
}
