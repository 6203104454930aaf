import { safeHref } from '../links';
import { nfc } from '../text';
import { CDATA_SECTION_NODE, ELEMENT_NODE, TEXT_NODE, type HtmlNodeLike } from './dom-like';
import type { CleanBlock, CleanInline, CleanList, CleanListItem, CleanParagraph, CleanText, SanitizedHtml } from './model';
import { groupWordListItems, type WordListItem } from './word-lists';

/** Elements dropped with everything inside them. */
const DROPPED = new Set([
  'head', 'title', 'meta', 'link', 'style', 'script', 'noscript', 'template', 'iframe', 'frame', 'frameset',
  'object', 'embed', 'applet', 'param', 'svg', 'math', 'canvas', 'audio', 'video', 'source', 'track', 'map',
  'area', 'form', 'input', 'button', 'select', 'option', 'textarea', 'datalist', 'dialog', 'xml', 'base',
  // Word's tracked deletions: the text is gone in the author's view.
  'del',
]);

/** Elements that end the current paragraph and hold block content. */
const BLOCK_CONTAINERS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'nav', 'aside', 'address', 'center', 'figure',
  'figcaption', 'caption', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'dl', 'dt', 'dd', 'pre',
  'details', 'summary', 'fieldset', 'legend', 'body', 'html', 'li', 'hgroup',
]);

const HEADING_LEVEL: Record<string, 2 | 3> = { h1: 2, h2: 2, h3: 3, h4: 3, h5: 3, h6: 3 };

/** Beyond this nesting depth the walker keeps only the text (hostile or broken HTML). */
const MAX_DEPTH = 400;

/** Zero-width and formatting characters that only ever arrive as clipboard junk, plus controls. */
const JUNK_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g;

interface Marks {
  strong: boolean;
  em: boolean;
  sub: boolean;
  sup: boolean;
  href: string | null;
}

const NO_MARKS: Marks = { strong: false, em: false, sub: false, sup: false, href: null };

type ParagraphKind = { type: 'paragraph' } | { type: 'heading'; level: 2 | 3 } | { type: 'word_item'; level: number; listId: string };

/** Blocks being collected for one container (the root, a blockquote, a list item). */
interface Sink {
  blocks: (CleanBlock | WordListItem)[];
  para: CleanInline[] | null;
  kind: ParagraphKind;
  /** Text of Word's `mso-list:Ignore` bullet or number for the current paragraph. */
  listMarker: string;
}

const newSink = (): Sink => ({ blocks: [], para: null, kind: { type: 'paragraph' }, listMarker: '' });

/**
 * Sanitise pasted or imported HTML into the article schema's vocabulary.
 *
 * Entry point for every HTML source (clipboard in the renderer, `.html` files in
 * the Node importer). Parse the HTML yourself — `new DOMParser().parseFromString(html,
 * 'text/html')` in a browser, linkedom's `parseHTML(html).document` in Node — and pass
 * the document (or any element or fragment). Nothing is executed or fetched here.
 *
 * Kept: paragraphs, headings (h1–h2 → level 2, h3–h6 → level 3), bold, italic,
 * sub/superscript, http/https/mailto links, bullet and numbered lists (including
 * Word's `mso-list` paragraphs), blockquotes, rules and line breaks.
 * Dropped: scripts, styles, classes, fonts, comments, Office namespaces (`o:p`,
 * `v:*`, conditional comments), hidden text, tracked deletions, empty paragraphs,
 * zero-width junk and images (counted in `imagesDropped`). Non-breaking spaces and
 * line breaks inside text become ordinary spaces, so words never fuse; all text is NFC.
 *
 * Turn the result into nodes with `blocksToNodes` or into clean HTML with `blocksToHtml`.
 */
export function sanitizeHtml(root: HtmlNodeLike): SanitizedHtml {
  const walker = new Walker();
  const sink = newSink();
  walker.walkChildren(root, NO_MARKS, sink, 0, false);
  walker.flush(sink);
  return { blocks: groupWordListItems(sink.blocks), imagesDropped: walker.images, unsafeLinksDropped: walker.unsafeLinks };
}

function tagOf(node: HtmlNodeLike): string {
  return node.nodeName.toLowerCase();
}

function attr(node: HtmlNodeLike, name: string): string {
  return node.getAttribute?.(name) ?? '';
}

/** Inline `style` attribute as lower-case property → value. */
export function parseStyle(style: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const decl of style.split(';')) {
    const colon = decl.indexOf(':');
    if (colon < 0) continue;
    const prop = decl.slice(0, colon).trim().toLowerCase();
    const value = decl.slice(colon + 1).trim().toLowerCase().replace(/\s*!important$/, '');
    if (prop) out.set(prop, value);
  }
  return out;
}

/** Style properties the sanitiser reads; a style attribute without any of them is not parsed. */
const RELEVANT_STYLE = /font-weight|font-style|vertical-align|display|visibility|mso-hide|mso-list|mso-element/i;
const NO_STYLE: Map<string, string> = new Map();

const isHidden = (style: Map<string, string>) =>
  style.get('display') === 'none' || style.get('visibility') === 'hidden' || style.get('mso-hide') === 'all';

class Walker {
  images = 0;
  unsafeLinks = 0;

  walkChildren(node: HtmlNodeLike, marks: Marks, sink: Sink, depth: number, pre: boolean): void {
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) this.walk(children[i]!, marks, sink, depth + 1, pre);
  }

  private walk(node: HtmlNodeLike, marks: Marks, sink: Sink, depth: number, pre: boolean): void {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      this.text(sink, node.nodeValue ?? '', marks, pre);
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return; // comments, PIs, doctype
    if (node.nodeType !== ELEMENT_NODE) return this.walkChildren(node, marks, sink, depth, pre);
    if (depth > MAX_DEPTH) return this.text(sink, collectText(node), marks, pre);

    const tag = tagOf(node);
    if (tag === 'img' || tag === 'image') {
      this.images++;
      return;
    }
    // Office namespaces (o:p, v:shape, w:sdt…) and everything in the drop list.
    if (DROPPED.has(tag) || tag.includes(':')) return;

    const styleAttr = attr(node, 'style');
    // Most clipboard styles (fonts, sizes, Word's mso-ansi-language) matter to nobody: skip parsing them.
    const style = styleAttr && RELEVANT_STYLE.test(styleAttr) ? parseStyle(styleAttr) : NO_STYLE;
    if (isHidden(style)) return;
    if (style.get('mso-list') === 'ignore') {
      sink.listMarker += collectText(node);
      return;
    }
    if (style.has('mso-element') || /\bmso(comment|comanchor)/i.test(attr(node, 'class'))) return; // Word comments, footnote lists

    if (tag === 'br') {
      if (sink.para) sink.para.push({ kind: 'break' });
      return;
    }
    if (tag === 'hr') {
      this.flush(sink);
      sink.blocks.push({ type: 'horizontal_rule' });
      return;
    }
    const level = HEADING_LEVEL[tag];
    if (level) {
      this.flush(sink);
      sink.kind = { type: 'heading', level };
      this.walkChildren(node, marks, sink, depth, pre);
      this.flush(sink);
      return;
    }
    if (tag === 'blockquote') {
      this.flush(sink);
      const inner = newSink();
      this.walkChildren(node, marks, inner, depth, pre);
      this.flush(inner);
      const paragraphs = flattenToParagraphs(groupWordListItems(inner.blocks));
      if (paragraphs.length) sink.blocks.push({ type: 'blockquote', paragraphs });
      return;
    }
    if (tag === 'ul' || tag === 'ol') {
      this.flush(sink);
      const list = this.list(node, tag, marks, depth, pre);
      if (list.items.length) sink.blocks.push(list);
      return;
    }
    if (BLOCK_CONTAINERS.has(tag)) {
      this.flush(sink);
      const wordList = /^l(\d+)\s+level(\d+)/.exec(style.get('mso-list') ?? '');
      if (wordList && tag === 'p') sink.kind = { type: 'word_item', listId: wordList[1]!, level: Number(wordList[2]) };
      this.walkChildren(node, marks, sink, depth, pre || tag === 'pre');
      this.flush(sink);
      return;
    }
    this.walkChildren(node, this.inlineMarks(node, tag, style, marks), sink, depth, pre);
  }

  private list(node: HtmlNodeLike, tag: 'ul' | 'ol', marks: Marks, depth: number, pre: boolean): CleanList {
    const start = tag === 'ol' ? Number.parseInt(attr(node, 'start'), 10) : 1;
    const list: CleanList = { type: tag === 'ol' ? 'ordered_list' : 'bullet_list', start: Number.isFinite(start) && start > 0 ? start : 1, items: [] };
    let loose: Sink | null = null; // text or stray elements directly inside the list
    const closeLoose = () => {
      if (!loose) return;
      this.flush(loose);
      const item = toListItem(loose.blocks);
      if (item) list.items.push(item);
      loose = null;
    };
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      const childTag = child.nodeType === ELEMENT_NODE ? tagOf(child) : '';
      if (childTag === 'li') {
        closeLoose();
        const inner = newSink();
        this.walkChildren(child, marks, inner, depth + 1, pre);
        this.flush(inner);
        const item = toListItem(inner.blocks);
        if (item) list.items.push(item);
      } else if ((childTag === 'ul' || childTag === 'ol') && list.items.length && !loose) {
        // <ul><li>a</li><ul>…</ul></ul>: a nested list belongs to the previous item.
        const nested = this.list(child, childTag, marks, depth + 1, pre);
        if (nested.items.length) list.items[list.items.length - 1]!.blocks.push(nested);
      } else {
        loose ??= newSink();
        this.walk(child, marks, loose, depth + 1, pre);
      }
    }
    closeLoose();
    return list;
  }

  private inlineMarks(node: HtmlNodeLike, tag: string, style: Map<string, string>, marks: Marks): Marks {
    const next = { ...marks };
    if (tag === 'b' || tag === 'strong') {
      // Google Docs wraps the whole clipboard in <b id="docs-internal-guid-…" style="font-weight:normal">.
      next.strong = !attr(node, 'id').startsWith('docs-internal-guid');
    }
    if (tag === 'i' || tag === 'em' || tag === 'cite' || tag === 'dfn') next.em = true;
    if (tag === 'sub') [next.sub, next.sup] = [true, false];
    if (tag === 'sup') [next.sup, next.sub] = [true, false];
    if (tag === 'a') {
      const raw = node.getAttribute?.('href') ?? null;
      if (raw !== null) {
        const href = safeHref(raw);
        if (href) next.href = href;
        else if (/^[\s\u0000-\u001f]*[a-z][a-z0-9+.\-\s]*:/i.test(raw)) this.unsafeLinks++;
      }
    }
    const weight = style.get('font-weight');
    if (weight !== undefined) {
      if (/^(bold|bolder|[6-9]00)$/.test(weight)) next.strong = true;
      else if (/^(normal|lighter|[1-5]00)$/.test(weight)) next.strong = false;
    }
    const fontStyle = style.get('font-style');
    if (fontStyle === 'italic' || fontStyle === 'oblique') next.em = true;
    else if (fontStyle === 'normal') next.em = false;
    const align = style.get('vertical-align');
    if (align === 'super') [next.sup, next.sub] = [true, false];
    else if (align === 'sub') [next.sub, next.sup] = [true, false];
    else if (align === 'baseline') next.sub = next.sup = false;
    return next;
  }

  private text(sink: Sink, raw: string, marks: Marks, pre: boolean): void {
    let text = raw.replace(JUNK_CHARS, '');
    const parts = pre ? text.split(/\r\n?|\n/) : [text];
    for (let p = 0; p < parts.length; p++) {
      if (p > 0 && sink.para) sink.para.push({ kind: 'break' });
      text = parts[p]!.replace(/\s+/g, ' ');
      if (!sink.para) {
        if (text.trim() === '') continue; // white space between blocks
        sink.para = [];
      }
      const last = sink.para[sink.para.length - 1];
      const atLineStart = !last || last.kind === 'break' || last.text.endsWith(' ');
      if (atLineStart && text.startsWith(' ')) text = text.slice(1);
      if (!text) continue;
      if (last && last.kind === 'text' && sameMarks(last, marks)) last.text += text;
      else sink.para.push(textInline(text, marks));
    }
  }

  /** Close the current paragraph: trim it, drop it when empty, NFC its text. */
  flush(sink: Sink): void {
    const para = sink.para;
    const kind = sink.kind;
    const marker = sink.listMarker;
    sink.para = null;
    sink.kind = { type: 'paragraph' };
    sink.listMarker = '';
    if (!para) return;
    while (para.length && para[para.length - 1]!.kind === 'break') para.pop();
    const last = para[para.length - 1];
    if (last?.kind === 'text') {
      last.text = last.text.replace(/ $/, '');
      if (!last.text) para.pop();
    }
    for (const inline of para) if (inline.kind === 'text') inline.text = nfc(inline.text);
    if (!para.some((i) => i.kind === 'text' && i.text.trim())) return;
    if (kind.type === 'heading') sink.blocks.push({ type: 'heading', level: kind.level, content: para });
    else if (kind.type === 'word_item') {
      sink.blocks.push({ type: 'word_item', listId: kind.listId, level: kind.level, ordered: /^\s*[\p{L}\p{N}]{1,6}[.)]/u.test(marker), content: para });
    } else sink.blocks.push({ type: 'paragraph', content: para });
  }
}

function textInline(text: string, marks: Marks): CleanText {
  const t: CleanText = { kind: 'text', text };
  if (marks.strong) t.strong = true;
  if (marks.em) t.em = true;
  if (marks.sub) t.sub = true;
  if (marks.sup) t.sup = true;
  if (marks.href) t.href = marks.href;
  return t;
}

function sameMarks(t: CleanText, m: Marks): boolean {
  return !!t.strong === m.strong && !!t.em === m.em && !!t.sub === m.sub && !!t.sup === m.sup && (t.href ?? null) === m.href;
}

/** Text of a subtree without recursion (for very deep trees and Word's list markers). */
function collectText(node: HtmlNodeLike): string {
  let out = '';
  const stack: HtmlNodeLike[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === TEXT_NODE) out += n.nodeValue ?? '';
    else if (n.nodeType === ELEMENT_NODE && !DROPPED.has(tagOf(n))) {
      for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
    }
  }
  return out;
}

/** Blockquotes hold paragraphs only: headings become paragraphs, list items their paragraphs. */
function flattenToParagraphs(blocks: CleanBlock[]): CleanParagraph[] {
  const out: CleanParagraph[] = [];
  for (const b of blocks) {
    if (b.type === 'paragraph') out.push(b);
    else if (b.type === 'heading') out.push({ type: 'paragraph', content: b.content });
    else if (b.type === 'blockquote') out.push(...b.paragraphs);
    else if (b.type === 'bullet_list' || b.type === 'ordered_list') for (const item of b.items) out.push(...flattenToParagraphs(item.blocks));
  }
  return out;
}

/** A list item starts with a paragraph and holds only paragraphs and lists. */
function toListItem(raw: (CleanBlock | WordListItem)[]): CleanListItem | null {
  const blocks: CleanListItem['blocks'] = [];
  for (const b of groupWordListItems(raw)) {
    if (b.type === 'bullet_list' || b.type === 'ordered_list') blocks.push(b);
    else if (b.type !== 'horizontal_rule') blocks.push(...flattenToParagraphs([b]));
  }
  if (!blocks.length) return null;
  if (blocks[0]!.type !== 'paragraph') blocks.unshift({ type: 'paragraph', content: [] });
  return { blocks };
}
