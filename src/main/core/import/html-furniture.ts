import { dropped as drop, type ImportDropped } from '../../../shared/import-report';
import { countWords } from '../../../shared/text';
import { isRunningProse } from './furniture';
import { cleanLine } from './parsed';
import { all, type DomElement, type DomNode } from './dom';

/**
 * A web page's furniture, recognised by where it sits and by its shape, never by
 * the word a paragraph begins with:
 * - inside a landmark that is not the article (nav, aside, footer, header, form, and
 *   the ARIA roles navigation, complementary, contentinfo, banner, search), or a
 *   block the page marks as sharing, comments or related links;
 * - a short block made mostly of link text, or a block of several links with almost
 *   nothing between them (a share bar, a "Xem thêm" list);
 * - a short block, not a sentence, repeated word for word (a share bar above and below the story).
 * Everything taken out is listed in the report with its full text.
 */

const LANDMARKS = 'nav, aside, footer, header, form, [role="navigation"], [role="complementary"], [role="contentinfo"], [role="banner"], [role="search"]';
const MARKED = '.comments, .comment, #comments, .related, .share, .social, .breadcrumb, .tags, .advertisement, .ads';

/** Blocks judged one by one: the innermost elements that hold text of their own. */
const BLOCKS = 'p, li, h2, h3, h4, h5, h6, div, section, dd, dt, td, th, blockquote, header, footer, nav, aside';
const BLOCK_CHILD = /^(P|LI|UL|OL|H[1-6]|DIV|SECTION|ARTICLE|MAIN|BLOCKQUOTE|TABLE|FIGURE|DL|DD|DT|TR|TD|TH|HEADER|FOOTER|NAV|ASIDE)$/;

/** A block of at most this many words that is mostly link text is furniture; longer ones are prose with links. */
export const LINK_BLOCK_MAX_WORDS = 25;
/** Share of a block's words that sit inside links above which it is link-like. */
export const LINK_SHARE = 0.6;
/** A short line that is not a sentence, with a label before its link: at most this many words, this share of them linked. */
export const LABELLED_LINK_MAX_WORDS = 12;
export const LABELLED_LINK_SHARE = 0.4;
/** Share of link words above which a block of several links is a link list, however long. */
export const LINK_LIST_SHARE = 0.9;
/** A block of at most this many words that appears twice or more is furniture. */
export const REPEATED_MAX_WORDS = 12;

type Walkable = DomNode & { nodeName?: string };

/** Text of an element with a space between its parts, so `<h3>Tin</h3><a>Bài</a>` reads `Tin Bài`. */
export function spacedText(el: DomNode): string {
  const parts: string[] = [];
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) parts.push(node.nodeValue ?? '');
    else for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
  };
  walk(el);
  return cleanLine(parts.join(' '));
}

const hasBlockChild = (el: DomElement) => Array.from(el.childNodes as ArrayLike<Walkable>).some((c) => c.nodeType === 1 && BLOCK_CHILD.test((c.nodeName ?? '').toUpperCase()));
const linkWords = (el: DomElement) => all(el, 'a').reduce((n, a) => n + countWords(spacedText(a)), 0);

/**
 * Remove the furniture under `root` and return it as dropped entries, in page order.
 * Elements in `keep` (the headline, the lead, the byline) and their ancestors are
 * never removed whole: a header that holds the headline stays.
 */
export function removeFurniture(root: DomElement, keep: DomElement[]): ImportDropped[] {
  const out: ImportDropped[] = [];
  const holdsKept = (el: DomElement) => keep.some((k) => el === k || el.contains(k) || k.contains(el));
  const take = (el: DomElement) => {
    const text = spacedText(el);
    if (text) out.push(drop('page_furniture', text));
    el.remove();
  };

  for (const el of all(root, `${LANDMARKS}, ${MARKED}`)) {
    if (!root.contains(el) || holdsKept(el)) continue;
    take(el);
  }

  const leaves = all(root, BLOCKS).filter((el) => !hasBlockChild(el) && !holdsKept(el));
  const seen = new Map<string, number>();
  for (const el of leaves) {
    const text = spacedText(el);
    if (text && countWords(text) <= REPEATED_MAX_WORDS) seen.set(text, (seen.get(text) ?? 0) + 1);
  }
  for (const el of leaves) {
    if (!root.contains(el)) continue;
    const text = spacedText(el);
    const words = countWords(text);
    if (!words) continue;
    const share = linkWords(el) / words;
    // Short and mostly links, or links one after another with almost nothing between them (a link list of any length).
    // A label and a link ("Xem thêm: <a>…</a>") is link-like too when it is short and not a sentence.
    const sentence = /[.!?…:;”"»)]$/.test(text);
    const linkLike =
      (words <= LINK_BLOCK_MAX_WORDS && share >= LINK_SHARE) ||
      (words <= LABELLED_LINK_MAX_WORDS && !sentence && share >= LABELLED_LINK_SHARE) ||
      (all(el, 'a').length > 1 && share >= LINK_LIST_SHARE);
    // A sentence said twice is still the writer's; a repeated share bar or label is not a sentence.
    const repeated = words <= REPEATED_MAX_WORDS && (seen.get(text) ?? 0) > 1 && !sentence;
    if (linkLike || repeated) take(el);
  }
  return out;
}

/** The innermost text blocks under `el`, in page order. */
const leafBlocks = (el: DomElement) => all(el, BLOCKS).filter((b) => !hasBlockChild(b));

/**
 * Widgets after a byline that closes the article ("Recommended by …", a teaser
 * line): the short, non-prose blocks that follow the last byline element, when no
 * running prose follows it. A byline under the headline changes nothing.
 */
export function removeAfterByline(root: DomElement, bylineElements: DomElement[]): ImportDropped[] {
  const last = bylineElements[bylineElements.length - 1];
  if (!last) return [];
  const order = all(root, '*');
  const at = order.indexOf(last);
  if (at < 0) return [];
  const after = leafBlocks(root).filter((l) => order.indexOf(l) > at && !last.contains(l) && !l.contains(last) && spacedText(l));
  if (after.some((l) => isRunningProse(spacedText(l)))) return [];
  return after.map((l) => {
    const text = spacedText(l);
    l.remove();
    return drop('page_furniture', text);
  });
}

/**
 * Text of the page outside the article's container (site header, menus, footer):
 * not imported, and listed, one entry per top-level part, so that nothing leaves
 * without a word. `keep` (a headline or sapo printed above the article) is not listed.
 */
export function outsideArticle(body: DomElement, root: DomElement, keep: DomElement[] = []): ImportDropped[] {
  const out: ImportDropped[] = [];
  const inside = [root, ...keep];
  const visit = (node: DomNode) => {
    for (const child of Array.from(node.childNodes)) {
      if (inside.includes(child as DomElement)) continue;
      if (child.nodeType === 1 && inside.some((el) => (child as DomElement).contains(el))) visit(child);
      else if (child.nodeType === 1 || child.nodeType === 3) {
        const text = spacedText(child);
        if (text) out.push(drop('page_furniture', text));
      }
    }
  };
  if (body !== root) visit(body);
  return out;
}
