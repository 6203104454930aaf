import { z } from 'zod';
import { ArticleId } from './article';
import { ImportFields, ImportPreviewItem, ImportReport } from './import-report';

const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/** Largest base64 payload of one previewImport call (the browser host accepts 32 MB bodies). */
export const MAX_IMPORT_PAYLOAD_CHARS = 30 * 1024 * 1024;

/** One file handed to the importer; `path` is its place inside a dropped story folder (`folder/photo.jpg`). */
export const ImportUpload = z
  .object({
    name: z.string().min(1).max(500),
    path: z.string().max(2000).optional(),
    /** The file's bytes, base64-encoded (JSON carries no bytes). */
    data: z.string().max(MAX_IMPORT_PAYLOAD_CHARS),
  })
  .strict();
export type ImportUpload = z.infer<typeof ImportUpload>;

export const importCalls = {
  /**
   * Read files for the review screen. Files that share a top folder in `path` are one
   * story folder (one article with its photos); every other file is an article of its
   * own. Nothing is created; a refused file comes back with its `error`.
   */
  previewImport: call(z.object({ files: z.array(ImportUpload).min(1).max(300) }).strict(), z.object({ items: z.array(ImportPreviewItem) })),

  /** The report again with the user's corrections applied (nothing is created). */
  reviseImport: call(z.object({ importId: z.uuid(), fields: ImportFields }).strict(), ImportReport),

  /**
   * Create the draft article from a previewed file with the user's corrections, with a
   * revision named "imported from <file name>" and the original kept as an attachment.
   */
  commitImport: call(
    z.object({ importId: z.uuid(), fields: ImportFields.default({}) }).strict(),
    z.object({ articleId: ArticleId, revisionName: z.string(), report: ImportReport }),
  ),

  /**
   * Preview files or story folders named by path on the host (the CLI). Host-only:
   * a page sends bytes with `previewImport` instead. A path that cannot be read is
   * an item with its `error`, like any other refused file.
   */
  previewImportPaths: call(z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(300) }).strict(), z.object({ items: z.array(ImportPreviewItem) })),

  /** Forget a previewed file the user chose not to import. */
  discardImport: call(z.object({ importId: z.uuid() }).strict(), z.object({ importId: z.uuid() })),
};
