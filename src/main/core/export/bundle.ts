import { createHash } from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';
import type { Node as PMNode } from 'prosemirror-model';
import type { Article } from '../../../shared/article';
import { documentParts } from '../../../shared/document';
import type { ExportKind, PublicationProfile } from '../../../shared/export';
import { isValidSlug } from '../../../shared/slug';
import type { BundleFile } from './atomic-write';
import { buildModel, type BundleModel, type BundlePhoto } from './model';
import { buildNinjs } from './ninjs';
import { renderArticlePage } from './page';
import { makeRenditions, type RenditionCache } from './renditions';

/** Original bytes of a photo from the media library, or null when it is not there. */
export type MediaReader = (mediaId: string) => Promise<{ bytes: Buffer; credit?: string } | null>;

export const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Stable, pretty JSON with a final newline. Objects are built in a fixed key order. */
export const jsonBytes = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2) + '\n', 'utf8');

/** The photos of a document's figures, in order, with renditions (cached encodes reused). */
export async function collectPhotos(
  doc: PMNode,
  readMedia: MediaReader,
  options: { embedCredit: boolean; cache?: RenditionCache; onEncode?: () => void },
): Promise<BundlePhoto[]> {
  const figures: { index: number; node: PMNode }[] = [];
  documentParts(doc).body.descendants((node) => {
    if (node.type.name !== 'figure') return true;
    figures.push({ index: figures.length + 1, node });
    return false;
  });
  const photos: BundlePhoto[] = [];
  for (const { index, node } of figures) {
    const mediaId = node.attrs.mediaId as string | null;
    if (!mediaId) continue;
    const media = await readMedia(mediaId);
    if (!media) throw new Error(`photo ${index} (${mediaId.slice(0, 12)}…) is not in the media library`);
    const credit = node.child(1).textContent.trim() || media.credit?.trim() || '';
    const set = await makeRenditions(media.bytes, { embeddedCredit: options.embedCredit ? credit : undefined, cache: options.cache, onEncode: options.onEncode });
    photos.push({ index, mediaId, alt: (node.attrs.alt as string).trim(), caption: node.child(0).textContent.trim(), credit, set });
  }
  return photos;
}

/** The files of a bundle, sorted by path, ending with the BagIt-style manifest. */
export function bundleFiles(model: BundleModel): BundleFile[] {
  const files: BundleFile[] = [
    { path: 'index.html', bytes: Buffer.from(renderArticlePage(model), 'utf8') },
    { path: 'article.ninjs.json', bytes: jsonBytes(buildNinjs(model)) },
  ];
  const seen = new Set<string>();
  for (const photo of model.photos) {
    for (const r of photo.set.renditions) {
      if (seen.has(r.path)) continue; // the same photo twice in one article
      seen.add(r.path);
      files.push({ path: r.path, bytes: r.bytes });
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const manifest = files.map((f) => `${sha256Hex(f.bytes)}  ${f.path}\n`).join('');
  files.push({ path: 'manifest-sha256.txt', bytes: Buffer.from(manifest, 'utf8') });
  return files;
}

/** Fixed timestamp for zip entries (local-time DOS fields), so the zip is byte-stable. */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** The bundle as a zip with the same files at its root, in the same order, same bytes every time. */
export function zipBundle(files: BundleFile[]): Buffer {
  const entries: Zippable = {};
  for (const f of files) entries[f.path] = [new Uint8Array(f.bytes.buffer, f.bytes.byteOffset, f.bytes.length), { mtime: ZIP_TIME, level: f.path.startsWith('images/') ? 0 : 6 }];
  return Buffer.from(zipSync(entries));
}

export interface BuildOptions {
  profile: PublicationProfile;
  kind: ExportKind;
  readMedia: MediaReader;
  cache?: RenditionCache;
  onEncode?: () => void;
}

/** Render an article into its bundle files without touching the disk. */
export async function buildBundle(article: Article, doc: PMNode, options: BuildOptions): Promise<{ model: BundleModel; files: BundleFile[] }> {
  if (!isValidSlug(article.meta.slug)) throw new Error(`unsafe slug ${JSON.stringify(article.meta.slug)}`);
  const photos = await collectPhotos(doc, options.readMedia, { embedCredit: options.profile.embedCredit, cache: options.cache, onEncode: options.onEncode });
  const model = buildModel({ article, doc, profile: options.profile, kind: options.kind, photos });
  return { model, files: bundleFiles(model) };
}
