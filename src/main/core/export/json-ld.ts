import { absoluteUrl, mainRendition, type BundleModel } from './model';

/**
 * JSON for an inline `<script>`: `<`, `>` and `&` become `\u003c`… so no text
 * (a headline holding `</script>` or `<!--`) can end the element or open a comment,
 * and U+2028/U+2029 are escaped for old JavaScript parsers.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** schema.org NewsArticle for search engines; keys in a fixed order for byte-stable output. */
export function newsArticleJsonLd(model: BundleModel): Record<string, unknown> {
  const lead = model.leadPhoto;
  const ordered = lead ? [lead, ...model.photos.filter((p) => p !== lead)] : model.photos;
  const images = ordered.map((p) => {
    const r = mainRendition(p);
    return { '@type': 'ImageObject', url: absoluteUrl(model, r.path), width: r.width, height: r.height, caption: p.caption || p.alt };
  });
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: model.canonicalUrl,
    headline: model.headline,
    description: model.description,
    image: images,
  };
  if (model.publishedAt) ld.datePublished = model.publishedAt;
  ld.dateModified = model.modifiedAt;
  ld.author = model.authors.map((a) => ({ '@type': 'Person', name: a.name, url: a.url }));
  ld.publisher = { '@type': 'NewsMediaOrganization', name: model.profile.siteName, url: model.profile.baseUrl };
  if (model.section) ld.articleSection = model.section;
  ld.keywords = model.tags;
  ld.inLanguage = model.language;
  ld.wordCount = model.wordCount;
  if (model.datelinePlace) ld.locationCreated = { '@type': 'Place', name: model.datelinePlace };
  return ld;
}
