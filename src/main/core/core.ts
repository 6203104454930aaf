import type { Database } from 'better-sqlite3';
import { openDatabase } from './db/open';
import { ArticleRepository } from './store/articles';
import { createHandlers, type Handlers } from './api/handlers';
import { dispatch, type CallContext } from './api/dispatch';
import type { ApiResult } from '../../shared/api';
import { APP_VERSION } from './version';
import { MediaStore, mediaDirFor } from './media/store';
import { ReviewService } from './review/service';
import { revisionAuthor } from './review/profiles';
import { defaultProfileName } from './store/profile';
import { ImportService } from './import/service';
import { ProofingService } from './proofing/service';
import { moveLegacyDictionary } from './proofing/rules-file';

export interface CoreOptions {
  databasePath: string;
  host: 'electron' | 'browser';
  /**
   * Bring the search index up to date at open and close (default true). `newsroom
   * check` turns it off so it reports the index as it finds it and repairs nothing
   * unless asked.
   */
  maintainSearch?: boolean;
}

/** Everything the hosts need: the open store, the repositories and the call dispatcher. */
export interface Core {
  readonly version: string;
  readonly host: 'electron' | 'browser';
  readonly databasePath: string;
  readonly db: Database;
  readonly articles: ArticleRepository;
  /** Photos: content-addressed files beside the database, indexed in the `media` table. */
  readonly media: MediaStore;
  /** Profiles, workflow, comments and suggestions. */
  readonly review: ReviewService;
  /** Import of text, Word and web-page files: previews waiting for review, then commits. */
  readonly imports: ImportService;
  /** Spelling and house style with the desk's rules file and the newsroom and personal dictionaries. */
  readonly proofing: ProofingService;
  call(name: string, input: unknown, context?: CallContext): Promise<ApiResult<unknown>>;
  close(): void;
}

export function createCore(options: CoreOptions): Core {
  const db = openDatabase(options.databasePath);
  // A read-only database cannot take index updates: search reads the index as it stands.
  const maintainSearch = options.maintainSearch !== false && !db.readonly;
  let handlers: Handlers;
  const core: Core = {
    version: APP_VERSION,
    host: options.host,
    databasePath: options.databasePath,
    db,
    articles: new ArticleRepository(db, { author: revisionAuthor(db, defaultProfileName) }),
    media: new MediaStore(db, mediaDirFor(options.databasePath)),
    review: new ReviewService(db, () => core.articles),
    imports: new ImportService(db, () => core),
    proofing: new ProofingService(options.databasePath, db),
    call: (name, input, context) => dispatch(handlers, name, input, context),
    close: () => {
      // Leave the search index complete (markers left behind are caught up on the next open).
      core.articles.search.cancelScheduled();
      if (maintainSearch) {
        try {
          core.articles.search.flush();
        } catch {
          // Busy or read-only: the markers stay for next time.
        }
      }
      db.close();
    },
  };
  handlers = createHandlers(core);
  if (!db.readonly) moveLegacyDictionary(core);
  // Catch up on articles written but not yet indexed (a crash, another process, an upgrade).
  if (maintainSearch) core.articles.search.scheduleFlush();
  return core;
}
