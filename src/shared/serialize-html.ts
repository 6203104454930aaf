import type { Mark, Node as PMNode } from 'prosemirror-model';
import { documentParts } from './document';
import { safeHref } from './links';

/** Escape text for use as HTML element content. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escape text for use inside a double-quoted HTML attribute. */
export function escapeAttr(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** How a figure's image is written; the exporter supplies real renditions, the default writes none. */
export interface FigureImageRenderer {
  (figure: PMNode): string;
}

export interface HtmlOptions {
  /** HTML for the `<img>` (or `<picture>`) of a figure; empty string for none. */
  figureImage?: FigureImageRenderer;
  /** Level of body subheadings: 2 means `heading` level 2 → `<h2>`. */
  headingOffset?: number;
}

const MARK_TAGS: Record<string, string> = { strong: 'strong', em: 'em', sub: 'sub', sup: 'sup' };

function openMark(mark: Mark): string {
  if (mark.type.name === 'link') {
    const href = safeHref(mark.attrs.href);
    return href ? `<a href="${escapeAttr(href)}">` : '<span>';
  }
  return `<${MARK_TAGS[mark.type.name] ?? 'span'}>`;
}

function closeMark(mark: Mark): string {
  if (mark.type.name === 'link') return safeHref(mark.attrs.href) ? '</a>' : '</span>';
  return `</${MARK_TAGS[mark.type.name] ?? 'span'}>`;
}

/** Inline content of a textblock as HTML, with marks nested consistently. */
export function inlineToHtml(node: PMNode): string {
  let out = '';
  let open: readonly Mark[] = [];
  const closeTo = (depth: number) => {
    for (let i = open.length - 1; i >= depth; i--) out += closeMark(open[i]!);
    open = open.slice(0, depth);
  };
  node.forEach((child) => {
    const marks = child.marks;
    let keep = 0;
    while (keep < open.length && keep < marks.length && open[keep]!.eq(marks[keep]!)) keep++;
    closeTo(keep);
    for (let i = keep; i < marks.length; i++) out += openMark(marks[i]!);
    open = marks;
    if (child.isText) out += escapeHtml(child.text ?? '');
    else if (child.type.name === 'hard_break') out += '<br>';
  });
  closeTo(0);
  return out;
}

/** The body blocks as semantic HTML. */
export function bodyToHtml(body: PMNode, options: HtmlOptions = {}): string {
  let out = '';
  body.forEach((block) => {
    out += blockToHtml(block, options);
  });
  return out;
}

function blockToHtml(block: PMNode, options: HtmlOptions): string {
  switch (block.type.name) {
    case 'paragraph':
      return `<p>${inlineToHtml(block)}</p>\n`;
    case 'heading': {
      const level = (block.attrs.level as number) + (options.headingOffset ?? 0);
      return `<h${level}>${inlineToHtml(block)}</h${level}>\n`;
    }
    case 'blockquote':
      return `<blockquote>\n${bodyToHtml(block, options)}</blockquote>\n`;
    case 'bullet_list':
      return `<ul>\n${listItems(block, options)}</ul>\n`;
    case 'ordered_list': {
      const order = block.attrs.order as number;
      return `<ol${order === 1 ? '' : ` start="${order}"`}>\n${listItems(block, options)}</ol>\n`;
    }
    case 'horizontal_rule':
      return '<hr>\n';
    case 'figure': {
      const caption = inlineToHtml(block.child(0));
      const credit = block.child(1).textContent.trim();
      const image = options.figureImage?.(block) ?? '';
      const parts = [caption, credit ? `<span class="credit">${escapeHtml(credit)}</span>` : ''].filter(Boolean);
      const figcaption = parts.length ? `<figcaption>${parts.join(' ')}</figcaption>` : '';
      return `<figure>${image}${figcaption}</figure>\n`;
    }
    default:
      return '';
  }
}

function listItems(list: PMNode, options: HtmlOptions): string {
  let out = '';
  list.forEach((item) => {
    let inner = '';
    item.forEach((child, _o, i) => {
      inner += i === 0 && child.type.name === 'paragraph' ? inlineToHtml(child) : blockToHtml(child, options);
    });
    out += `<li>${inner}</li>\n`;
  });
  return out;
}

/**
 * The whole article as a semantic HTML fragment: `<h1>` headline, lead paragraph,
 * body blocks, byline. Everything is escaped; no raw HTML from the document passes through.
 */
export function documentToHtml(doc: PMNode, options: HtmlOptions = {}): string {
  const { headline, lead, body, byline } = documentParts(doc);
  const names: string[] = [];
  byline.forEach((a) => {
    if (a.textContent.trim()) names.push(escapeHtml(a.textContent.trim()));
  });
  return (
    `<h1>${escapeHtml(headline.textContent)}</h1>\n` +
    (lead.content.size ? `<p class="lead">${inlineToHtml(lead)}</p>\n` : '') +
    bodyToHtml(body, options) +
    (names.length ? `<p class="byline">${names.join(', ')}</p>\n` : '')
  );
}
