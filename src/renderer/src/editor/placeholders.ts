import { Plugin } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';

/** Placeholder text per empty part, in the UI language. */
export interface PlaceholderTexts {
  headline: string;
  lead: string;
  body: string;
  author: string;
  caption: string;
  credit: string;
}

/**
 * Shows "Tít bài", "Sapo", "Nội dung", "Tác giả"… in empty parts through node
 * decorations (a `data-placeholder` attribute the stylesheet displays), so the
 * text is never in the document. Only the few part nodes are inspected, never
 * the whole body, which keeps typing in long articles cheap.
 */
export function placeholderPlugin(texts: () => PlaceholderTexts): Plugin {
  const build = (doc: PMNode): DecorationSet => {
    const labels = texts();
    const decos: Decoration[] = [];
    const mark = (node: PMNode, pos: number, text: string) => {
      if (node.content.size === 0) decos.push(Decoration.node(pos, pos + node.nodeSize, { class: 'nr-empty', 'data-placeholder': text }));
    };
    let pos = 0;
    doc.forEach((part) => {
      const inner = pos + 1;
      if (part.type.name === 'headline') mark(part, pos, labels.headline);
      else if (part.type.name === 'lead') mark(part, pos, labels.lead);
      else if (part.type.name === 'body' && part.childCount === 1 && part.firstChild!.type.name === 'paragraph') mark(part.firstChild!, inner, labels.body);
      else if (part.type.name === 'byline') {
        let p = inner;
        part.forEach((author) => {
          mark(author, p, labels.author);
          p += author.nodeSize;
        });
      }
      if (part.type.name === 'body') {
        // Figures are top-level body blocks: label their empty caption and credit.
        let p = inner;
        part.forEach((block) => {
          if (block.type.name === 'figure') {
            mark(block.child(0), p + 1, labels.caption);
            mark(block.child(1), p + 1 + block.child(0).nodeSize, labels.credit);
          }
          p += block.nodeSize;
        });
      }
      pos += part.nodeSize;
    });
    return DecorationSet.create(doc, decos);
  };

  return new Plugin({
    state: {
      init: (_, state) => build(state.doc),
      apply: (tr, old, _oldState, newState) => (tr.docChanged || tr.getMeta('placeholders') ? build(newState.doc) : old),
    },
    props: {
      decorations(state) {
        return this.getState(state);
      },
    },
  });
}
