import { z } from 'zod';
import { ArticleStatus, ArticleSummary, IsoDateTime } from './article';
import { cleanText } from './text';

/** A piece of displayed text; `hit` pieces matched the query. Never HTML. */
export const Segment = z.object({ text: z.string(), hit: z.boolean() });
export type Segment = z.infer<typeof Segment>;

const FilterText = (max: number) => z.string().max(max).transform(cleanText);

const DateBound = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD or ISO 8601 with an offset'), IsoDateTime]);

/**
 * A search. `query` is folded the same way as the index (marks, đ and case do not
 * matter); words in double quotes must appear as a phrase; the last word matches as
 * a prefix unless the query ends with a space. An empty query lists the filtered
 * articles, newest first.
 */
export const SearchInput = z
  .object({
    query: z.string().max(500),
    status: ArticleStatus.optional(),
    /** Filter values are text like the stored fields they match: cleaned (NFC, no control characters) here, once. */
    section: FilterText(100).optional(),
    author: FilterText(200).optional(),
    tag: FilterText(100).optional(),
    /** Date range (inclusive); a bare date means that whole day in the database's offset. */
    from: DateBound.optional(),
    to: DateBound.optional(),
    /** Which date the range applies to. */
    dateField: z.enum(['updated', 'published']).default('updated'),
    limit: z.number().int().min(1).max(100).default(20),
    offset: z.number().int().min(0).max(10_000).default(0),
  })
  .strict();
export type SearchInput = z.input<typeof SearchInput>;

export const SearchHit = z.object({
  article: ArticleSummary,
  /** The headline with matching words marked. */
  headline: z.array(Segment),
  /** A short passage from the lead, body, captions or byline around the best match. */
  snippet: z.array(Segment),
  /** Where all query words were found: in the headline (ranked first) or elsewhere. */
  matchedIn: z.enum(['headline', 'text', 'none']),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  items: z.array(SearchHit),
  /** True when another page exists. */
  hasMore: z.boolean(),
});
export type SearchResult = z.infer<typeof SearchResult>;
