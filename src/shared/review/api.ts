import { z } from 'zod';
import { ArticleId, ArticleStatus, StoredDocumentSchema } from '../article';
import {
  Anchor,
  Comment,
  CommentBody,
  ConflictResolution,
  HandoffConflict,
  Profile,
  ProfileInput,
  RecordId,
  Suggestion,
  SuggestionChange,
  SuggestionStatus,
  Transition,
  UnpackResult,
} from './model';
import { ClaimedStatus, Fingerprint, KnownKey, TrustKeyInput } from './trust';

/** The review calls, spread into `api` in `src/shared/api.ts`. */
const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

const Note = z.string().max(2000).transform((s) => s.normalize('NFC').trim());

export const DiffSegmentSchema = z.object({ kind: z.enum(['same', 'deleted', 'inserted']), text: z.string() });
export const PartDiff = z.object({ part: z.string(), segments: z.array(DiffSegmentSchema) });

export const reviewCalls = {
  /** This machine's profile, or null on first run (the UI then asks for one). */
  getLocalProfile: call(z.object({}).strict(), Profile.nullable()),
  /** Create or change this machine's profile; its id stays, so past work keeps its author. */
  setLocalProfile: call(ProfileInput.strict(), Profile),
  /** Everyone known here: the local profile first, then colleagues from packages. */
  listProfiles: call(z.object({}).strict(), z.array(Profile)),

  /** Move an article through the workflow (see `src/shared/review/workflow.ts`). */
  changeStatus: call(
    z
      .object({
        id: ArticleId,
        to: ArticleStatus,
        note: Note.optional(),
        /** Desk only: why an article is published without approval. */
        overrideReason: Note.optional(),
        baseRevision: z.number().int().optional(),
      })
      .strict(),
    z.object({ status: ArticleStatus, revision: z.number().int(), transition: Transition }),
  ),
  listTransitions: call(z.object({ id: ArticleId }).strict(), z.array(Transition)),

  /** Comment threads in document order, anchors re-found in the current text. */
  listComments: call(z.object({ articleId: ArticleId }).strict(), z.array(Comment)),
  addComment: call(
    z.object({ articleId: ArticleId, from: z.number().int().min(0), to: z.number().int().min(0), body: CommentBody }).strict(),
    Comment,
  ),
  replyToComment: call(z.object({ threadId: RecordId, body: CommentBody }).strict(), Comment),
  resolveComment: call(z.object({ threadId: RecordId, resolved: z.boolean() }).strict(), Comment),
  editComment: call(z.object({ id: RecordId, body: CommentBody }).strict(), Comment),
  /** Anchors the editor mapped through its own transactions; null marks a thread detached. */
  updateCommentAnchors: call(
    z.object({ articleId: ArticleId, anchors: z.array(z.object({ threadId: RecordId, anchor: Anchor.nullable() })).max(10_000) }).strict(),
    z.object({ updated: z.number().int() }),
  ),

  listSuggestions: call(z.object({ articleId: ArticleId, status: SuggestionStatus.optional() }).strict(), z.array(Suggestion)),
  /**
   * Store edits made in suggest mode (from `proposeFromTransform`). The editor's
   * live suggest mode sends the whole set it is typing each time, and `withdraw`s
   * the set it sent before (its own open suggestions) in the same transaction.
   */
  proposeSuggestions: call(
    z
      .object({
        articleId: ArticleId,
        changes: z.array(z.object({ anchor: Anchor, change: SuggestionChange })).max(1000),
        withdraw: z.array(RecordId).max(1000).optional(),
      })
      .strict()
      .refine((input) => input.changes.length > 0 || (input.withdraw?.length ?? 0) > 0, { message: 'nothing to propose or withdraw', path: ['changes'] }),
    z.array(Suggestion),
  ),
  /** Accept or reject the listed suggestions, or all open ones when `ids` is left out. */
  decideSuggestions: call(
    z
      .object({
        articleId: ArticleId,
        ids: z.array(RecordId).max(10_000).optional(),
        decision: z.enum(['accept', 'reject']),
        baseRevision: z.number().int().optional(),
        /** Accepting into an approved or published article moves it back to in edit (see saveArticle). */
        reopen: z.boolean().optional(),
      })
      .strict(),
    z.object({ revision: z.number().int(), decided: z.array(RecordId), failed: z.array(z.object({ id: RecordId, reason: z.string() })) }),
  ),
  undoSuggestionDecision: call(z.object({ id: RecordId, baseRevision: z.number().int().optional() }).strict(), z.object({ revision: z.number().int(), suggestion: Suggestion })),

  /** Inline comparison of two documents (two revisions, or mine and theirs after a conflict). */
  compareDocuments: call(z.object({ a: StoredDocumentSchema, b: StoredDocumentSchema }).strict(), z.object({ parts: z.array(PartDiff), changes: z.number().int() })),

  /**
   * "Send for review" / "Send to desk": the handoff package as base64 with the file
   * name to save it under (`<slug>.newsroom`). The CLI writes files directly.
   */
  createHandoffPackage: call(
    z
      .object({
        id: ArticleId,
        purpose: z.enum(['review', 'desk']).default('review'),
        /** Desk only: send photos with their GPS position and camera serial numbers. */
        includePrivateMetadata: z.boolean().optional(),
      })
      .strict(),
    z.object({ fileName: z.string(), data: z.string(), missingMedia: z.array(z.string()) }),
  ),
  /** Open a handoff package (File → Open, drag and drop) from its bytes as base64. */
  openHandoffPackage: call(z.object({ data: z.string().min(1).max(1_500_000_000) }).strict(), UnpackResult),
  /** This machine's own key (null before a profile exists), then colleagues' keys: trusted, and seen in packages but not trusted. */
  listKeys: call(z.object({}).strict(), z.object({ own: KnownKey.nullable(), keys: z.array(KnownKey) })),
  /** Trust a key by its fingerprint as belonging to this name and role (a package never sets trust). */
  trustKey: call(TrustKeyInput, KnownKey),
  /** Take trust back; returns the key as it stays listed (seen), or null if no package used it. */
  untrustKey: call(z.object({ fingerprint: Fingerprint }).strict(), KnownKey.nullable()),
  /** An approval or publication an untrusted package claimed for the article, which does not count here. */
  getClaimedStatus: call(z.object({ id: ArticleId }).strict(), ClaimedStatus.nullable()),
  /** Conflicts from packages, open ones only unless `all`. */
  listHandoffConflicts: call(z.object({ articleId: ArticleId, all: z.boolean().optional() }).strict(), z.array(HandoffConflict)),
  /** Keep mine, take theirs (restored as a new revision) or mark a hand merge as done. */
  resolveHandoffConflict: call(
    z.object({ id: RecordId, resolution: ConflictResolution, baseRevision: z.number().int().optional() }).strict(),
    z.object({ conflict: HandoffConflict, revision: z.number().int() }),
  ),
};
