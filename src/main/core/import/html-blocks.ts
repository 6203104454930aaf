import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../../shared/schema';
import { blocksToNodes, cleanInlinesToNodes, type CleanBlock, type CleanInline } from '../../../shared/html';

/**
 * Markers the importers write into the DOM before sanitising, so that what the
 * sanitiser deliberately drops (images) or flattens (h1, figcaption, Word's Caption
 * style) can be found again afterwards. Private-use characters never occur in copy.
 */
export const MARK = {
  imageOpen: '\uE000',
  imageClose: '\uE001',
  caption: '\uE002',
  headline: '\uE003',
  /** Written into every table cell, so rows the sanitiser flattens are never taken for the lead, headline or byline. */
  tableCell: '\uE004',
} as const;

export const imageMarker = (index: number): string => `${MARK.imageOpen}${index}${MARK.imageClose}`;
const IMAGE_MARKER = /\uE000(\d+)\uE001/g;
const ANY_MARKER = /[\uE000-\uE004]/g;

/** One piece of an imported body, before the article's parts are recognised. */
export type BodyItem =
  | { kind: 'block'; node: PMNode; role: 'plain' | 'caption' | 'headline' | 'table' }
  /** `inline`: the picture sat inside a sentence, so the paragraph after it is not its caption unless styled as one. */
  | { kind: 'image'; index: number; inline?: boolean };

/** Inline content as nodes, markers removed, leading and trailing line breaks dropped. */
export function inlineNodes(content: CleanInline[]): PMNode[] {
  const out = cleanInlinesToNodes(stripInlines(content), schema);
  while (out.length && out[0]!.type.name === 'hard_break') out.shift();
  while (out.length && out[out.length - 1]!.type.name === 'hard_break') out.pop();
  return out;
}

const paragraph = (content: CleanInline[]) => schema.node('paragraph', null, inlineNodes(content));

/** Split a paragraph's inline content at image markers into text runs and image indexes. */
function splitAtImages(content: CleanInline[]): (CleanInline[] | number)[] {
  const parts: (CleanInline[] | number)[] = [];
  let run: CleanInline[] = [];
  for (const c of content) {
    if (c.kind !== 'text' || !c.text.includes(MARK.imageOpen)) {
      run.push(c);
      continue;
    }
    let last = 0;
    for (const m of c.text.matchAll(IMAGE_MARKER)) {
      const before = c.text.slice(last, m.index);
      if (before.trim()) run.push({ ...c, text: before });
      if (run.length) parts.push(run);
      run = [];
      parts.push(Number(m[1]));
      last = m.index + m[0].length;
    }
    const after = c.text.slice(last);
    if (after.trim()) run.push({ ...c, text: after });
  }
  if (run.length) parts.push(run);
  return parts;
}

const hasText = (content: CleanInline[]) => content.some((c) => c.kind === 'text' && c.text.replace(ANY_MARKER, '').trim());
const startsWith = (content: CleanInline[], marker: string) => content.some((c) => c.kind === 'text' && c.text.includes(marker));

/** Turn sanitised blocks into body items, recovering images, captions and the headline from their markers. */
export function toBodyItems(blocks: CleanBlock[]): BodyItem[] {
  const items: BodyItem[] = [];
  for (const b of blocks) {
    if (b.type === 'paragraph' || b.type === 'heading') {
      for (const part of splitAtImages(b.content)) {
        if (typeof part === 'number') {
          items.push({ kind: 'image', index: part });
          continue;
        }
        if (!hasText(part)) continue;
        const role = startsWith(part, MARK.headline) ? 'headline' : startsWith(part, MARK.caption) ? 'caption' : startsWith(part, MARK.tableCell) ? 'table' : 'plain';
        const node = b.type === 'heading' && role === 'plain' ? schema.node('heading', { level: b.level }, inlineNodes(part)) : paragraph(part);
        items.push({ kind: 'block', node, role });
      }
    } else if (b.type === 'blockquote') {
      const paragraphs = b.paragraphs.filter((p) => hasText(p.content)).map((p) => paragraph(p.content));
      if (paragraphs.length) items.push({ kind: 'block', node: schema.node('blockquote', null, paragraphs), role: 'plain' });
    } else {
      // Lists and rules: the shared converter, after markers are taken out of their text.
      const [node] = blocksToNodes([stripBlock(b)], schema);
      if (node) items.push({ kind: 'block', node, role: 'plain' });
    }
  }
  return items;
}

const stripInlines = (content: CleanInline[]): CleanInline[] => content.map((c) => (c.kind === 'text' ? { ...c, text: c.text.replace(ANY_MARKER, '') } : c));

/** A block with every marker removed from its text (images inside lists are placed by the caller). */
function stripBlock(b: CleanBlock): CleanBlock {
  switch (b.type) {
    case 'paragraph':
    case 'heading':
      return { ...b, content: stripInlines(b.content) };
    case 'blockquote':
      return { ...b, paragraphs: b.paragraphs.map((p) => ({ ...p, content: stripInlines(p.content) })) };
    case 'bullet_list':
    case 'ordered_list':
      return { ...b, items: b.items.map((item) => ({ blocks: item.blocks.map((x) => stripBlock(x) as typeof x) })) };
    default:
      return b;
  }
}
