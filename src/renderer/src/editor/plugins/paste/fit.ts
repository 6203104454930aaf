import { Fragment, Slice, type Node as PMNode, type ResolvedPos, type Schema } from 'prosemirror-model';

/**
 * Parts that hold one run of text (headline, lead, caption, credit, author name)
 * cannot take paragraphs. A multi-paragraph paste there becomes one run, with
 * paragraphs joined by a space; marks stay only where the part allows them.
 */
export function fitSliceToPart(slice: Slice, $at: ResolvedPos, schema: Schema): Slice {
  const parent = $at.parent;
  const inBody = $at.depth >= 2 && $at.node(1).type.name === 'body';
  if (inBody || !parent.isTextblock) return slice;
  let hasBlocks = false;
  slice.content.forEach((n) => {
    if (n.isBlock) hasBlocks = true;
  });
  if (!hasBlocks) return stripDisallowed(slice, parent, schema);
  const runs: PMNode[][] = [];
  slice.content.descendants((node) => {
    if (!node.isTextblock) return true;
    const inline: PMNode[] = [];
    node.forEach((child) => inline.push(child));
    if (inline.length) runs.push(inline);
    return false;
  });
  const joined: PMNode[] = [];
  runs.forEach((run, i) => {
    if (i > 0) joined.push(schema.text(' '));
    joined.push(...run);
  });
  return stripDisallowed(new Slice(Fragment.from(joined), 0, 0), parent, schema);
}

/** Drop marks and inline nodes (line breaks) the target part does not allow. */
function stripDisallowed(slice: Slice, parent: PMNode, schema: Schema): Slice {
  const type = parent.type;
  const nodes: PMNode[] = [];
  let changed = false;
  slice.content.forEach((node) => {
    if (!node.isInline) return nodes.push(node);
    if (!type.contentMatch.matchType(node.type)) {
      changed = true;
      if (node.type.name === 'hard_break') nodes.push(schema.text(' '));
      return;
    }
    const marks = node.marks.filter((m) => type.allowsMarkType(m.type));
    if (marks.length !== node.marks.length) changed = true;
    nodes.push(node.mark(marks));
  });
  return changed ? new Slice(Fragment.from(nodes), slice.openStart, slice.openEnd) : slice;
}
