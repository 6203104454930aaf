import type { Node as PMNode } from 'prosemirror-model';
import type { Article } from '../../../shared/article';
import { bylineNames, documentParts } from '../../../shared/document';
import type { ExportKind, PublicationProfile } from '../../../shared/export';
import { slugify } from '../../../shared/slug';
import { countCharacters, countWords, squashSpaces } from '../../../shared/text';
import { toIsoWithOffset } from '../../../shared/dates';
import type { RenditionSet } from './renditions';

/** One photo of the article, in document order, with its renditions. */
export interface BundlePhoto {
  /** 1-based position among the article's figures. */
  index: number;
  mediaId: string;
  alt: string;
  caption: string;
  credit: string;
  set: RenditionSet;
}

/**
 * Everything the page, the JSON-LD and the ninjs need, derived once from the
 * article and the profile. Nothing here depends on the clock: the same input gives
 * the same model, which is what makes bundles byte-identical.
 */
export interface BundleModel {
  article: Article;
  doc: PMNode;
  profile: PublicationProfile;
  kind: ExportKind;
  language: string;
  slug: string;
  headline: string;
  /** Lead as plain text, for descriptions. */
  description: string;
  canonicalUrl: string;
  /** ISO 8601 in the profile's time zone; null when the article was never published. */
  publishedAt: string | null;
  modifiedAt: string;
  createdAt: string;
  authors: { name: string; url: string }[];
  section: string;
  tags: string[];
  agencyTag: string;
  datelinePlace: string;
  wordCount: number;
  charCount: number;
  photos: BundlePhoto[];
  /** The desk's featured photo (`featuredMediaId`), else the first: Open Graph's image and JSON-LD's first. */
  leadPhoto: BundlePhoto | null;
}

/** The largest JPEG of a photo: the one Open Graph and JSON-LD point at. */
export function mainRendition(photo: BundlePhoto) {
  const jpegs = photo.set.renditions.filter((r) => r.format === 'jpeg');
  return jpegs[jpegs.length - 1]!;
}

export function absoluteUrl(model: Pick<BundleModel, 'canonicalUrl'>, path: string): string {
  return new URL(path, model.canonicalUrl).href;
}

export function buildModel(input: {
  article: Article;
  doc: PMNode;
  profile: PublicationProfile;
  kind: ExportKind;
  photos: BundlePhoto[];
}): BundleModel {
  const { article, doc, profile, kind, photos } = input;
  const { meta } = article;
  const { headline, lead } = documentParts(doc);
  const zone = (iso: string) => toIsoWithOffset(new Date(iso), profile.timeZone);
  const fullText = doc.textBetween(0, doc.content.size, ' ', ' ');
  const { body } = documentParts(doc);
  const bodyText = body.textBetween(0, body.content.size, ' ', ' ');
  return {
    article,
    doc,
    profile,
    kind,
    language: meta.language,
    slug: meta.slug,
    headline: squashSpaces(headline.textContent) || meta.slug,
    description: squashSpaces(lead.textContent),
    canonicalUrl: new URL(`${meta.slug}/`, profile.baseUrl).href,
    publishedAt: meta.publishedAt ? zone(meta.publishedAt) : null,
    modifiedAt: zone(meta.updatedAt),
    createdAt: zone(meta.createdAt),
    authors: bylineNames(doc).map((name) => ({ name, url: new URL(`tac-gia/${slugify(name)}/`, profile.baseUrl).href })),
    section: meta.section,
    tags: [...meta.tags],
    agencyTag: meta.agencyTag || profile.agencyTag,
    datelinePlace: meta.datelinePlace,
    wordCount: countWords(fullText),
    charCount: countCharacters(bodyText),
    photos,
    leadPhoto: photos.find((p) => p.mediaId === meta.featuredMediaId) ?? photos[0] ?? null,
  };
}
