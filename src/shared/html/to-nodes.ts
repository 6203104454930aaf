import type { Mark, Node as PMNode, Schema } from 'prosemirror-model';
import type { CleanBlock, CleanInline, CleanList, CleanParagraph } from './model';

/**
 * Sanitised blocks as article-schema body nodes (paragraph, heading, lists,
 * blockquote, horizontal_rule), ready for a body, a slice or an import.
 */
export function blocksToNodes(blocks: CleanBlock[], schema: Schema): PMNode[] {
  return blocks.map((b) => blockToNode(b, schema));
}

function blockToNode(block: CleanBlock, schema: Schema): PMNode {
  const n = schema.nodes;
  switch (block.type) {
    case 'paragraph':
      return paragraph(block, schema);
    case 'heading':
      return n.heading!.create({ level: block.level }, inlines(block.content, schema));
    case 'blockquote':
      return n.blockquote!.create(null, block.paragraphs.map((p) => paragraph(p, schema)));
    case 'horizontal_rule':
      return n.horizontal_rule!.create();
    default:
      return list(block, schema);
  }
}

function paragraph(p: CleanParagraph, schema: Schema): PMNode {
  return schema.nodes.paragraph!.create(null, inlines(p.content, schema));
}

function list(l: CleanList, schema: Schema): PMNode {
  const items = l.items.map((item) =>
    schema.nodes.list_item!.create(null, item.blocks.map((b) => (b.type === 'paragraph' ? paragraph(b, schema) : list(b, schema)))),
  );
  return l.type === 'ordered_list' ? schema.nodes.ordered_list!.create({ order: l.start }, items) : schema.nodes.bullet_list!.create(null, items);
}

/** Inline content with its marks; also used when only the inline part of a paste fits. */
export function inlines(content: CleanInline[], schema: Schema): PMNode[] {
  const out: PMNode[] = [];
  for (const i of content) {
    if (i.kind === 'break') {
      out.push(schema.nodes.hard_break!.create());
      continue;
    }
    if (!i.text) continue;
    let marks: readonly Mark[] = [];
    if (i.strong) marks = schema.marks.strong!.create().addToSet(marks);
    if (i.em) marks = schema.marks.em!.create().addToSet(marks);
    if (i.sub) marks = schema.marks.sub!.create().addToSet(marks);
    else if (i.sup) marks = schema.marks.sup!.create().addToSet(marks);
    if (i.href) marks = schema.marks.link!.create({ href: i.href }).addToSet(marks);
    out.push(schema.text(i.text, marks));
  }
  return out;
}
