import { zipSync, strToU8, type Zippable } from 'fflate';
import { toIsoWithOffset } from '../../../shared/dates';
import type { Article, ArticleMeta, ArticleMetaPatch } from '../../../shared/article';
import { documentFromStored } from '../../../shared/document';
import { digestDocument } from '../store/articles';
import type { Core } from '../core';
import { mediaIdsOf } from '../store/media-refs';
import { DICTIONARY_ENTRY, HandoffError, PACKAGE_EXTENSION, PACKAGE_FORMAT, PACKAGE_VERSION, SIGNATURE_ENTRY, type HistoryEntry, type JsonEntry, type Manifest } from './format';
import { MediaOrigins } from './media-origins';
import { mediaIdsInJson, sha256Hex, storedStateHash } from './fingerprint';
import { holdsPrivateMetadata } from '../media/metadata';
import { stripPrivateMetadata } from '../media/strip';

export interface BuiltPackage {
  fileName: string;
  bytes: Uint8Array;
  manifest: Manifest;
  /** Photos the document names that are not in this store (the package goes without them). */
  missingMedia: string[];
}

/** The metadata a revision snapshot keeps (as the store records it). */
export function snapshotMeta(meta: ArticleMeta): ArticleMetaPatch {
  const { slug, section, tags, status, datelinePlace, agencyTag, language, publishedAt, lengthTarget } = meta;
  return { slug, section, tags, status, datelinePlace, agencyTag, language, publishedAt, lengthTarget };
}

/** Every revision of an article with its document, oldest first. */
export function fullHistory(core: Core, articleId: string): HistoryEntry[] {
  const items: HistoryEntry[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = core.articles.listRevisions(articleId, { limit: 500, offset });
    for (const summary of page.items) {
      const r = core.articles.getRevision(articleId, summary.id);
      items.push({ createdAt: r.createdAt, author: r.author, reason: r.reason, articleRevision: r.articleRevision, meta: r.meta, document: r.document });
    }
    if (offset + 500 >= page.total) break;
  }
  return items.reverse();
}

/**
 * The article's history, with the version being sent in it: if autosaves were
 * coalesced and the current version has no revision yet, one is recorded, so when
 * the package comes back this machine recognises its own version as the common one.
 */
function recordSentVersion(core: Core, article: Article, author: string): HistoryEntry[] {
  const history = fullHistory(core, article.meta.id);
  const meta = snapshotMeta(article.meta);
  const current = storedStateHash(meta, article.document);
  const newest = history[history.length - 1];
  if (newest && storedStateHash(newest.meta, newest.document) === current) return history;
  const doc = documentFromStored(article.document);
  const digest = digestDocument(doc);
  const entry: HistoryEntry = { createdAt: toIsoWithOffset(new Date()), author, reason: 'save', articleRevision: article.revision, meta, document: article.document };
  core.articles.revisions.record({
    articleId: article.meta.id,
    articleRevision: entry.articleRevision,
    createdAt: entry.createdAt,
    author,
    reason: entry.reason,
    meta,
    headline: digest.headline,
    wordCount: digest.wordCount,
    docVersion: article.document.version,
    documentJson: JSON.stringify(article.document.doc),
    mediaIds: mediaIdsOf(doc),
  });
  return [...history, entry];
}

/**
 * Build the handoff package for one article, made and signed by the local profile
 * ("Send for review" / "Send to desk"). Photos go in as their untouched originals,
 * or as copies without location and serial numbers (see README).
 */
export interface PackOptions {
  /** Ship photos with their GPS position and camera serial numbers. Only a desk profile may. */
  includePrivateMetadata?: boolean;
}

export async function buildPackage(core: Core, articleId: string, purpose: 'review' | 'desk' = 'review', options: PackOptions = {}): Promise<BuiltPackage> {
  const sender = core.review.people.requireLocal();
  if (options.includePrivateMetadata && sender.role !== 'desk') {
    throw new HandoffError('only a desk profile may send photos with their location and camera serial numbers');
  }
  const article = core.articles.get(articleId);
  const history = recordSentVersion(core, article, sender.displayName);
  const doc = documentFromStored(article.document);
  const mediaIds = new Set(mediaIdsOf(doc));
  for (const h of history) mediaIdsInJson(h.document.doc, mediaIds);
  if (article.meta.featuredMediaId) mediaIds.add(article.meta.featuredMediaId);

  const profiles = new Map(core.review.profilesFor(articleId).map((p) => [p.id, p]));
  profiles.set(sender.id, sender);

  const files: Zippable = {};
  const json: Record<JsonEntry, unknown> = {
    'article.json': article,
    'history.json': history,
    'comments.json': core.review.comments.raw(articleId),
    'suggestions.json': core.review.suggestions.list(articleId),
    'transitions.json': core.review.transitions.list(articleId),
    'profiles.json': [...profiles.values()],
    'media.json': [] as { id: string; fileName: string; strippedFrom?: string }[],
  };
  const origins = new MediaOrigins(core.db);
  const missingMedia: string[] = [];
  for (const id of [...mediaIds].sort()) {
    const bytes = await core.media.readOriginal(id);
    if (!bytes) {
      missingMedia.push(id);
      continue;
    }
    const info = core.media.get(id);
    // Location and serial numbers never leave the machine unless the desk opts in. The bytes are read again, so a
    // photo stored before its format's metadata could be read (a WebP's GPS, say) is stripped too.
    const isPrivate = info !== null && !options.includePrivateMetadata && (info.hasLocation || info.hasSerialNumber || (await holdsPrivateMetadata(bytes)));
    const stripped = isPrivate ? await stripPrivateMetadata(bytes, info.format) : null;
    if (isPrivate && !stripped) throw new HandoffError(`photo ${info.fileName || id.slice(0, 12)} holds location data that cannot be removed from a ${info.format} file`);
    const outgoing = new Uint8Array(stripped ?? bytes);
    // Every photo travels under the SHA-256 of the bytes sent; a copy names the original it was made from.
    const outgoingId = sha256Hex(outgoing);
    if (!stripped && outgoingId !== id) throw new HandoffError(`photo ${info?.fileName || id.slice(0, 12)} no longer matches its id on this machine (run newsroom check)`);
    const strippedFrom = stripped ? id : origins.originalOf(id)?.originalId;
    files[`media/${outgoingId}`] = [outgoing, { level: 0 }]; // photos are already compressed
    (json['media.json'] as { id: string; fileName: string; strippedFrom?: string }[]).push({ id: outgoingId, fileName: info?.fileName ?? '', ...(strippedFrom ? { strippedFrom } : {}) });
  }
  for (const [name, value] of Object.entries(json)) files[name] = strToU8(JSON.stringify(value));
  files[DICTIONARY_ENTRY] = strToU8(JSON.stringify(core.proofing.newsroom.forPackage()));

  const entries = Object.entries(files).map(([name, value]) => {
    const bytes = Array.isArray(value) ? (value[0] as Uint8Array) : (value as Uint8Array);
    return { name, size: bytes.length, sha256: sha256Hex(bytes) };
  });
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_VERSION,
    createdAt: toIsoWithOffset(new Date()),
    appVersion: core.version,
    purpose,
    articleId,
    sender,
    senderKey: Buffer.from(core.review.ownKeys.ensure(sender.id).publicKey).toString('base64url'),
    entries,
  };
  // The signature covers the exact manifest bytes, and through their SHA-256s every other entry.
  const manifestBytes = strToU8(JSON.stringify(manifest, null, 2));
  files['manifest.json'] = manifestBytes;
  const signature = Buffer.from(core.review.ownKeys.sign(sender.id, manifestBytes)).toString('base64url');
  files[SIGNATURE_ENTRY] = strToU8(JSON.stringify({ algorithm: 'ed25519', signature }));
  const bytes = zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
  return { fileName: `${article.meta.slug}${PACKAGE_EXTENSION}`, bytes, manifest, missingMedia };
}
