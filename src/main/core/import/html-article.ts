import { countWords, foldVietnamese } from '../../../shared/text';
import { cleanLine } from './parsed';
import { parseByline } from './plain-text';
import { all, type DomDocument, type DomElement } from './dom';

/**
 * The lead and byline of a saved web page, from the article's own markup. Chrome
 * near the top ("Supported by", "1 of 24", a teaser block) and widgets near the end
 * ("Recommended by …") carry no such markup, so they are never taken for either.
 */

/** Elements a news site marks its lead (sapo) with, inside the article. */
const LEAD_SELECTORS = '.sapo, .lead, .article-sapo, .article__sapo, .detail-sapo, .summary, .article-summary, .standfirst, [itemprop="description"]';

/** A marked lead longer than this, or holding a photo, is a container the site named "lead", not the sapo. */
const LEAD_MAX_WORDS = 150;

/** Elements that hold the author's name, inside the article. */
const BYLINE_SELECTORS = '[rel="author"], [itemprop="author"], .byline, .author, .author-name, .article-author';

/** Containers that are never the article's own lead or byline: widgets, teasers, comments. */
const NOT_ARTICLE = 'nav, aside, footer, form, .related, .comments, .comment, [role="complementary"], [role="navigation"]';

const isProfileUrl = (s: string) => /^(https?:|www\.)|\/\/|\.(com|net|org|vn)(\/|$)/iu.test(s);
const fold = (s: string) => foldVietnamese(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

const inWidget = (el: DomElement) => !!el.parentElement?.closest(NOT_ARTICLE) || !!el.closest(NOT_ARTICLE);

/**
 * The lead element: a marked sapo inside the article, else the paragraph the page's
 * `meta description` repeats, in the article or just outside it (a description
 * that matches no text of the page is a teaser written for search engines, and is
 * not used). Null: the first paragraph
 * of the body will be the lead.
 */
export function findLeadElement(doc: DomDocument, root: DomElement): DomElement | null {
  const marked = all(root, LEAD_SELECTORS).find(
    (el) => !inWidget(el) && cleanLine(el.textContent ?? '') && !el.querySelector('img, figure, picture, video') && countWords(el.textContent ?? '') <= LEAD_MAX_WORDS,
  );
  if (marked) return marked;
  const description = cleanLine(doc.querySelector('meta[name="description"]')?.getAttribute('content') ?? '');
  if (!description) return null;
  const wanted = fold(description).replace(/ ?(\.\.\.|…)$/u, '');
  if (wanted.length <= 20) return null;
  const matches = (p: DomElement) => !inWidget(p) && fold(p.textContent ?? '').startsWith(wanted);
  // Some sites print the sapo above the `<article>` that holds the body: look there too.
  return all(root, 'p').find(matches) ?? all(doc, 'p').find(matches) ?? null;
}

export interface FoundByline {
  names: string[];
  /** Roles written after the names (kept out of them and listed in the report). */
  roles: string[];
  /** The elements the names came from, taken out of the body. */
  elements: DomElement[];
}

/** Names in one author element: its `itemprop=name` or `content`, else its text, never a URL. */
function namesIn(el: DomElement): { names: string[]; roles: string[] } {
  const named = el.querySelector('[itemprop="name"]');
  const raw = cleanLine(named?.getAttribute('content') ?? named?.textContent ?? el.getAttribute('content') ?? el.textContent ?? '');
  if (!raw || isProfileUrl(raw)) return { names: [], roles: [] };
  const parsed = parseByline(raw);
  if (!parsed) return { names: [], roles: [] };
  return { names: parsed.names.filter((n) => !isProfileUrl(n)), roles: parsed.roles };
}

/**
 * The byline from the article's author markup (`rel=author`, `itemprop=author`,
 * `.byline`, `.author`), else the page's `meta name=author`. Elements inside a
 * widget, and anything that reads like a URL, are never a name.
 */
export function findByline(doc: DomDocument, root: DomElement): FoundByline {
  const elements: DomElement[] = [];
  const names: string[] = [];
  const roles: string[] = [];
  for (const el of all(root, BYLINE_SELECTORS)) {
    if (inWidget(el) || elements.some((e) => e.contains(el))) continue;
    const found = namesIn(el);
    if (!found.names.length) continue;
    elements.push(el);
    for (const n of found.names) if (!names.some((m) => fold(m) === fold(n))) names.push(n);
    roles.push(...found.roles);
  }
  if (names.length) return { names, roles, elements };
  const meta = cleanLine(doc.querySelector('meta[name="author"]')?.getAttribute('content') ?? doc.querySelector('meta[name="dc.creator"]')?.getAttribute('content') ?? '');
  if (meta && !isProfileUrl(meta)) return { names: meta.split(/\s*[,;]\s*|\s+(?:và|and|&)\s+/u).map(cleanLine).filter(Boolean), roles: [], elements: [] };
  return { names: [], roles: [], elements: [] };
}
