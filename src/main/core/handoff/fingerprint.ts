import { createHash } from 'node:crypto';
import type { ArticleMetaPatch } from '../../../shared/article';
import { DOCUMENT_VERSION, documentFromStored, documentToStored, type NodeJSON, type StoredDocument } from '../../../shared/document';

/**
 * Content fingerprints, used to tell across machines whether two copies of an
 * article are the same version, one is an ancestor of the other, or both changed.
 * Positions and ids of local rows differ between machines; content does not.
 */

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The metadata that makes up a version (not timestamps, not local ids). */
const META_KEYS = ['slug', 'section', 'tags', 'status', 'datelinePlace', 'agencyTag', 'language', 'publishedAt', 'lengthTarget'] as const;

/** JSON with object keys sorted, so equal values always serialise alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Fingerprint of one version of an article: its document and its metadata. */
export function stateHash(meta: ArticleMetaPatch, doc: NodeJSON): string {
  const m: Record<string, unknown> = {};
  for (const k of META_KEYS) m[k] = meta[k] ?? null;
  // The document as ProseMirror's toJSON lays it out (a fixed key order on every machine); only the
  // small metadata needs sorting. A document laid out differently hashes differently, which at worst
  // reports a conflict where there is none: nothing is ever lost by it.
  return sha256(`${canonicalJson(m)}\n${JSON.stringify(doc)}`);
}

/** Fingerprint of one revision: the version plus who made it, when and why. */
export function revisionHash(r: { createdAt: string; author: string; reason: string; meta: ArticleMetaPatch; doc: NodeJSON }): string {
  return sha256(canonicalJson({ at: r.createdAt, author: r.author, reason: r.reason, state: stateHash(r.meta, r.doc) }));
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Fingerprint of a stored version. Documents at the current layout are hashed as
 * stored (the store already normalised them); older layouts are upgraded first, so
 * the same text always gives the same fingerprint. Avoids parsing long histories.
 */
export function storedStateHash(meta: ArticleMetaPatch, stored: StoredDocument): string {
  const doc = stored.version === DOCUMENT_VERSION ? stored.doc : documentToStored(documentFromStored(stored)).doc;
  return stateHash(meta, doc);
}

/** Media ids named by figures in document JSON, without building the document. */
export function mediaIdsInJson(doc: NodeJSON, into: Set<string> = new Set()): Set<string> {
  if (doc.type === 'figure' && typeof doc.attrs?.mediaId === 'string') into.add(doc.attrs.mediaId);
  for (const child of doc.content ?? []) mediaIdsInJson(child, into);
  return into;
}
