import type { CleanInline, CleanList } from './model';

/**
 * Where a list has to become plain paragraphs (inside a block quote, which holds
 * only paragraphs) or cell text (a flattened table row), an ordered item keeps
 * its number as text ("2. …"): the numbers are part of what the author wrote.
 * A bullet item's content is returned as it is.
 */
export function withItemNumber(list: CleanList, index: number, content: CleanInline[]): CleanInline[] {
  if (list.type !== 'ordered_list') return content;
  return [{ kind: 'text', text: `${list.start + index}. ` }, ...content];
}
