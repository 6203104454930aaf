import { z } from 'zod';
import { ArticleId, ArticleStatus, IsoDateTime } from '../article';
import { cleanText } from '../text';
import { normalizeNodeJSON, type NodeJSON } from '../document';

/**
 * Review records shared by the core, the API and the UI: who works on an article
 * (profiles), what they said about it (comments), what they proposed (suggestions)
 * and how it moved through the workflow (transitions).
 */

export const PROFILE_ROLES = ['reporter', 'editor', 'desk'] as const;
export const ProfileRole = z.enum(PROFILE_ROLES);
export type ProfileRole = z.infer<typeof ProfileRole>;

export const ProfileId = z.uuid({ message: 'profile id must be a UUID' });
export const RecordId = z.uuid({ message: 'id must be a UUID' });

const Text = (min: number, max: number, what: string) =>
  z
    .string()
    .transform(cleanText)
    .pipe(z.string().trim().min(min, `${what} must not be empty`).max(max, `${what} is longer than ${max} characters`));

/** What a person types on first run (or edits later). */
export const ProfileInput = z.object({
  displayName: Text(1, 80, 'display name'),
  initials: Text(1, 4, 'initials'),
  role: ProfileRole,
  /** A CSS hex colour, used for their comments and suggestions. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour must look like #1a7f5a'),
});
export type ProfileInput = z.infer<typeof ProfileInput>;

export const Profile = ProfileInput.extend({ id: ProfileId, createdAt: IsoDateTime });
export type Profile = z.infer<typeof Profile>;

/** The parts of an article a comment or suggestion can point into. */
export const ANCHOR_PARTS = ['headline', 'lead', 'body', 'caption', 'credit', 'byline'] as const;
export const AnchorPart = z.enum(ANCHOR_PARTS);
export type AnchorPart = z.infer<typeof AnchorPart>;

/**
 * Where a comment or suggestion points: document positions (fast, exact while the
 * document is the one they were made for) plus the quoted text and a little context
 * on each side, so the anchor can be found again after a reload, import or handoff.
 */
export const Anchor = z.object({
  from: z.number().int().min(0),
  to: z.number().int().min(0),
  quote: z.string().max(100_000),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
  part: AnchorPart,
});
export type Anchor = z.infer<typeof Anchor>;

export const Comment = z.object({
  id: RecordId,
  articleId: ArticleId,
  /** Id of the first comment of the thread; equal to `id` for that first comment. */
  threadId: RecordId,
  authorId: ProfileId,
  body: z.string(),
  createdAt: IsoDateTime,
  editedAt: IsoDateTime.nullable(),
  /** Only the first comment of a thread has an anchor; replies share it. */
  anchor: Anchor.nullable(),
  /** The commented text was deleted: the thread stays listed, without a place. */
  detached: z.boolean(),
  resolvedAt: IsoDateTime.nullable(),
  resolvedBy: ProfileId.nullable(),
});
export type Comment = z.infer<typeof Comment>;

export const CommentBody = Text(1, 10_000, 'comment');

/** ProseMirror mark JSON. */
export const MarkJSON = z.object({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional() });
export type MarkJSON = z.infer<typeof MarkJSON>;

/** ProseMirror slice JSON (`Slice.toJSON()`), `null` for an empty slice. */
export const SliceJSON = z
  .object({ content: z.array(z.unknown()), openStart: z.number().int().min(0).optional(), openEnd: z.number().int().min(0).optional() })
  // Suggested text is NFC like every other text that enters an article.
  .transform((s) => ({ ...s, content: s.content.map((n) => (n && typeof n === 'object' ? normalizeNodeJSON(n as NodeJSON) : n)) }))
  .nullable();
export type SliceJSON = z.infer<typeof SliceJSON>;

/**
 * The proposed edit. `replace` swaps the anchored range for `insert` (an insertion
 * has an empty range, a deletion an empty insert); `mark` adds or removes a
 * formatting mark over the range.
 */
export const SuggestionChange = z.discriminatedUnion('type', [
  z.object({ type: z.literal('replace'), insert: SliceJSON }),
  z.object({ type: z.literal('mark'), action: z.enum(['add', 'remove']), mark: MarkJSON }),
]);
export type SuggestionChange = z.infer<typeof SuggestionChange>;

export const SUGGESTION_STATUSES = ['open', 'accepted', 'rejected'] as const;
export const SuggestionStatus = z.enum(SUGGESTION_STATUSES);

export const Suggestion = z.object({
  id: RecordId,
  articleId: ArticleId,
  authorId: ProfileId,
  createdAt: IsoDateTime,
  anchor: Anchor,
  change: SuggestionChange,
  status: SuggestionStatus,
  decidedBy: ProfileId.nullable(),
  decidedAt: IsoDateTime.nullable(),
  /** The edit that undoes an acceptance (kept so "undo accept" needs no history). */
  inverse: z.object({ anchor: Anchor, change: SuggestionChange }).nullable(),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const Transition = z.object({
  id: RecordId,
  articleId: ArticleId,
  from: ArticleStatus,
  to: ArticleStatus,
  profileId: ProfileId,
  at: IsoDateTime,
  note: z.string(),
  /** Set when a desk profile overrode a rule (e.g. published without approval). */
  overrideReason: z.string().nullable(),
  /** The article revision the transition created. */
  revision: z.number().int(),
});
export type Transition = z.infer<typeof Transition>;

/** How a handoff conflict was settled. */
export const ConflictResolution = z.enum(['mine', 'theirs', 'merged']);
export type ConflictResolution = z.infer<typeof ConflictResolution>;

export const HandoffConflict = z.object({
  id: z.uuid(),
  articleId: z.uuid(),
  /** The parallel revision holding their version. */
  revisionId: z.number().int(),
  senderId: z.uuid(),
  receivedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolution: ConflictResolution.nullable(),
});
export type HandoffConflict = z.infer<typeof HandoffConflict>;

/** What the receiver knows about a package's signature. */
export const PackageSigner = z.object({
  /** unsigned: made by an older Newsroom or stripped of its signature; signed: the signature matches the manifest. */
  signature: z.enum(['unsigned', 'signed']),
  fingerprint: z.string().nullable(),
  /** Signed by this machine's own key, or by a key the user trusted here. */
  trusted: z.boolean(),
  /** The name and role the user gave the key when trusting it (null when not trusted). */
  trustedAs: z.object({ name: z.string(), role: ProfileRole }).nullable(),
});
export type PackageSigner = z.infer<typeof PackageSigner>;

/** What opening a handoff package did (see src/main/core/handoff/apply.ts). */
export const UnpackResult = z.object({
  articleId: ArticleId,
  slug: z.string(),
  headline: z.string(),
  outcome: z.enum(['created', 'unchanged', 'updated', 'older', 'conflict']),
  sender: Profile,
  /** Who signed the package and whether this machine trusts that key. */
  signer: PackageSigner,
  /** The article's status here after opening. */
  status: ArticleStatus,
  /** An approval or publication the package claimed that does not count here (untrusted or unsigned). */
  claimedStatus: ArticleStatus.nullable(),
  purpose: z.enum(['review', 'desk']),
  conflict: z.object({ id: RecordId, revisionId: z.number().int() }).nullable(),
  added: z.object({ revisions: z.number().int(), comments: z.number().int(), suggestions: z.number().int(), transitions: z.number().int(), media: z.number().int() }),
  missingMedia: z.array(z.string()),
  /** The sender's newsroom dictionary entries new here: merged (signer trusted as desk) or offered to the desk. */
  dictionary: z.object({ merged: z.number().int(), offered: z.number().int() }),
});
export type UnpackResult = z.infer<typeof UnpackResult>;
