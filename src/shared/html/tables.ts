import { childNodesOf, ELEMENT_NODE, nodeTypeOf, tagOf, type HtmlNodeLike } from './dom-like';
import { withItemNumber } from './list-numbers';
import type { CleanBlock, CleanInline, CleanParagraph } from './model';

/**
 * The article schema has no table (a decision for all import paths): a table
 * becomes one paragraph per row, its non-empty cells joined with " | ", and the
 * caller reports how many tables and rows were flattened.
 */

export interface TableParts {
  captions: HtmlNodeLike[];
  rows: HtmlNodeLike[][];
  /** Text or elements sitting directly in the table outside any row (broken HTML). */
  stray: HtmlNodeLike[];
}

/** Captions, rows (as their cells) and stray content of one table, nested tables excluded. */
export function tableParts(table: HtmlNodeLike): TableParts {
  const parts: TableParts = { captions: [], rows: [], stray: [] };
  const visit = (node: HtmlNodeLike) => {
    const children = childNodesOf(node);
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (nodeTypeOf(child) !== ELEMENT_NODE) {
        parts.stray.push(child);
        continue;
      }
      const tag = tagOf(child);
      if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') visit(child);
      else if (tag === 'tr') parts.rows.push(cellsOf(child));
      else if (tag === 'caption') parts.captions.push(child);
      else if (tag !== 'colgroup' && tag !== 'col') parts.stray.push(child);
    }
  };
  visit(table);
  return parts;
}

function cellsOf(row: HtmlNodeLike): HtmlNodeLike[] {
  const cells: HtmlNodeLike[] = [];
  const children = childNodesOf(row);
  for (let i = 0; i < children.length; i++) {
    const tag = nodeTypeOf(children[i]!) === ELEMENT_NODE ? tagOf(children[i]!) : '';
    if (tag === 'td' || tag === 'th') cells.push(children[i]!);
  }
  return cells;
}

/** A cell's blocks as one run of inline content, paragraphs joined by a space, numbered list items with their number. */
export function cellInlines(blocks: CleanBlock[]): CleanInline[] {
  const out: CleanInline[] = [];
  const add = (content: CleanInline[]) => {
    if (!content.some((i) => i.kind === 'text' && i.text.trim())) return;
    if (out.length) out.push({ kind: 'text', text: ' ' });
    out.push(...content);
  };
  const visit = (list: CleanBlock[]) => {
    for (const b of list) {
      if (b.type === 'paragraph' || b.type === 'heading') add(b.content);
      else if (b.type === 'blockquote') b.paragraphs.forEach((p) => add(p.content));
      else if (b.type === 'bullet_list' || b.type === 'ordered_list') {
        b.items.forEach((item, index) => {
          const [first, ...rest] = item.blocks;
          // An item whose first paragraph is empty (it starts with a nested list) has no text to number.
          if (first?.type === 'paragraph' && first.content.length) add(withItemNumber(b, index, first.content));
          visit(rest);
        });
      }
    }
  };
  visit(blocks);
  return out.map((i) => (i.kind === 'break' ? { kind: 'text', text: ' ' } : i));
}

/** One paragraph for a row: its non-empty cells joined with " | "; null when every cell is empty. */
export function rowParagraph(cells: CleanInline[][]): CleanParagraph | null {
  const filled = cells.filter((c) => c.length);
  if (!filled.length) return null;
  const content: CleanInline[] = [];
  filled.forEach((cell, i) => {
    if (i > 0) content.push({ kind: 'text', text: ' | ' });
    content.push(...cell);
  });
  return { type: 'paragraph', content };
}
