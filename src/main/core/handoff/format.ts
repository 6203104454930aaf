import { z } from 'zod';
import type { Node as PMNode } from 'prosemirror-model';
import { ArticleMeta, ArticleMetaPatch, IsoDateTime } from '../../../shared/article';
import { RevisionReason } from '../../../shared/revisions';
import type { StoredDocument } from '../../../shared/document';
import { Comment, Profile, Suggestion, Transition } from '../../../shared/review/model';
export { PackageDictionary } from '../../../shared/proofing/dictionary';
import type { PackageDictionary } from '../../../shared/proofing/dictionary';

/**
 * The handoff package (`<slug>.newsroom`): a zip holding one article with
 * everything a colleague needs to review it on another machine. Layout:
 *
 *     manifest.json      format, version, sender, the sender's public key, and size + SHA-256 of every entry below
 *     signature.json     Ed25519 signature of the exact bytes of manifest.json by the sender's key
 *     article.json       current metadata and document
 *     history.json       revisions (oldest first) with their documents
 *     comments.json      comment threads
 *     suggestions.json   suggestions, open and decided
 *     transitions.json   the workflow log
 *     profiles.json      everyone those records name (sender included)
 *     media.json         file names of the photos below; a stripped copy names the original it was made from
 *     dictionary.json    the sender's newsroom dictionary (optional: packages made before it travelled lack it)
 *     media/<sha256>     photos, each named by the SHA-256 of its own bytes
 *
 * Signing the manifest signs everything: it lists every other entry's SHA-256.
 */

export const PACKAGE_FORMAT = 'newsroom-handoff';
/** Bump when the layout changes in a way an older Newsroom cannot read. */
export const PACKAGE_VERSION = 1;
export const PACKAGE_EXTENSION = '.newsroom';

/**
 * Limits checked against the zip's declared sizes before anything is inflated, and
 * enforced while inflating. The package and everything it inflates to are held in
 * memory at once, so these keep opening any package under about 300 MB.
 */
export const LIMITS = {
  /** The package file itself. */
  packageBytes: 128 * 1024 * 1024,
  /** Sum of all entries, uncompressed. */
  totalBytes: 160 * 1024 * 1024,
  /** One JSON entry, uncompressed. */
  jsonBytes: 64 * 1024 * 1024,
  /** One photo original (the media store's own limit). */
  mediaBytes: 100 * 1024 * 1024,
  entries: 10_000,
};

export const JSON_ENTRIES = ['article.json', 'history.json', 'comments.json', 'suggestions.json', 'transitions.json', 'profiles.json', 'media.json'] as const;
export type JsonEntry = (typeof JSON_ENTRIES)[number];
/** Entries a package may leave out (older packages do); read when present. */
export const DICTIONARY_ENTRY = 'dictionary.json';
export const MEDIA_ENTRY = /^media\/([0-9a-f]{64})$/;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest');

export const Manifest = z.object({
  format: z.literal(PACKAGE_FORMAT, { message: 'this is not a Newsroom handoff package' }),
  formatVersion: z.number().int().min(1),
  createdAt: IsoDateTime,
  appVersion: z.string().max(50),
  purpose: z.enum(['review', 'desk']),
  articleId: z.uuid(),
  sender: Profile,
  /** The sender's Ed25519 public key, raw 32 bytes as base64url; absent in packages made before signing. */
  senderKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a base64url Ed25519 public key').optional(),
  entries: z.array(z.object({ name: z.string().max(200), size: z.number().int().min(0), sha256: Sha256 })).max(LIMITS.entries),
});
export type Manifest = z.infer<typeof Manifest>;

const StoredDocumentShape = z.object({ version: z.number().int(), doc: z.record(z.string(), z.unknown()) }).transform((v) => v as unknown as StoredDocument);

export const ArticleEntry = z.object({ meta: ArticleMeta, document: StoredDocumentShape, revision: z.number().int() });
export type ArticleEntry = z.infer<typeof ArticleEntry>;

export const HistoryEntry = z.object({
  createdAt: z.string().max(40),
  author: z.string().max(200),
  reason: RevisionReason,
  articleRevision: z.number().int(),
  meta: ArticleMetaPatch,
  document: StoredDocumentShape,
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/**
 * `id` is always the SHA-256 of the photo's bytes. `strippedFrom`: these bytes are the
 * photo `strippedFrom` with GPS and camera serial numbers taken out (no re-encoding);
 * documents in the package may name either id. Only a trusted signature vouches for
 * that link (see apply.ts).
 */
export const MediaEntry = z.object({ id: Sha256, fileName: z.string().max(1000), strippedFrom: Sha256.optional() }).strict();

export const SIGNATURE_ENTRY = 'signature.json';
export const SignatureEntry = z.object({ algorithm: z.literal('ed25519'), signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'must be a base64url Ed25519 signature') }).strict();

export const ENTRY_SCHEMAS = {
  'article.json': ArticleEntry,
  'history.json': z.array(HistoryEntry).max(100_000),
  'comments.json': z.array(Comment).max(100_000),
  'suggestions.json': z.array(Suggestion).max(100_000),
  'transitions.json': z.array(Transition).max(100_000),
  'profiles.json': z.array(Profile).max(10_000),
  'media.json': z.array(MediaEntry).max(10_000),
} satisfies Record<JsonEntry, z.ZodType>;

/** Everything a valid package holds, parsed and checked. */
export interface PackageContents {
  manifest: Manifest;
  article: ArticleEntry;
  history: HistoryEntry[];
  comments: Comment[];
  suggestions: Suggestion[];
  transitions: Transition[];
  profiles: Profile[];
  media: { id: string; fileName: string; strippedFrom: string | null; bytes: Uint8Array }[];
  /** The sender's newsroom dictionary ([] when the package does not carry one). */
  dictionary: PackageDictionary;
  /** The sender's key when the signature over the manifest holds; null for an unsigned package. */
  signedBy: { publicKey: Uint8Array; fingerprint: string } | null;
  /** The documents of `history`, already parsed and checked (same order), so applying does not parse them again. */
  historyNodes: PMNode[];
}

/** A package refused as a whole, with a sentence the user can act on. Nothing was changed. */
export class HandoffError extends Error {
  override name = 'HandoffError';
}
