import type { Node as PMNode } from 'prosemirror-model';
import { documentParts } from '../../../shared/document';
import { bodyToHtml, escapeAttr, escapeHtml, inlineToHtml } from '../../../shared/serialize-html';
import type { DateStyle } from '../../../shared/export';
import { formatHouseDate } from '../../../shared/dates';
import { BASE_CSS } from './page-style';
import { newsArticleJsonLd, scriptSafeJson } from './json-ld';
import { absoluteUrl, mainRendition, type BundleModel, type BundlePhoto } from './model';

/** The few words the page itself says, in the article's language. */
const LABELS = {
  vi: { updated: 'Cập nhật', preview: 'Bản xem trước: bài chưa xuất bản.', photo: 'Ảnh' },
  en: { updated: 'Updated', preview: 'Preview: this article is not published.', photo: 'Photo' },
};

function labels(language: string) {
  return language.startsWith('vi') ? LABELS.vi : LABELS.en;
}

/** How the page writes a moment for readers, per the profile's date style. */
export function displayDate(iso: string, style: DateStyle, timeZone: string): string {
  return style === 'house-vi' ? formatHouseDate(iso, timeZone) : iso;
}

const SIZES = '(min-width: 42rem) 40rem, 100vw';

/** `<picture>` for one photo: WebP first, JPEG fallback, explicit size so the page does not jump. */
export function pictureHtml(photo: BundlePhoto, alt: string): string {
  const srcset = (format: string) =>
    photo.set.renditions
      .filter((r) => r.format === format)
      .map((r) => `${r.path} ${r.width}w`)
      .join(', ');
  const main = mainRendition(photo);
  return (
    `<picture><source type="image/webp" srcset="${escapeAttr(srcset('webp'))}" sizes="${SIZES}">` +
    `<img src="${escapeAttr(main.path)}" srcset="${escapeAttr(srcset('jpeg'))}" sizes="${SIZES}" width="${main.width}" height="${main.height}" alt="${escapeAttr(alt)}" loading="lazy" decoding="async"></picture>`
  );
}

/** Body blocks with each figure's photo; figures are matched to photos by position. */
export function articleBodyHtml(model: Pick<BundleModel, 'doc' | 'photos'>): string {
  const { body } = documentParts(model.doc);
  const byNode = new Map<PMNode, BundlePhoto>();
  let n = 0;
  body.descendants((node) => {
    if (node.type.name !== 'figure') return true;
    n++;
    const photo = model.photos.find((p) => p.index === n);
    if (photo) byNode.set(node, photo);
    return false;
  });
  return bodyToHtml(body, {
    figureImage: (figure) => {
      const photo = byNode.get(figure);
      return photo ? pictureHtml(photo, photo.alt || photo.caption) : '';
    },
  });
}

function meta(attr: 'name' | 'property', key: string, value: string | number): string {
  return `<meta ${attr}="${key}" content="${escapeAttr(String(value))}">\n`;
}

function headHtml(model: BundleModel): string {
  const { profile } = model;
  let h = '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n';
  h += `<title>${escapeHtml(`${model.headline} – ${profile.siteName}`)}</title>\n`;
  if (model.description) h += meta('name', 'description', model.description);
  if (model.kind === 'preview') h += meta('name', 'robots', 'noindex');
  h += `<link rel="canonical" href="${escapeAttr(model.canonicalUrl)}">\n`;
  for (const a of model.authors) h += meta('name', 'author', a.name);
  h += meta('property', 'og:type', 'article');
  h += meta('property', 'og:site_name', profile.siteName);
  h += meta('property', 'og:title', model.headline);
  if (model.description) h += meta('property', 'og:description', model.description);
  h += meta('property', 'og:url', model.canonicalUrl);
  h += meta('property', 'og:locale', profile.locale);
  const first = model.leadPhoto;
  if (first) {
    const r = mainRendition(first);
    h += meta('property', 'og:image', absoluteUrl(model, r.path));
    h += meta('property', 'og:image:type', 'image/jpeg');
    h += meta('property', 'og:image:width', r.width);
    h += meta('property', 'og:image:height', r.height);
    h += meta('property', 'og:image:alt', first.alt || first.caption);
  }
  if (model.publishedAt) h += meta('property', 'article:published_time', model.publishedAt);
  h += meta('property', 'article:modified_time', model.modifiedAt);
  for (const a of model.authors) h += meta('property', 'article:author', a.url);
  if (model.section) h += meta('property', 'article:section', model.section);
  for (const t of model.tags) h += meta('property', 'article:tag', t);
  h += `<style>\n${BASE_CSS}${profile.css ? `${profile.css}\n` : ''}</style>\n`;
  h += `<script type="application/ld+json">${scriptSafeJson(newsArticleJsonLd(model))}</script>\n`;
  return h;
}

function timeHtml(iso: string, model: BundleModel): string {
  return `<time datetime="${escapeAttr(iso)}">${escapeHtml(displayDate(iso, model.profile.dateStyle, model.profile.timeZone))}</time>`;
}

/** `Lai Châu (BLC) – `, `(BLC) – ` or `Lai Châu – `: the paper's opening of the lead. */
function leadOpening(model: BundleModel): string {
  const place = model.datelinePlace ? escapeHtml(model.datelinePlace) : '';
  const tag = model.agencyTag ? `(${escapeHtml(model.agencyTag)})` : '';
  const opening = [place, tag].filter(Boolean).join(' ');
  return opening ? `<span class="tag">${opening} –</span> ` : '';
}

/**
 * The bundle's `index.html`: one complete HTML5 page with no script (the JSON-LD
 * block is data), no outside request and every text escaped for where it stands.
 */
export function renderArticlePage(model: BundleModel): string {
  const l = labels(model.language);
  const { lead } = documentParts(model.doc);
  const when = model.publishedAt ?? model.modifiedAt;
  let meta = `<p class="dateline">${timeHtml(when, model)}</p>\n`;
  if (model.publishedAt && model.publishedAt !== model.modifiedAt) meta += `<p class="updated">${l.updated}: ${timeHtml(model.modifiedAt, model)}</p>\n`;
  const byline = model.authors.length
    ? `<p class="byline">${model.authors.map((a) => `<a rel="author" href="${escapeAttr(a.url)}">${escapeHtml(a.name)}</a>`).join(', ')}</p>\n`
    : '';
  return (
    `<!DOCTYPE html>\n<html lang="${escapeAttr(model.language)}">\n<head>\n${headHtml(model)}</head>\n<body>\n` +
    `<header class="site"><p>${escapeHtml(model.profile.siteName)}</p></header>\n<main>\n<article>\n` +
    (model.kind === 'preview' ? `<p class="notice">${l.preview}</p>\n` : '') +
    `<h1>${escapeHtml(model.headline)}</h1>\n<div class="meta">\n${meta}</div>\n` +
    `<p class="lead">${leadOpening(model)}${inlineToHtml(lead)}</p>\n` +
    articleBodyHtml(model) +
    byline +
    `</article>\n</main>\n</body>\n</html>\n`
  );
}
