import type { Api, CallName } from '../../../shared/api';
import type { z } from 'zod';
import type { Core } from '../core';
import type { CallContext } from './dispatch';
import { createMediaHandlers } from '../media/handlers';
import { createStoreHandlers } from '../store/handlers';
import { createReviewHandlers } from '../review/handlers';
import { createExportHandlers } from '../export/handlers';
import { createImportHandlers } from '../import/handlers';
import { createProofingHandlers } from '../proofing/handlers';
import { WordExporter } from '../export/word-export';
import { createTemplateHandlers } from '../templates/handlers';
import { createMaintenanceHandlers } from '../db/maintenance-handlers';
import { createPackageFileHandlers } from '../handoff/file-handlers';

/** A handler receives the already-validated input of its call, and what the host passed along. */
export type Handlers = { [N in CallName]: (input: z.output<Api[N]['input']>, context: CallContext) => z.input<Api[N]['output']> | Promise<z.input<Api[N]['output']>> };

/** The core's implementation of every call in the contract. */
export function createHandlers(core: Core): Handlers {
  const { articles } = core;
  return {
    appInfo: () => ({ version: core.version, host: core.host, databasePath: core.databasePath }),
    listArticles: (input) => articles.list(input),
    getArticle: ({ id }) => articles.get(id),
    createArticle: (input) => articles.createDraft(input),
    saveArticle: (input) => core.review.edits.save(input),
    deleteArticle: ({ id }) => {
      articles.setDeleted(id, true);
      return { id };
    },
    restoreArticle: ({ id }) => {
      articles.setDeleted(id, false);
      return { id };
    },
    ...createMediaHandlers(core),
    ...createStoreHandlers(core),
    ...createReviewHandlers(core),
    ...createExportHandlers(core),
    ...createImportHandlers(core),
    ...createProofingHandlers(core),
    exportWord: ({ id, outDir }) => new WordExporter(core).export(id, outDir),
    ...createTemplateHandlers(core),
    ...createMaintenanceHandlers(core),
    ...createPackageFileHandlers(core),
  };
}
