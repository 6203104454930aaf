import type { NodeJSON, StoredDocument } from '../../../shared/document';
import type { PackageContents } from './format';

/**
 * What to do with a package's photos on this machine. Every photo is stored under
 * the SHA-256 of its own bytes, never under an id the package names for it, and an
 * id already here is never written again. A stripped copy (`strippedFrom` O) is
 * linked to its original like this:
 * - this machine holds O: documents naming O keep it (our own bytes). Documents
 *   naming the copy go back to O only when a trusted key vouches for the link;
 * - this machine lacks O: documents naming O are re-pointed to the copy's own id,
 *   and the link is remembered (vouched or not) so the copy can be sent on with it.
 */
export interface MediaPlan {
  /** Photos to store (their own id is their SHA-256). */
  store: PackageContents['media'];
  /** Links to remember: copy id → original id. */
  links: { copyId: string; originalId: string }[];
  /** Ids the package's documents use → the id to use here. */
  repoint: Map<string, string>;
}

export function planMedia(contents: PackageContents, has: (id: string) => boolean, vouched: boolean): MediaPlan {
  const plan: MediaPlan = { store: [], links: [], repoint: new Map() };
  for (const m of contents.media) {
    const original = m.strippedFrom;
    if (original && has(original) && vouched) {
      plan.repoint.set(m.id, original);
      continue;
    }
    if (original && !has(original)) plan.repoint.set(original, m.id);
    if (original) plan.links.push({ copyId: m.id, originalId: original });
    if (!has(m.id)) plan.store.push(m);
  }
  return plan;
}

/** The document with figures (and nothing else) re-pointed; the same object when nothing changes. */
export function repointDocument(stored: StoredDocument, repoint: ReadonlyMap<string, string>): StoredDocument {
  if (!repoint.size) return stored;
  const visit = (node: NodeJSON): NodeJSON => {
    const mediaId = node.type === 'figure' ? node.attrs?.mediaId : undefined;
    const target = typeof mediaId === 'string' ? repoint.get(mediaId) : undefined;
    const next: NodeJSON = target ? { ...node, attrs: { ...node.attrs, mediaId: target } } : node;
    return next.content ? { ...next, content: next.content.map(visit) } : next;
  };
  return { ...stored, doc: visit(stored.doc) };
}
