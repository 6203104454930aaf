import type { Node as PMNode } from 'prosemirror-model';
import type { ApiClient, ApiError } from '../../src/shared/api';
import type { Article } from '../../src/shared/article';
import { createDocument, documentToStored } from '../../src/shared/document';

/**
 * The renderer's article session, for unit tests in the node project. It lives
 * in the renderer's TypeScript project, so it is loaded by path and typed here
 * with just the members the tests use.
 */
export interface TestSession {
  readonly id: string;
  documentChanged(): boolean;
  updateMeta(patch: Record<string, unknown>): boolean;
  seal(): void;
  unseal(): void;
  flush(): Promise<void>;
  readonly acceptsEdits: boolean;
  keepMine(theirRevision: number): Promise<void>;
  discardPending(): void;
  setReopenPrompt(ask: (status: Article['meta']['status']) => boolean): void;
  allowEdit(): boolean;
  onSaved(listener: () => void): () => void;
  commitExternal<T extends { revision: number }>(write: (baseRevision: number) => Promise<T>, metaAfter: (result: T) => Partial<Article['meta']>): Promise<T>;
  readonly hasUnsavedChanges: boolean;
  getSnapshot(): { revision: number; meta: Article['meta']; save: { kind: string; at?: string; error?: ApiError } };
}

const SESSION = '../../src/renderer/src/app/session';
export const { ArticleSession, AUTOSAVE_DELAY_MS } = (await import(SESSION)) as {
  ArticleSession: new (client: ApiClient, article: Article, getDocument: () => PMNode, composing?: () => boolean) => TestSession;
  AUTOSAVE_DELAY_MS: number;
};

export const SESSION_ARTICLE_ID = '3f0e8a52-7c1d-4b8e-9f3a-2d5c6b7a8e91';

/** A freshly created, empty draft at revision 1, as the session receives it when the article opens. */
export function draftArticle(): Article {
  return {
    meta: {
      id: SESSION_ARTICLE_ID,
      slug: 'bai-viet',
      section: '',
      tags: [],
      status: 'draft',
      datelinePlace: '',
      agencyTag: '',
      language: 'vi',
      createdAt: '2026-11-30T09:00:00+07:00',
      updatedAt: '2026-11-30T09:00:00+07:00',
      publishedAt: null,
      lengthTarget: {},
    },
    document: documentToStored(createDocument()),
    revision: 1,
  };
}
