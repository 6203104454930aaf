import { escapeAttr, escapeHtml } from '../serialize-html';
import type { CleanBlock, CleanInline, CleanList, CleanParagraph } from './model';

/**
 * Sanitised blocks as minimal HTML (only p, h2, h3, ul, ol, li, blockquote, hr,
 * br, strong, em, sub, sup and a[href]); every text and attribute is escaped.
 * The renderer hands this to ProseMirror's clipboard parser, which then fits it
 * into wherever the caret is.
 */
export function blocksToHtml(blocks: CleanBlock[]): string {
  return blocks.map(blockToHtml).join('');
}

function blockToHtml(block: CleanBlock): string {
  switch (block.type) {
    case 'paragraph':
      return paragraphHtml(block);
    case 'heading':
      return `<h${block.level}>${inlinesToHtml(block.content)}</h${block.level}>`;
    case 'blockquote':
      return `<blockquote>${block.paragraphs.map(paragraphHtml).join('')}</blockquote>`;
    case 'horizontal_rule':
      return '<hr>';
    default:
      return listHtml(block);
  }
}

function paragraphHtml(p: CleanParagraph): string {
  return `<p>${inlinesToHtml(p.content)}</p>`;
}

function listHtml(l: CleanList): string {
  const tag = l.type === 'ordered_list' ? 'ol' : 'ul';
  const start = l.type === 'ordered_list' && l.start !== 1 ? ` start="${l.start}"` : '';
  const items = l.items.map((item) => `<li>${item.blocks.map((b) => (b.type === 'paragraph' ? paragraphHtml(b) : listHtml(b))).join('')}</li>`);
  return `<${tag}${start}>${items.join('')}</${tag}>`;
}

export function inlinesToHtml(content: CleanInline[]): string {
  let html = '';
  for (const i of content) {
    if (i.kind === 'break') {
      html += '<br>';
      continue;
    }
    let s = escapeHtml(i.text);
    if (i.sub) s = `<sub>${s}</sub>`;
    if (i.sup) s = `<sup>${s}</sup>`;
    if (i.em) s = `<em>${s}</em>`;
    if (i.strong) s = `<strong>${s}</strong>`;
    if (i.href) s = `<a href="${escapeAttr(i.href)}">${s}</a>`;
    html += s;
  }
  return html;
}
