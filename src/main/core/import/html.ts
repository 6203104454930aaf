import { sanitizeHtml } from '../../../shared/html/sanitize';
import { addReports, emptyReport, reportOf } from '../../../shared/html';
import { dropped as drop, warning } from '../../../shared/import-report';
import { DEFAULT_TIME_ZONE, ISO_WITH_OFFSET, toIsoWithOffset, zonedToIso } from '../../../shared/dates';
import { cleanLine, type ImportImage, type ParsedArticle } from './parsed';
import type { Node as PMNode } from 'prosemirror-model';
import { imageMarker, MARK, toBodyItems, type BodyItem } from './html-blocks';
import { findByline, findLeadElement } from './html-article';
import { outsideArticle, removeAfterByline, removeFurniture } from './html-furniture';
import { structureBody, type StructureHints } from './structure';
import { all, asHtmlNode, parseDocument, type DomDocument, type DomElement } from './dom';
import { sanitizerReport } from './sanitizer-report';

type Doc = DomDocument;
type El = DomElement;

/** Where a saved article page keeps its text, most specific first. */
const CONTENT_SELECTORS = [
  'article',
  '[itemprop="articleBody"]',
  'main',
  '[role="main"]',
  '.article-content, .article-body, .post-content, .entry-content, .detail-content, .content-detail, #content',
];

/** What a referenced (not embedded) image is: a story-folder photo by file name, or a link we never fetch. */
export interface HtmlImageRef {
  src: string;
  alt: string;
}

const meta = (doc: Doc, selectors: string[]): string => {
  for (const s of selectors) {
    const v = doc.querySelector(s)?.getAttribute('content');
    if (v && cleanLine(v)) return cleanLine(v);
  }
  return '';
};

/** An ISO date from `article:published_time` or `<time datetime>`, with its offset (the newsroom's zone when none is given). */
function parseIsoDate(value: string): string | null {
  const v = value.trim();
  if (ISO_WITH_OFFSET.test(v)) return v;
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?$/.test(v)) {
    const [d, t = '00:00'] = v.split(/[T ]/);
    const [year, month, day] = d!.split('-').map(Number) as [number, number, number];
    const [hour, minute] = t.split(':').map(Number) as [number, number];
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
    return zonedToIso({ year, month, day, hour, minute }, DEFAULT_TIME_ZONE);
  }
  const ms = Date.parse(v);
  return Number.isFinite(ms) && /\d{4}/.test(v) ? toIsoWithOffset(new Date(ms)) : null;
}

/**
 * A fragment (no `<html>` with a `<body>`: a clipboard-saved file, a snippet) as a whole document,
 * so its paragraphs land in the body; its `<head>`, if any, stays the head.
 */
function asDocument(page: string): string {
  // Windows' clipboard format puts `Version:0.9`, `StartHTML:…` lines before the markup.
  const source = page.replace(/^(?:\s*(?:Version|StartHTML|EndHTML|StartFragment|EndFragment|StartSelection|EndSelection|SourceURL):[^\n]*\n)+/i, '');
  if (/<html[\s>]/i.test(source) && /<body[\s>]/i.test(source)) return source;
  const head = /<head[\s>][\s\S]*?<\/head>/i.exec(source)?.[0] ?? '<head></head>';
  const rest = source.replace(/<head[\s>][\s\S]*?<\/head>/i, '').replace(/<!doctype[^>]*>|<\/?(html|body)(\s[^>]*)?>/gi, '');
  return `<!doctype html><html>${head}<body>${rest}</body></html>`;
}

/** The article's `h1`: one outside navigation and sidebars, preferring one outside a site header. */
function headlineElement(root: El): El | null {
  const candidates = all(root, 'h1').filter((h) => !h.closest('nav, aside, footer, [role="navigation"], [role="complementary"]'));
  return candidates.find((h) => !h.closest('header') || h.closest('article')) ?? candidates[0] ?? null;
}

/** Find the article's main content: `<article>`, `articleBody`, `<main>`, or the body. */
function contentRoot(doc: Doc): El {
  for (const selector of CONTENT_SELECTORS) {
    const candidates = all(doc, selector);
    if (!candidates.length) continue;
    // Several <article>s (teasers): the one with the most text is the story.
    return candidates.reduce((best, el) => ((el.textContent ?? '').length > (best.textContent ?? '').length ? el : best));
  }
  return (doc.body ?? doc.documentElement) as El;
}

/**
 * Read a saved article page: the `<article>` (or main content), its `h1`, figures
 * with their `figcaption`, the lead and byline from the article's markup
 * (`html-article.ts`), the date from meta tags or `<time>`; furniture is taken out
 * by its place and shape (`html-furniture.ts`) and listed. A fragment without
 * `<body>` is read as a page's body. All
 * markup goes through the same sanitiser as paste: no script, event handler,
 * iframe or `javascript:` link survives. Images are never fetched; in a story
 * folder, `localImages` supplies the photo files a page refers to by name.
 */
export function readHtml(
  source: string,
  fileName: string,
  encoding: string | null,
  localImages: (src: string) => ImportImage | null = () => null,
): ParsedArticle {
  const doc = parseDocument(asDocument(source));
  const dropped: ParsedArticle['dropped'] = [];
  const warnings: ParsedArticle['warnings'] = [];
  const leadRest: PMNode[] = [];

  const scripts = doc.querySelectorAll('script').length;
  if (scripts) warnings.push(warning('scripts_removed', { count: scripts }));

  const hints: StructureHints = {};
  const title = meta(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]']);
  const published = meta(doc, ['meta[property="article:published_time"]', 'meta[itemprop="datePublished"]', 'meta[name="pubdate"]']);

  const root = contentRoot(doc);
  const h1 = headlineElement(root) ?? headlineElement(doc);
  const leadElement = findLeadElement(doc, root);
  const byline = findByline(doc, root);
  const kept = [h1, leadElement, ...byline.elements].filter((el): el is El => !!el);
  dropped.push(...outsideArticle((doc.body ?? doc.documentElement) as El, root, kept));
  dropped.push(...removeFurniture(root, kept));
  dropped.push(...removeAfterByline(root, byline.elements));

  if (h1 && cleanLine(h1.textContent ?? '')) hints.headline = cleanLine(h1.textContent ?? '');
  else if (title) hints.headline = title;
  if (h1 && root.contains(h1)) h1.remove();

  const time = root.querySelector('time[datetime]') ?? doc.querySelector('time[datetime]');
  const iso = parseIsoDate(published) ?? (time ? parseIsoDate(time.getAttribute('datetime') ?? '') : null);
  if (iso) hints.publishedAt = iso;
  if (time && root.contains(time) && iso) time.remove();

  if (byline.names.length) hints.byline = byline.names;
  for (const role of byline.roles) dropped.push(drop('byline_role', role));
  for (const el of byline.elements) if (root.contains(el)) el.remove();

  let leadReport = emptyReport();
  if (leadElement) {
    const sanitizedLead = sanitizeHtml(asHtmlNode(leadElement));
    leadReport = reportOf(sanitizedLead);
    const lead = toBodyItems(sanitizedLead.blocks).flatMap((it) => (it.kind === 'block' ? [it.node] : []));
    leadElement.remove();
    const [first, ...rest] = lead;
    if (first) {
      const content: PMNode[] = [];
      first.forEach((n) => content.push(n));
      hints.lead = content;
    }
    // A sapo of several paragraphs: the first is the lead, the others open the body.
    if (rest.length) leadRest.push(...rest);
  }

  // Photos: each <img> (in a <figure> or not) becomes a marker; figcaptions are marked as captions.
  const images: (ImportImage | null)[] = [];
  const altTexts: string[] = [];
  const external: string[] = [];
  for (const img of all(root, 'img')) {
    const src = img.getAttribute('src') ?? '';
    const index = images.length;
    const local = src && !/^[a-z][a-z0-9+.-]*:/i.test(src) ? localImages(src) : null;
    if (!local && src) external.push(src.startsWith('data:') ? 'an image embedded as a data: URL' : src);
    images.push(local);
    altTexts.push(cleanLine(img.getAttribute('alt') ?? ''));
    const figure = img.closest('figure');
    const marker = doc.createTextNode(imageMarker(index));
    if (figure && figure.querySelectorAll('img').length === 1) {
      const caption = figure.querySelector('figcaption');
      const p = doc.createElement('p');
      p.appendChild(marker);
      figure.parentNode?.insertBefore(p, figure);
      if (caption) {
        const cp = doc.createElement('p');
        cp.appendChild(doc.createTextNode(MARK.caption));
        while (caption.firstChild) cp.appendChild(caption.firstChild);
        figure.parentNode?.insertBefore(cp, figure);
      }
      figure.remove();
    } else img.replaceWith(marker);
  }
  for (const src of external) dropped.push(drop('web_image', src));

  const sanitized = sanitizeHtml(asHtmlNode(root));
  const changes = sanitizerReport(addReports(leadReport, reportOf(sanitized)));
  warnings.push(...changes.warnings);
  dropped.push(...changes.dropped);
  const items: BodyItem[] = [...leadRest.map((node): BodyItem => ({ kind: 'block', node, role: 'plain' })), ...toBodyItems(sanitized.blocks)];
  return structureBody({ fileName, format: 'html', encoding, items, images, altTexts, hints, dropped, warnings });
}
