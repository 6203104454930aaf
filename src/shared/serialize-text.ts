import type { Node as PMNode } from 'prosemirror-model';
import { createDocument, documentParts } from './document';
import { squashSpaces } from './text';

/**
 * Plain text of a document: headline, lead, body blocks and byline separated by
 * blank lines; list items prefixed with `- ` or `1. `, figures as their caption and credit.
 */
export function documentToText(doc: PMNode): string {
  const { headline, lead, body, byline } = documentParts(doc);
  const blocks: string[] = [];
  const push = (s: string) => {
    if (s.trim()) blocks.push(s.trim());
  };
  push(headline.textContent);
  push(lead.textContent);
  body.forEach((block) => blockToText(block, push, ''));
  const names: string[] = [];
  byline.forEach((a) => {
    if (a.textContent.trim()) names.push(a.textContent.trim());
  });
  push(names.join(', '));
  return blocks.join('\n\n') + '\n';
}

function inlineText(node: PMNode): string {
  let out = '';
  node.forEach((child) => {
    out += child.isText ? child.text : child.type.name === 'hard_break' ? '\n' : '';
  });
  return out;
}

function blockToText(block: PMNode, push: (s: string) => void, indent: string): void {
  switch (block.type.name) {
    case 'paragraph':
    case 'heading':
      push(indent + inlineText(block));
      break;
    case 'blockquote':
      block.forEach((p) => push('> ' + inlineText(p)));
      break;
    case 'bullet_list':
    case 'ordered_list': {
      const lines: string[] = [];
      let n = block.attrs.order ?? 1;
      block.forEach((item) => {
        const marker = block.type.name === 'bullet_list' ? '- ' : `${n++}. `;
        item.forEach((child, _o, i) => {
          if (child.type.name === 'paragraph') lines.push(indent + (i === 0 ? marker : '  ') + inlineText(child));
          else blockToText(child, (s) => lines.push(s), indent + '  ');
        });
      });
      push(lines.join('\n'));
      break;
    }
    case 'horizontal_rule':
      push('* * *');
      break;
    case 'figure':
      push([block.child(0).textContent, block.child(1).textContent].filter((s) => s.trim()).join(' — '));
      break;
  }
}

/**
 * A document from plain text: blocks are separated by blank lines, single line
 * breaks inside a block become spaces. The first block is the headline, the second
 * the lead, the rest the body.
 */
export function textToDocument(text: string): PMNode {
  const blocks = splitTextBlocks(text);
  return createDocument({ headline: blocks[0], lead: blocks[1], paragraphs: blocks.slice(2) });
}

/** Split plain text on blank lines; lines within a block are joined with a space. */
export function splitTextBlocks(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n/)
    .map((b) => squashSpaces(b))
    .filter(Boolean);
}
