import { safeHref } from '../links';
import { nfc } from '../text';
import { noChanges } from './counts';
import {
  attrOf, attrOrNull, CDATA_SECTION_NODE, childNodesOf, COMMENT_NODE, ELEMENT_NODE, nodeTypeOf, nodeValueOf, tagOf, templateContentOf,
  TEXT_NODE, type HtmlNodeLike,
} from './dom-like';
import type { CleanBlock, CleanInline, CleanList, CleanListItem, CleanParagraph, CleanText, LeftOutReason, LeftOutText, SanitizeCounts, SanitizedHtml } from './model';
import { withItemNumber } from './list-numbers';
import { cellInlines, rowParagraph, tableParts } from './tables';
import { groupWordListItems, stripListGlyph, type WordListItem } from './word-lists';

/**
 * Elements that are not text on the page (page machinery, code, metadata): dropped
 * with everything inside, unreported. None of them is ever displayed as text.
 */
const NOT_CONTENT = new Set([
  'head', 'title', 'meta', 'link', 'style', 'script', 'param', 'source', 'track', 'area', 'xml', 'base',
  // Office document metadata when it is not hidden in a conditional comment.
  'o:documentproperties', 'o:customdocumentproperties', 'o:officedocumentsettings', 'w:worddocument',
  'w:latentstyles', 'o:shapedefaults', 'o:shapelayout',
]);

/**
 * Elements whose content a browser never shows (`<noscript>` only with scripts off,
 * `<noframes>` only without frames): left out and, when
 * they hold text, counted in `hiddenDropped` with their text. A `<dialog>` without
 * `open` is treated the same way.
 */
const NEVER_SHOWN = new Set(['template', 'noscript', 'noframes']);

/**
 * Embedded objects: dropped and counted in `embedsDropped` (their fallback text,
 * "your browser cannot play this video", goes with them). An `<object>`'s fallback
 * content is what a reader without the plug-in sees, so its text is kept.
 */
const EMBEDS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'canvas', 'audio', 'video']);

/** Form controls: dropped and counted in `formFieldsDropped`; the form around them is an ordinary container. */
const FORM_FIELDS = new Set(['input', 'button', 'select', 'textarea', 'keygen', 'output', 'datalist']);

/** Elements that end the current paragraph and hold block content. */
const BLOCK_CONTAINERS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'nav', 'aside', 'address', 'center', 'figure',
  'figcaption', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'dl', 'dt', 'dd', 'pre',
  'details', 'summary', 'fieldset', 'legend', 'body', 'html', 'li', 'hgroup', 'form', 'dialog',
]);

/** Word `mso-element` parts that are not the text: reviewer comments (counted) and page headers/footers (counted and quoted). */
const DROPPED_MSO_ELEMENTS = new Set(['comment-list', 'comment', 'header', 'footer']);

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
  /** Struck-through and underlined text is kept as plain text; these only feed the counts. */
  struck: boolean;
  underlined: boolean;
}

const NO_MARKS: Marks = { strong: false, em: false, sub: false, sup: false, href: null, struck: false, underlined: false };

type ParagraphKind = { type: 'paragraph' } | { type: 'heading'; level: 2 | 3 } | { type: 'word_item'; level: number; listId: string };

/** Blocks being collected for one container (the root, a blockquote, a list item). */
interface Sink {
  blocks: (CleanBlock | WordListItem)[];
  para: CleanInline[] | null;
  kind: ParagraphKind;
  /** Text of Word's `mso-list:Ignore` bullet or number for the current paragraph. */
  listMarker: string;
  /** Whether the last text added was struck / underlined, so a run is counted once. */
  inStruck: boolean;
  inUnderlined: boolean;
}

const newSink = (): Sink => ({ blocks: [], para: null, kind: { type: 'paragraph' }, listMarker: '', inStruck: false, inUnderlined: false });

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
 * Word's `mso-list` paragraphs, without their bullet glyphs, resumed numbering
 * kept; a numbered heading keeps its number as text), blockquotes, rules and line
 * breaks. The text inside Word's smart tags (`st1:*`), content controls (`w:sdt`),
 * text boxes, bordered paragraphs, `<details>`, an open `<dialog>` and an
 * `<object>`'s fallback is kept like any other text; ruby annotations follow
 * their base in parentheses.
 * Converted and counted: tables (one paragraph per row, cells joined with " | "),
 * struck-through and underlined text (kept as plain text).
 * Dropped and counted: images, unsafe links (their text stays), embedded objects,
 * form controls, Word tracked deletions and reviewer comments; hidden passages and
 * Word page headers/footers are counted and their text returned in `leftOut`.
 * Dropped silently (not text on the page): scripts, styles, classes, fonts, HTML
 * comments, Office metadata, empty paragraphs and zero-width junk.
 * Non-breaking spaces and line breaks inside text become ordinary spaces, so
 * words never fuse; all text is NFC.
 *
 * In Node, pass the HTML through `wordConditionalsAsComments` before linkedom
 * parses it, so Word's `<![if …]>` markers read as they do in a browser.
 *
 * Element members are read through the prototype chain, so DOM clobbering
 * (`<form><input name=nodeName>`) cannot hide or fake them.
 *
 * Turn the result into nodes with `blocksToNodes` or into clean HTML with `blocksToHtml`.
 */
export function sanitizeHtml(root: HtmlNodeLike): SanitizedHtml {
  const walker = new Walker();
  const sink = newSink();
  walker.walkChildren(root, NO_MARKS, sink, 0, false);
  walker.flush(sink);
  return { blocks: groupWordListItems(sink.blocks), ...walker.counts, leftOut: walker.leftOut };
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
const RELEVANT_STYLE = /font-weight|font-style|vertical-align|display|visibility|text-decoration|mso-hide|mso-list|mso-element|mso-ignore/i;
const NO_STYLE: Map<string, string> = new Map();

/** Word writes hidden text as `display:none;mso-hide:all` (`mso-hide:screen` when hidden on screen only). */
const isHidden = (style: Map<string, string>) =>
  style.get('display') === 'none' || style.get('visibility') === 'hidden' || style.get('mso-hide') === 'all' || style.get('mso-hide') === 'screen';

/** The `hidden` attribute; `hidden=until-found` content is found by the browser's search, so it is page text. */
const hasHiddenAttribute = (node: HtmlNodeLike) => {
  const hidden = attrOrNull(node, 'hidden');
  return hidden !== null && hidden.trim().toLowerCase() !== 'until-found';
};

/** Word's conditional sections as browsers parse them: `<![if !supportLists]>` becomes a comment "[if !supportLists]". */
const CONDITION_OPEN = /^\[if ([^\]]*)\]$/i;
const CONDITION_END = /^\[endif\]$/i;
/** Longest list marker Word writes ("iii.", "1.1.1.", "(a)"); longer text is content. */
const MAX_MARKER_CHARS = 12;

class Walker {
  counts: SanitizeCounts = noChanges();
  leftOut: LeftOutText[] = [];
  /** Inside an `<object>`'s fallback content: embeds there are part of the one object already counted. */
  private inObject = 0;
  /** Inside a `<ruby>` without `<rp>` parentheses: its `<rt>` annotations get them. */
  private bareRuby = 0;
  /** Inside Word's text-box layout (`mso-ignore:vglayout`): its tables are frames, not data. */
  private vglayout = 0;

  walkChildren(node: HtmlNodeLike, marks: Marks, sink: Sink, depth: number, pre: boolean): void {
    const children = childNodesOf(node);
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      const condition = nodeTypeOf(child) === COMMENT_NODE ? CONDITION_OPEN.exec(nodeValueOf(child).trim()) : null;
      if (condition) {
        i = this.conditional(children, i, condition[1]!.trim().toLowerCase(), sink);
        continue;
      }
      this.walk(child, marks, sink, depth + 1, pre);
    }
  }

  /**
   * Word's downlevel-revealed sections. `!supportLists` holds a list item's bullet or
   * number (taken as the marker, never as text); `!supportLineBreakNewLine` repeats a
   * line break. Others (`!vml`, `!mso`) hold the visible fallback and are walked as usual,
   * and so is a section without its `[endif]` or a "marker" longer than any bullet or
   * number: text is never taken for a marker on a guess.
   * Returns the index of the last sibling consumed.
   */
  private conditional(children: ArrayLike<HtmlNodeLike>, open: number, condition: string, sink: Sink): number {
    if (condition !== '!supportlists' && condition !== '!supportlinebreaknewline') return open;
    let end = open + 1;
    while (end < children.length && !(nodeTypeOf(children[end]!) === COMMENT_NODE && CONDITION_END.test(nodeValueOf(children[end]!).trim()))) end++;
    if (end === children.length) return open;
    if (condition === '!supportlists') {
      let marker = '';
      for (let i = open + 1; i < end; i++) marker += collectText(children[i]!);
      if (marker.replace(/[\s\u00a0]+/g, ' ').trim().length > MAX_MARKER_CHARS) return open;
      sink.listMarker += marker;
    }
    return end;
  }

  private walk(node: HtmlNodeLike, marks: Marks, sink: Sink, depth: number, pre: boolean): void {
    const type = nodeTypeOf(node);
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      this.text(sink, nodeValueOf(node), marks, pre);
      return;
    }
    if (type === 9 || type === 11) return this.walkChildren(node, marks, sink, depth, pre);
    if (type !== ELEMENT_NODE) return; // comments, PIs, doctype
    if (depth > MAX_DEPTH) return this.text(sink, collectText(node), marks, pre);

    const tag = tagOf(node);
    if (tag === 'img' || tag === 'image') {
      this.counts.imagesDropped++;
      return;
    }
    if (NOT_CONTENT.has(tag)) return;
    if (NEVER_SHOWN.has(tag)) return this.leaveOut('hidden', tag === 'template' ? templateContentOf(node) : node);
    if (tag === 'dialog' && attrOrNull(node, 'open') === null) return this.leaveOut('hidden', node);
    if (EMBEDS.has(tag)) {
      if (!this.inObject) this.counts.embedsDropped++;
      if (tag === 'object') {
        this.inObject++;
        try {
          this.walkChildren(node, marks, sink, depth, pre);
        } finally {
          this.inObject--;
        }
      }
      return;
    }
    if (FORM_FIELDS.has(tag)) {
      this.counts.formFieldsDropped++;
      return;
    }
    if (tag === 'del' && isTrackedDeletion(node)) {
      this.counts.trackedDeletionsDropped++;
      return;
    }

    const styleAttr = attrOf(node, 'style');
    // Most clipboard styles (fonts, sizes, Word's mso-ansi-language) matter to nobody: skip parsing them.
    const style = styleAttr && RELEVANT_STYLE.test(styleAttr) ? parseStyle(styleAttr) : NO_STYLE;
    if (isHidden(style) || hasHiddenAttribute(node)) return this.leaveOut('hidden', node);
    if (style.get('mso-list') === 'ignore') {
      const marker = collectText(node);
      // Word's bullet or number; anything longer is text that must not vanish.
      if (marker.replace(/[\s\u00a0]+/g, ' ').trim().length <= MAX_MARKER_CHARS) {
        sink.listMarker += marker;
        return;
      }
    }
    const msoElement = style.get('mso-element');
    if (msoElement && DROPPED_MSO_ELEMENTS.has(msoElement)) {
      if (msoElement === 'header' || msoElement === 'footer') return this.leaveOut('page_header_footer', node);
      this.counts.commentsDropped += countComments(node);
      return;
    }
    if (/\bmso(comanchor|comoff)\b/i.test(attrOf(node, 'class')) || /\bMsoCommentReference\b/.test(attrOf(node, 'class'))) return; // comment labels ("[PV1]")

    if (style.get('mso-ignore') === 'vglayout') {
      this.vglayout++;
      try {
        return this.element(node, tag, style, marks, sink, depth, pre);
      } finally {
        this.vglayout--;
      }
    }
    this.element(node, tag, style, marks, sink, depth, pre);
  }

  /** Leave out a passage the page does not show as text, counting and keeping its text when it has any. */
  private leaveOut(reason: LeftOutReason, node: HtmlNodeLike): void {
    const text = nfc(collectText(node).replace(JUNK_CHARS, '').replace(/\s+/g, ' ').trim());
    if (!text) return;
    if (reason === 'hidden') this.counts.hiddenDropped++;
    else this.counts.pageHeadersFootersDropped++;
    this.leftOut.push({ reason, text });
  }

  private element(node: HtmlNodeLike, tag: string, style: Map<string, string>, marks: Marks, sink: Sink, depth: number, pre: boolean): void {
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
    if (tag === 'table') {
      this.flush(sink);
      this.table(node, marks, sink, depth, pre);
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
    if (tag === 'ruby' && !hasChildTag(node, 'rp')) {
      this.bareRuby++;
      try {
        return this.walkChildren(node, marks, sink, depth, pre);
      } finally {
        this.bareRuby--;
      }
    }
    if (tag === 'rt' && this.bareRuby) {
      // 漢<rt>kan</rt> reads "漢(kan)", as browsers without ruby support show it with <rp>.
      this.text(sink, '(', marks, pre);
      this.walkChildren(node, marks, sink, depth, pre);
      this.text(sink, ')', marks, pre);
      return;
    }
    // Inline elements, and Office's namespaced ones (`o:p`, smart tags `st1:*`,
    // content controls `w:sdt`, `v:textbox`): their content is the text.
    this.walkChildren(node, this.inlineMarks(node, tag, style, marks), sink, depth, pre);
  }

  /**
   * A table becomes one paragraph per row (non-empty cells joined with " | ") and is
   * counted. A single-cell table, or one laying out a Word text box
   * (`mso-ignore:vglayout`), is a frame: its paragraphs are kept as they are.
   */
  private table(node: HtmlNodeLike, marks: Marks, sink: Sink, depth: number, pre: boolean): void {
    const parts = tableParts(node);
    const cellCount = parts.rows.reduce((n, row) => n + row.length, 0);
    for (const caption of parts.captions) this.walk(caption, marks, sink, depth + 1, pre);
    if (this.vglayout > 0 || cellCount <= 1) {
      for (const row of parts.rows) for (const cell of row) this.walk(cell, marks, sink, depth + 1, pre);
    } else {
      let rows = 0;
      for (const row of parts.rows) {
        const cells = row.map((cell) => {
          const inner = newSink();
          this.walkChildren(cell, marks, inner, depth + 2, pre);
          this.flush(inner);
          return cellInlines(groupWordListItems(inner.blocks));
        });
        const paragraph = rowParagraph(cells);
        if (!paragraph) continue;
        sink.blocks.push(paragraph);
        rows++;
      }
      if (rows) {
        this.counts.tablesFlattened++;
        this.counts.tableRowsFlattened += rows;
      }
    }
    for (const stray of parts.stray) this.walk(stray, marks, sink, depth + 1, pre);
    this.flush(sink);
  }

  private list(node: HtmlNodeLike, tag: 'ul' | 'ol', marks: Marks, depth: number, pre: boolean): CleanList {
    const start = tag === 'ol' ? Number.parseInt(attrOf(node, 'start'), 10) : 1;
    const list: CleanList = { type: tag === 'ol' ? 'ordered_list' : 'bullet_list', start: Number.isFinite(start) && start > 0 ? start : 1, items: [] };
    let loose: Sink | null = null; // text or stray elements directly inside the list
    const closeLoose = () => {
      if (!loose) return;
      this.flush(loose);
      const item = toListItem(loose.blocks);
      if (item) list.items.push(item);
      loose = null;
    };
    const children = childNodesOf(node);
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      const childTag = nodeTypeOf(child) === ELEMENT_NODE ? tagOf(child) : '';
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
      next.strong = !attrOf(node, 'id').startsWith('docs-internal-guid');
    }
    if (tag === 'i' || tag === 'em' || tag === 'cite' || tag === 'dfn') next.em = true;
    if (tag === 'sub') [next.sub, next.sup] = [true, false];
    if (tag === 'sup') [next.sup, next.sub] = [true, false];
    if (tag === 's' || tag === 'strike' || tag === 'del') next.struck = true;
    if (tag === 'u') next.underlined = true;
    if (tag === 'a') {
      const raw = attrOrNull(node, 'href');
      if (raw !== null) {
        const href = safeHref(raw);
        if (href) next.href = href;
        else if (/^[\s\u0000-\u001f]*[a-z][a-z0-9+.\-\s]*:/i.test(raw.slice(0, 256))) this.counts.unsafeLinksDropped++;
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
    const decoration = style.get('text-decoration') ?? style.get('text-decoration-line');
    if (decoration !== undefined) {
      if (decoration.includes('line-through')) next.struck = true;
      if (decoration.includes('underline')) next.underlined = true;
      if (decoration === 'none') next.struck = next.underlined = false;
    }
    return next;
  }

  private text(sink: Sink, raw: string, marks: Marks, pre: boolean): void {
    let text = raw.replace(JUNK_CHARS, '');
    if (text.trim()) this.countDecoration(sink, marks);
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

  /** Count each run of struck or underlined words once (links are underlined anyway). */
  private countDecoration(sink: Sink, marks: Marks): void {
    if (marks.struck && !sink.inStruck) this.counts.struckKept++;
    const underlined = marks.underlined && !marks.href;
    if (underlined && !sink.inUnderlined) this.counts.underlinedKept++;
    sink.inStruck = marks.struck;
    sink.inUnderlined = underlined;
  }

  /** Close the current paragraph: trim it, drop it when empty, NFC its text. */
  flush(sink: Sink): void {
    const para = sink.para;
    const kind = sink.kind;
    const marker = sink.listMarker;
    sink.para = null;
    sink.kind = { type: 'paragraph' };
    sink.listMarker = '';
    sink.inStruck = sink.inUnderlined = false;
    if (!para) return;
    while (para.length && para[para.length - 1]!.kind === 'break') para.pop();
    const last = para[para.length - 1];
    if (last?.kind === 'text') {
      last.text = last.text.replace(/ $/, '');
      if (!last.text) para.pop();
    }
    for (const inline of para) if (inline.kind === 'text') inline.text = nfc(inline.text);
    if (!para.some((i) => i.kind === 'text' && i.text.trim())) return;
    const number = marker.replace(/[\s\u00a0]+/g, ' ').trim();
    const numbering = number ? readListMarker(number) : null;
    if (kind.type === 'heading' || numbering?.kind === 'text') {
      // A numbered Word heading ("1.1 Kết quả") and a marker with words ("Điều 1.",
      // which no list numbering can show) keep the marker as text.
      if (number) para.unshift({ kind: 'text', text: `${nfc(number)} ` });
      if (kind.type === 'heading') sink.blocks.push({ type: 'heading', level: kind.level, content: para });
      else sink.blocks.push({ type: 'paragraph', content: para });
    } else if (kind.type === 'word_item' || numbering) {
      // A paragraph with Word's marker but no inline mso-list (its list style sits in the
      // class, e.g. MsoListBullet) is a list item too: its bullet or number never vanishes.
      const item = kind.type === 'word_item' ? kind : { listId: '', level: 1 };
      const glyphless = number ? para : stripListGlyph(para);
      const ordered = numbering?.kind === 'number';
      if (glyphless.length) sink.blocks.push({ type: 'word_item', listId: item.listId, level: item.level, ordered, start: ordered ? numbering.start : 1, content: glyphless });
    } else sink.blocks.push({ type: 'paragraph', content: para });
  }
}

/**
 * What Word's list marker is: a bullet (any single character but a digit, "o"
 * included, or glyphs without letters or digits), a number the list's numbering can show ("1.", "a)", "(iv)",
 * "1.2.3", with where the list starts, so a list Word resumes after a paragraph
 * keeps its "3."), or text ("Điều 1.", "Bước 2:") that must stay in the item.
 */
function readListMarker(marker: string): { kind: 'bullet' } | { kind: 'number'; start: number } | { kind: 'text' } {
  if (([...marker].length === 1 && !/\d/.test(marker)) || !/[\p{L}\p{N}]/u.test(marker)) return { kind: 'bullet' };
  if (!/^\(?[\p{L}\p{N}]{1,6}(\.[\p{L}\p{N}]{1,6})*[.):]?$/u.test(marker)) return { kind: 'text' };
  // Only digits give the start: "i." may be a roman one or the ninth letter.
  const digits = /^\(?(\d{1,6})(?=[.):]|$)/.exec(marker);
  return { kind: 'number', start: digits ? Math.max(1, Number(digits[1])) : 1 };
}

/** Word marks tracked deletions with the reviser and time (`cite`, `datetime`) or the `msoDel` class. */
function isTrackedDeletion(node: HtmlNodeLike): boolean {
  return attrOrNull(node, 'cite') !== null || attrOrNull(node, 'datetime') !== null || /\bmsoDel\b/i.test(attrOf(node, 'class'));
}

/** Reviewer comments in a Word comment list (each is an `mso-element:comment` part). */
function countComments(node: HtmlNodeLike): number {
  let count = 0;
  const stack: HtmlNodeLike[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (nodeTypeOf(n) !== ELEMENT_NODE) continue;
    if (/mso-element\s*:\s*comment\s*(;|$)/i.test(attrOf(n, 'style'))) count++;
    const children = childNodesOf(n);
    for (let i = 0; i < children.length; i++) stack.push(children[i]!);
  }
  return count;
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

/** Struck and underlined text are plain text here, so only schema marks are compared. */
function sameMarks(t: CleanText, m: Marks): boolean {
  return !!t.strong === m.strong && !!t.em === m.em && !!t.sub === m.sub && !!t.sup === m.sup && (t.href ?? null) === m.href;
}

/** Text of a subtree without recursion (for very deep trees and Word's list markers). */
function collectText(node: HtmlNodeLike): string {
  let out = '';
  const stack: HtmlNodeLike[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    const type = nodeTypeOf(n);
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) out += nodeValueOf(n);
    else if ((type === ELEMENT_NODE && !NOT_CONTENT.has(tagOf(n))) || type === 11) {
      const children = childNodesOf(n);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return out;
}

function hasChildTag(node: HtmlNodeLike, tag: string): boolean {
  const children = childNodesOf(node);
  for (let i = 0; i < children.length; i++) if (nodeTypeOf(children[i]!) === ELEMENT_NODE && tagOf(children[i]!) === tag) return true;
  return false;
}

/** Blockquotes hold paragraphs only: headings become paragraphs, list items their paragraphs (numbered ones keep their number). */
function flattenToParagraphs(blocks: CleanBlock[]): CleanParagraph[] {
  const out: CleanParagraph[] = [];
  for (const b of blocks) {
    if (b.type === 'paragraph') out.push(b);
    else if (b.type === 'heading') out.push({ type: 'paragraph', content: b.content });
    else if (b.type === 'blockquote') out.push(...b.paragraphs);
    else if (b.type === 'bullet_list' || b.type === 'ordered_list') {
      b.items.forEach((item, index) => {
        const [first, ...rest] = flattenToParagraphs(item.blocks);
        if (first) out.push({ type: 'paragraph', content: withItemNumber(b, index, first.content) });
        out.push(...rest);
      });
    }
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
