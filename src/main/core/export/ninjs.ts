import { documentParts } from '../../../shared/document';
import { inlineToHtml } from '../../../shared/serialize-html';
import { articleBodyHtml } from './page';
import { absoluteUrl, type BundleModel } from './model';

/** ninjs 3.1 standard block: which schema the file follows. */
const STANDARD = { name: 'ninjs', version: '3.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json' };

/**
 * `article.ninjs.json`: the article as an IPTC ninjs 3.1 news item, photos as
 * associations with their renditions. Keys are written in a fixed order.
 */
export function buildNinjs(model: BundleModel): Record<string, unknown> {
  const { lead } = documentParts(model.doc);
  const bodyHtml = `<p class="lead">${inlineToHtml(lead)}</p>\n${articleBodyHtml(model)}`;
  const item: Record<string, unknown> = {
    uri: `urn:uuid:${model.article.meta.id}`,
    standard: STANDARD,
    type: 'text',
    representationType: 'full',
    version: String(model.article.revision),
    firstCreated: model.createdAt,
    versionCreated: model.modifiedAt,
  };
  if (model.publishedAt) item.contentCreated = model.publishedAt;
  Object.assign(item, {
    pubStatus: model.kind === 'publish' ? 'usable' : 'withheld',
    copyrightHolder: model.profile.siteName,
    language: model.language,
    slugline: model.slug,
    headlines: [{ role: 'main', contentType: 'text/plain', value: model.headline }],
    descriptions: model.description ? [{ role: 'summary', contentType: 'text/plain', value: model.description }] : [],
    bodies: [{ role: 'main', contentType: 'text/html', charCount: model.charCount, wordCount: model.wordCount, value: bodyHtml }],
    by: model.authors.map((a) => a.name).join(', '),
    people: model.authors.map((a) => ({ name: a.name, rel: 'author', uri: a.url })),
  });
  if (model.datelinePlace) item.located = model.datelinePlace;
  item.subjects = [
    ...(model.section ? [{ name: model.section, rel: 'section' }] : []),
    ...model.tags.map((t) => ({ name: t, rel: 'keyword' })),
  ];
  if (model.agencyTag) item.infoSources = [{ name: model.agencyTag, role: 'originator' }];
  item.renditions = [{ name: 'web', href: model.canonicalUrl, contentType: 'text/html' }];
  item.associations = model.photos.map((p) => ({
    name: `photo${p.index}`,
    rel: 'illustration',
    uri: `urn:newsroom:media:${p.mediaId}`,
    type: 'picture',
    ...(p.caption ? { headlines: [{ role: 'caption', contentType: 'text/plain', value: p.caption }] } : {}),
    ...(p.alt ? { descriptions: [{ role: 'alt', contentType: 'text/plain', value: p.alt }] } : {}),
    ...(p.credit ? { by: p.credit, copyrightNotice: p.credit } : {}),
    renditions: p.set.renditions.map((r) => ({
      name: `${r.format}-${r.width}`,
      href: absoluteUrl(model, r.path),
      contentType: r.format === 'jpeg' ? 'image/jpeg' : 'image/webp',
      width: r.width,
      height: r.height,
      sizeInBytes: r.bytes.length,
    })),
  }));
  item.altIds = [{ role: 'slug', value: model.slug }];
  return item;
}

