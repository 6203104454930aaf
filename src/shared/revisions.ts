import { z } from 'zod';
import { ArticleId, ArticleMetaPatch } from './article';
import type { StoredDocument } from './document';

/** Why a revision was recorded. 'upgrade' marks the snapshot taken when history began. */
export const REVISION_REASONS = ['create', 'import', 'save', 'autosave', 'status', 'restore', 'upgrade'] as const;
export const RevisionReason = z.enum(REVISION_REASONS);
export type RevisionReason = z.infer<typeof RevisionReason>;

/** One entry of an article's history, without its document. */
export const RevisionSummary = z.object({
  id: z.number().int(),
  articleId: ArticleId,
  /** The article's revision counter when this snapshot was taken. */
  articleRevision: z.number().int(),
  createdAt: z.string(),
  /** Who made it: the local profile name (plain text). */
  author: z.string(),
  reason: RevisionReason,
  /** For 'restore': the revision that was brought back. */
  restoredFrom: z.number().int().nullable(),
  headline: z.string(),
  status: z.string(),
  wordCount: z.number().int(),
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;

/** A revision with its full document and metadata. */
export const Revision = RevisionSummary.extend({
  meta: ArticleMetaPatch,
  document: z.custom<StoredDocument>(),
});
export type Revision = z.infer<typeof Revision>;

export const RevisionId = z.number().int().positive();
