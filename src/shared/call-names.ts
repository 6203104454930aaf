/**
 * Every API call's name and nothing else. The Electron preload registers one
 * function per name; importing the contract (`api.ts`) there would bundle zod and
 * the document schema into the preload just to learn these strings. A unit test
 * (tests/unit/call-names.test.ts) keeps this list equal to the contract's keys:
 * add a new call's name here when you add it to `api.ts`.
 */
export const CALL_NAME_LIST = [
  'appInfo',
  'listArticles',
  'getArticle',
  'createArticle',
  'saveArticle',
  'deleteArticle',
  'restoreArticle',
  'getMedia',
  'readMedia',
  'importMedia',
  'importMediaFile',
  'setFeaturedImage',
  'searchArticles',
  'listRevisions',
  'getRevision',
  'restoreRevision',
  'getLocalProfile',
  'setLocalProfile',
  'listProfiles',
  'changeStatus',
  'listTransitions',
  'listComments',
  'addComment',
  'replyToComment',
  'resolveComment',
  'editComment',
  'updateCommentAnchors',
  'listSuggestions',
  'proposeSuggestions',
  'decideSuggestions',
  'undoSuggestionDecision',
  'compareDocuments',
  'createHandoffPackage',
  'openHandoffPackage',
  'listKeys',
  'trustKey',
  'untrustKey',
  'getClaimedStatus',
  'listHandoffConflicts',
  'resolveHandoffConflict',
  'listPublicationProfiles',
  'savePublicationProfile',
  'preflightArticle',
  'fixArticleNfc',
  'previewExport',
  'startExport',
  'exportJob',
  'previewImport',
  'previewImportPaths',
  'reviseImport',
  'commitImport',
  'discardImport',
  'getProofingRules',
  'saveProofingRules',
  'proofImport',
  'proofText',
  'listNewsroomDictionary',
  'addNewsroomWord',
  'removeNewsroomWord',
  'decideOfferedWords',
  'listPersonalWords',
  'addPersonalWords',
  'listProofingOverrides',
  'exportWord',
  'listTemplates',
  'createFromTemplate',
  'saveTemplate',
  'deleteTemplate',
  'checkDatabase',
  'backupDatabase',
  'packArticleToFile',
  'unpackPackageFile',
] as const;

/**
 * Calls that name files on the host's disk: only the Node hosts (the CLI, the
 * shell's own code) make them. The preload does not expose them, IPC does not
 * register them and the browser host refuses them, so a page never reads or
 * writes a path it chose.
 */
export const HOST_ONLY_CALLS: readonly string[] = ['backupDatabase', 'packArticleToFile', 'unpackPackageFile', 'previewImportPaths'];

/**
 * Calls that read a file by its path on this computer. The browser host refuses
 * them; the Electron shell takes only a path its own file chooser just returned.
 */
export const PATH_CALLS: readonly string[] = ['importMediaFile'];

/** Calls a page (the Electron window or the browser) may make. */
export const PAGE_CALL_NAMES = CALL_NAME_LIST.filter((name) => !HOST_ONLY_CALLS.includes(name));

/**
 * Calls whose input or output is raw bytes, which JSON cannot carry: the browser
 * host refuses them on /api/ and offers the same calls as `POST /upload` and
 * `GET /media/<variant>/<id>` instead.
 */
export const BYTE_CALLS: readonly string[] = ['importMedia', 'readMedia'];
