import type { Node as PMNode } from 'prosemirror-model';
import type { ArticleMeta } from './article';
import { formatHouseDate } from './dates';
import { bylineNames, documentParts } from './document';
import { bodyToHtml, escapeAttr, escapeHtml, inlineToHtml } from './serialize-html';

/**
 * An article laid out as the paper prints it, for the print stylesheet and PDF:
 * headline, the house date line, the sapo in bold opening with `Lai Châu (BLC) – `,
 * the body with each photo above its caption and `(Ảnh: credit)`, and the byline
 * right-aligned. Everything is escaped; no raw HTML from the document passes through.
 */

/** `Lai Châu (BLC) – `, `(BLC) – ` or `Lai Châu – `: the opening of the sapo, as the paper writes it. */
export function leadOpening(datelinePlace: string, agencyTag: string): string {
  const opening = [datelinePlace, agencyTag ? `(${agencyTag})` : ''].filter(Boolean).join(' ');
  return opening ? `${opening} – ` : '';
}

/** The word before a photo's credit, in the article's language. */
export const creditWord = (language: string): string => (language.startsWith('vi') ? 'Ảnh' : 'Photo');

export interface PrintOptions {
  /** The publication's agency tag, used when the article has none of its own. */
  agencyTag: string;
  timeZone: string;
  /** Where the page loads a figure's photo from; null prints the caption without a picture. */
  photoSrc(mediaId: string): string | null;
}

export function printableArticleHtml(doc: PMNode, meta: Pick<ArticleMeta, 'language' | 'section' | 'datelinePlace' | 'agencyTag' | 'publishedAt' | 'updatedAt'>, options: PrintOptions): string {
  const { headline, lead, body } = documentParts(doc);
  const word = creditWord(meta.language);
  const bodyHtml = bodyToHtml(body, {
    figureImage: (figure) => {
      const id = figure.attrs.mediaId as string | null;
      const src = id ? options.photoSrc(id) : null;
      const alt = (figure.attrs.alt as string) || figure.child(0).textContent;
      return src ? `<img src="${escapeAttr(src)}" alt="${escapeAttr(alt)}">` : '';
    },
  }).replace(/<span class="credit">([^<]*)<\/span>/g, (_, credit: string) => `<span class="credit">(${word}: ${credit})</span>`);
  const opening = leadOpening(meta.datelinePlace, meta.agencyTag || options.agencyTag);
  const date = formatHouseDate(meta.publishedAt ?? meta.updatedAt, options.timeZone);
  const names = bylineNames(doc);
  return (
    `<article class="print-page" lang="${escapeAttr(meta.language)}">\n` +
    (meta.section ? `<p class="print-section">${escapeHtml(meta.section)}</p>\n` : '') +
    `<h1>${escapeHtml(headline.textContent)}</h1>\n` +
    `<p class="print-dateline">${escapeHtml(date)}</p>\n` +
    (lead.content.size || opening ? `<p class="print-lead">${opening ? `<span class="print-tag">${escapeHtml(opening)}</span>` : ''}${inlineToHtml(lead)}</p>\n` : '') +
    bodyHtml +
    (names.length ? `<p class="print-byline">${names.map(escapeHtml).join(', ')}</p>\n` : '') +
    `</article>\n`
  );
}
