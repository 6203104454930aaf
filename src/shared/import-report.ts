import { z } from 'zod';
import { IsoDateTime } from './article';

/**
 * What an import recognised, shown on the review screen and printed by the CLI.
 * Everything the importer did not place in the article is listed in `dropped`:
 * nothing is lost silently.
 */
export const ImportFigure = z.object({
  caption: z.string(),
  credit: z.string(),
  alt: z.string(),
  /** File name (story folder) or description (embedded .docx image) of the photo; null while awaited. */
  image: z.string().nullable(),
});
export type ImportFigure = z.infer<typeof ImportFigure>;

export const ImportReport = z.object({
  fileName: z.string(),
  format: z.enum(['text', 'docx', 'html']),
  /** Character encoding the text was read in (text and HTML files). */
  encoding: z.string().nullable(),
  headline: z.string(),
  publishedAt: z.string().nullable(),
  agencyTag: z.string(),
  lead: z.string(),
  paragraphs: z.number().int(),
  captions: z.array(z.string()),
  figures: z.array(ImportFigure),
  byline: z.array(z.string()),
  language: z.string(),
  dropped: z.array(z.object({ text: z.string(), reason: z.string() })),
  warnings: z.array(z.string()),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** The fields a user may correct on the review screen before the article is created. */
export const ImportFields = z
  .object({
    headline: z.string().max(1000),
    lead: z.string().max(20_000),
    agencyTag: z.string().max(20),
    publishedAt: IsoDateTime.nullable(),
    byline: z.array(z.string().max(200)).max(20),
    /** One caption per figure, in body order. */
    captions: z.array(z.string().max(5000)).max(500),
  })
  .partial()
  .strict();
export type ImportFields = z.infer<typeof ImportFields>;

/** One file (or story folder) read for review: its report, or why it was refused. */
export const ImportPreviewItem = z.object({
  /** Handle for {@link ImportFields} corrections and the commit; null when the file was refused. */
  importId: z.string().nullable(),
  name: z.string(),
  report: ImportReport.nullable(),
  error: z.string().nullable(),
});
export type ImportPreviewItem = z.infer<typeof ImportPreviewItem>;
