import { z } from 'zod';
import {
  Article,
  ArticleId,
  ArticleMetaPatch,
  ArticleStatus,
  ArticleSummary,
  StoredDocumentSchema,
} from './article';
import { ImportedMedia, MEDIA_VARIANTS, MediaBytes, MediaId, MediaInfo } from './media';
import { storeCalls } from './store-api';
import { reviewCalls } from './review/api';
import { exportCalls } from './export';
import { importCalls } from './import-api';
import { proofingCalls } from './proofing/api';
import { wordExportCalls } from './word-export-api';
import { templateCalls } from './templates';
import { maintenanceCalls } from './maintenance-api';
import { packageFileCalls } from './review/package-file-api';

/**
 * The one declaration of every call between the UI and the core. Hosts (Electron
 * IPC, the browser host's HTTP, tests) validate `input` with these schemas before
 * a handler runs; client and handler types are derived from them.
 */
const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const api = {
  /** Facts about the running host, for the About box and the status bar. */
  appInfo: call(z.object({}).strict(), z.object({ version: z.string(), host: z.enum(['electron', 'browser']), databasePath: z.string() })),

  listArticles: call(
    z
      .object({
        status: ArticleStatus.optional(),
        includeDeleted: z.boolean().optional(),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    z.object({ items: z.array(ArticleSummary), total: z.number().int() }),
  ),

  getArticle: call(z.object({ id: ArticleId }).strict(), Article),

  createArticle: call(
    z
      .object({
        meta: ArticleMetaPatch.optional(),
        document: StoredDocumentSchema.optional(),
        /** Recorded as the first revision's reason: 'import' for articles read from files. */
        reason: z.enum(['create', 'import']).default('create'),
      })
      .strict(),
    Article,
  ),

  /**
   * Save the document and/or metadata in one transaction. `baseRevision` is the
   * revision the client last saw; a mismatch means another writer got there first.
   * An edit moves a submitted article to in edit; an approved or published one is
   * edited only with `reopen` (the user confirmed moving it back to in edit). The
   * result carries the status after the save.
   */
  saveArticle: call(
    z
      .object({
        id: ArticleId,
        baseRevision: z.number().int().optional(),
        document: StoredDocumentSchema.optional(),
        meta: ArticleMetaPatch.optional(),
        reason: z.enum(['autosave', 'save']).default('autosave'),
        reopen: z.boolean().optional(),
        /** After a conflict, keep mine: the revision being replaced, kept in history first. */
        replaces: z.number().int().optional(),
      })
      .strict(),
    z.object({ revision: z.number().int(), updatedAt: z.string(), slug: z.string(), status: ArticleStatus }),
  ),

  /** Move an article to the bin; {@link api.restoreArticle} brings it back. */
  deleteArticle: call(z.object({ id: ArticleId }).strict(), z.object({ id: ArticleId })),
  restoreArticle: call(z.object({ id: ArticleId }).strict(), z.object({ id: ArticleId })),

  /** One stored photo: size, format and the photographer's description (never GPS or serials). */
  getMedia: call(z.object({ id: MediaId }).strict(), MediaInfo),

  /**
   * The bytes of one stored photo for display (the cached preview or the untouched
   * original). Hosts serve them through {@link answerMediaRead} (src/shared/media-response.ts):
   * Electron at newsroom-media://<variant>/<id>, the browser host at GET /media/<variant>/<id>.
   */
  readMedia: call(z.object({ id: MediaId, variant: z.enum(MEDIA_VARIANTS) }).strict(), MediaBytes),

  /**
   * Import a photo from its bytes (Electron: drop, paste). The browser host takes the
   * same upload as a raw body at `POST /upload` instead, since JSON cannot carry bytes.
   */
  importMedia: call(
    z
      .object({
        fileName: z.string().max(1000).default(''),
        data: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'data must be the file bytes; the browser host takes uploads at POST /upload'),
      })
      .strict(),
    ImportedMedia,
  ),

  /**
   * Import a photo from a file the user chose in the desktop app's own file chooser.
   * The main process checks the size before reading, then reads the one file; the
   * page never holds its bytes. Only the Electron shell takes it, and only for a
   * path its chooser just returned (see `PATH_CALLS` in call-names.ts).
   */
  importMediaFile: call(z.object({ path: z.string().min(1).max(4096) }).strict(), ImportedMedia),

  /**
   * Choose the article's lead (featured) image; null goes back to the default, the first
   * figure. Only this column changes: no new revision, so it never conflicts with autosave.
   */
  setFeaturedImage: call(z.object({ id: ArticleId, mediaId: MediaId.nullable() }).strict(), z.object({ id: ArticleId, featuredMediaId: MediaId.nullable() })),

  /** Draft store: search and revision history (see src/shared/store-api.ts). */
  ...storeCalls,

  /** Review: profiles, workflow, comments, suggestions, comparison (see src/shared/review/api.ts). */
  ...reviewCalls,

  /** Export: publication profiles, preflight, preview and bundle jobs (see src/shared/export.ts). */
  ...exportCalls,

  /** Import: text, Word and web-page files and story folders, previewed then committed (see src/shared/import-api.ts). */
  ...importCalls,

  /** Proofing: the house-style rules file and checks run by the core (see src/shared/proofing/api.ts). */
  ...proofingCalls,
  /** Word export: an article as a .docx file (see src/shared/word-export-api.ts). */
  ...wordExportCalls,

  /** Templates: new articles from preset parts; the desk edits them (see src/shared/templates.ts). */
  ...templateCalls,

  /** Maintenance: database checks and verified backups, for the Node hosts only (see src/shared/maintenance-api.ts). */
  ...maintenanceCalls,

  /** Handoff packages by path, for the CLI (see src/shared/review/package-file-api.ts). */
  ...packageFileCalls,
};

export type Api = typeof api;
export type CallName = keyof Api;
export type CallInput<N extends CallName> = z.input<Api[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Api[N]['output']>;

/** Every call name, for hosts that register one route or channel per call. */
export const CALL_NAMES = Object.keys(api) as CallName[];

/**
 * `unauthenticated`: the browser host did not recognise this page's session (its token);
 * `forbidden`: the call is understood but not allowed (a workflow rule, a desk-only action).
 */
export const ERROR_CODES = ['invalid_input', 'not_found', 'conflict', 'busy', 'unknown_call', 'unauthenticated', 'forbidden', 'storage', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What every host returns for a failed call: a code and one readable sentence, never a stack. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** A typed failure raised by handlers and clients alike. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
  toJSON(): ApiErrorBody {
    return { code: this.code, message: this.message };
  }
}

/** Client side of the contract: one async function per call. */
export type ApiClient = { [N in CallName]: (input: CallInput<N>) => Promise<CallOutput<N>> };

/** Transport-level function a client is built on: send one call, get its result envelope. */
export type Transport = (name: CallName, input: unknown) => Promise<ApiResult<unknown>>;

/** Build a typed client from a transport; failures become {@link ApiError}s. */
export function createClient(transport: Transport): ApiClient {
  const client = {} as Record<CallName, (input: unknown) => Promise<unknown>>;
  for (const name of CALL_NAMES) {
    client[name] = async (input: unknown) => {
      const result = await transport(name, input ?? {});
      if (!result.ok) throw new ApiError(result.error.code, result.error.message);
      return result.value;
    };
  }
  return client as unknown as ApiClient;
}
