import { z } from 'zod';
import { ArticleId } from './article';

/** Word (.docx) export: one article to `<outDir>/<slug>.docx`, for readers outside the newsroom. */
export const wordExportCalls = {
  /**
   * Write the article as `<slug>.docx` into `outDir`. A file already there is replaced
   * only when it is unchanged since a Word export wrote it; otherwise `conflict`, with
   * a sentence naming the path, and the file is left untouched.
   */
  exportWord: {
    input: z.object({ id: ArticleId, outDir: z.string().min(1, 'choose a folder to write the Word file into').max(4096) }).strict(),
    output: z.object({ path: z.string(), bytes: z.number().int() }),
  },
};
