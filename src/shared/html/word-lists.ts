import type { CleanBlock, CleanInline, CleanList } from './model';

/**
 * Word does not write `<ul>`/`<ol>`: each list item is a `<p>` whose style says
 * `mso-list:l0 level2 lfo1`, with the bullet or number as literal text in a
 * `mso-list:Ignore` span. The sanitiser records such paragraphs as these items and
 * this module turns runs of them back into nested lists.
 */
export interface WordListItem {
  type: 'word_item';
  listId: string;
  /** 1 for the outer list, 2 for the first nesting, … */
  level: number;
  /** True when Word's marker was a number or letter ("1.", "a)"), false for bullets. */
  ordered: boolean;
  /** The number Word gave the item (3 for "3." or "c)"); a new list starts there. */
  start: number;
  content: CleanInline[];
}

/** Replace each run of consecutive Word list paragraphs by a (nested) list. */
export function groupWordListItems(blocks: (CleanBlock | WordListItem)[]): CleanBlock[] {
  const out: CleanBlock[] = [];
  let stack: { level: number; listId: string; list: CleanList }[] = [];
  for (const block of blocks) {
    if (block.type !== 'word_item') {
      stack = [];
      out.push(block);
      continue;
    }
    const paragraph = { type: 'paragraph' as const, content: block.content };
    // Word numbers each list (`l0`, `l1`); a new id starts a new list.
    if (stack.length && stack[0]!.listId !== block.listId) stack = [];
    while (stack.length && stack[stack.length - 1]!.level > block.level) stack.pop();
    const top = stack[stack.length - 1];
    if (top && top.level === block.level) {
      top.list.items.push({ blocks: [paragraph] });
      continue;
    }
    const list: CleanList = { type: block.ordered ? 'ordered_list' : 'bullet_list', start: block.start, items: [{ blocks: [paragraph] }] };
    if (top) {
      // Deeper than the current list: nest inside its last item.
      top.list.items[top.list.items.length - 1]!.blocks.push(list);
    } else {
      out.push(list);
    }
    stack.push({ level: block.level, listId: block.listId, list });
  }
  return out;
}

/**
 * Bullet glyphs Word leaves as text when its list marker is not wrapped in a
 * `mso-list:Ignore` span (older Word, some converters): "·", "•", "▪", "o" is not
 * among them (it is a word), and Symbol/Wingdings private-use characters (U+F0xx).
 */
const LEADING_GLYPH = /^[\u00b7\u2022\u2023\u2043\u25aa\u25ab\u25cf\u25cb\u25a0\u25a1\u25e6\u27a2\u2713\u2714\u00a7\uf000-\uf0ff][\s\u00a0]+/;

/** A Word list paragraph's content without a leading bullet glyph. */
export function stripListGlyph(content: CleanInline[]): CleanInline[] {
  const first = content[0];
  if (first?.kind !== 'text' || !LEADING_GLYPH.test(first.text)) return content;
  const rest = first.text.replace(LEADING_GLYPH, '');
  return rest ? [{ ...first, text: rest }, ...content.slice(1)] : content.slice(1);
}
