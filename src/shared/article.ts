import { z } from 'zod';
import { validatedDocument, type StoredDocument } from './document';
import { isValidSlug } from './slug';
import { ISO_WITH_OFFSET } from './dates';
import { cleanText } from './text';
import { MediaId } from './media';

/** Workflow states, in the order an article normally moves through them. */
export const ARTICLE_STATUSES = ['draft', 'submitted', 'in_edit', 'approved', 'published', 'spiked'] as const;
export const ArticleStatus = z.enum(ARTICLE_STATUSES);
export type ArticleStatus = z.infer<typeof ArticleStatus>;

export const ArticleId = z.uuid({ message: 'article id must be a UUID' });

const Text = (max: number) => z.string().max(max).transform(cleanText);
export const IsoDateTime = z.string().regex(ISO_WITH_OFFSET, 'must be ISO 8601 with an offset, e.g. 2016-06-10T16:36:00+07:00');

/** Word-count targets: whole article plus optional per-part limits, all in "chữ". */
export const LengthTarget = z.object({
  min: z.number().int().min(0).max(100_000).optional(),
  max: z.number().int().min(1).max(100_000).optional(),
  headlineMax: z.number().int().min(1).max(1000).optional(),
  leadMax: z.number().int().min(1).max(10_000).optional(),
  captionMax: z.number().int().min(1).max(10_000).optional(),
});
export type LengthTarget = z.infer<typeof LengthTarget>;

/** The paper's house targets, in chữ: 600–800 for the article, headline ≤ 20, lead ≤ 60, caption ≤ 40. */
export const DEFAULT_LENGTH_TARGET = { min: 600, max: 800, headlineMax: 20, leadMax: 60, captionMax: 40 } as const satisfies LengthTarget;

/** Metadata kept beside the document (not part of the text). */
export const ArticleMeta = z.object({
  id: ArticleId,
  slug: z.string().refine(isValidSlug, 'slug may hold only a-z, 0-9 and single hyphens'),
  section: Text(100),
  tags: z.array(Text(100)).max(50),
  status: ArticleStatus,
  datelinePlace: Text(100),
  agencyTag: Text(20),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'language must be a BCP 47 tag such as vi or en'),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  publishedAt: IsoDateTime.nullable(),
  lengthTarget: LengthTarget,
  /** Lead (featured) image chosen by the desk; null or absent means the first figure. Set with `setFeaturedImage`. */
  featuredMediaId: MediaId.nullable().optional(),
});
export type ArticleMeta = z.infer<typeof ArticleMeta>;

/** The metadata a client may change; id and timestamps belong to the store. */
export const ArticleMetaPatch = ArticleMeta.omit({ id: true, createdAt: true, updatedAt: true, featuredMediaId: true }).partial();
export type ArticleMetaPatch = z.infer<typeof ArticleMetaPatch>;

/** Largest document JSON the API accepts (a 50k-word article is about 0.5 MB). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** A stored document, checked against the article schema (NFC, safe links, valid structure). */
export const StoredDocumentSchema = z
  .custom<StoredDocument>(
    (v) => typeof v === 'object' && v !== null && Number.isInteger((v as StoredDocument).version) && typeof (v as StoredDocument).doc === 'object',
    'document must be { version, doc }',
  )
  // Validated once here; the handler gets the checked document and the store does not check it again.
  .transform((value, ctx) => {
    try {
      return validatedDocument(value);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
      return z.NEVER;
    }
  });

export const Article = z.object({
  meta: ArticleMeta,
  document: z.custom<StoredDocument>(),
  /** Increases on every save; a client sends it back to detect a concurrent writer. */
  revision: z.number().int(),
});
export type Article = z.infer<typeof Article>;

export const ArticleSummary = z.object({
  id: ArticleId,
  slug: z.string(),
  headline: z.string(),
  status: ArticleStatus,
  section: z.string(),
  authors: z.array(z.string()),
  updatedAt: z.string(),
  wordCount: z.number().int(),
  deleted: z.boolean(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;
