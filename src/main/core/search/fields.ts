import type { NodeJSON } from '../../../shared/document';

/** The searchable text of a document, by field, read straight from its stored JSON. */
export interface DocumentFields {
  headline: string;
  lead: string;
  /** Body blocks (paragraphs, headings, list items, quotes), one string each. */
  body: string[];
  /** Figure captions and credits, one string each. */
  captions: string[];
  byline: string[];
}

function textOf(node: NodeJSON | undefined): string {
  if (!node) return '';
  if (node.text !== undefined) return node.text;
  if (node.type === 'hard_break') return ' ';
  return (node.content ?? []).map(textOf).join('');
}

/** Each textblock under `node` as one string (a list item's paragraphs separately). */
function blocks(node: NodeJSON, into: { body: string[]; captions: string[] }): void {
  for (const child of node.content ?? []) {
    if (child.type === 'figure') {
      for (const part of child.content ?? []) {
        const t = textOf(part);
        if (t) into.captions.push(t);
      }
    } else if (child.type === 'paragraph' || child.type === 'heading') {
      const t = textOf(child);
      if (t) into.body.push(t);
    } else if (child.content) blocks(child, into);
  }
}

/**
 * Split a stored (current-version) document into search fields without building
 * ProseMirror nodes: the index and the snippets run on every save and every result.
 */
export function documentFields(doc: NodeJSON): DocumentFields {
  const [headline, lead, body, byline] = doc.content ?? [];
  const out = { body: [] as string[], captions: [] as string[] };
  if (body) blocks(body, out);
  return {
    headline: textOf(headline),
    lead: textOf(lead),
    body: out.body,
    captions: out.captions,
    byline: (byline?.content ?? []).map(textOf).filter((s) => s.trim()),
  };
}
