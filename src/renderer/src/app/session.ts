import type { Node as PMNode } from 'prosemirror-model';
import { ApiError, type ApiClient } from '../../../shared/api';
import type { Article, ArticleMeta, ArticleMetaPatch, ArticleStatus } from '../../../shared/article';
import { documentToStored } from '../../../shared/document';
import { editEffect } from '../../../shared/review/workflow';

/** Autosave runs this long after the last change (the issue asks for ≤ 1 s). */
export const AUTOSAVE_DELAY_MS = 700;
/** After a failure that may be temporary (busy database, network), try again this much later. */
const RETRY_DELAY_MS = 4000;

export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; error: ApiError };

export interface SessionSnapshot {
  meta: ArticleMeta;
  revision: number;
  save: SaveState;
}

/**
 * One open article: its metadata as the user sees it, the revision the store
 * last confirmed, and the autosave loop. Document and metadata changes are
 * saved together, one request at a time, with `baseRevision` so a concurrent
 * writer is detected instead of overwritten. A failed save keeps every edit
 * pending (nothing is dropped) and reports why.
 */
export class ArticleSession {
  private snapshot: SessionSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly savedListeners = new Set<() => void>();
  private documentDirty = false;
  private pendingMeta: ArticleMetaPatch = {};
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  /** Keep mine after a conflict: the other writer's revision the next save replaces (kept in history by the core). */
  private replacesRevision: number | null = null;
  private disposed = false;
  private sealed = false;
  /** The document as it was when the session was sealed: what a later save stores. */
  private documentAtSeal: PMNode | null = null;
  /** The article every save of this session goes to, fixed when it is opened. */
  readonly id: string;
  /** The user agreed that editing this approved or published article moves it back to in edit. */
  private reopenConfirmed = false;
  /** Asks before the first edit of an approved or published article; false leaves the edit undone. */
  private askReopen: (status: ArticleStatus) => boolean = () => false;

  constructor(
    private readonly client: ApiClient,
    article: Article,
    private readonly getDocument: () => PMNode,
    /**
     * True while an input method is composing a word: autosave waits for the commit,
     * so no half-composed syllable is stored and no save lands inside the composition.
     */
    private readonly composing: () => boolean = () => false,
  ) {
    this.id = article.meta.id;
    this.snapshot = { meta: article.meta, revision: article.revision, save: { kind: 'saved', at: article.meta.updatedAt } };
  }

  /**
   * The article is being left: from now on edits are refused (the editor and
   * panels of the article being left must not record anything), while edits
   * made before still save on {@link flush}, with the document as it was at
   * this moment. {@link unseal} when the switch is cancelled and the user stays.
   */
  seal(): void {
    this.sealed = true;
    this.documentAtSeal = this.getDocument();
  }

  unseal(): void {
    this.sealed = false;
    this.documentAtSeal = null;
  }

  /** False once {@link seal}ed: edits are refused. */
  get acceptsEdits(): boolean {
    return !this.sealed && !this.disposed;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionSnapshot => this.snapshot;

  /** The metadata alone: a stable object until the metadata changes (for panels that show only it). */
  getMeta = (): ArticleMeta => this.snapshot.meta;

  /** Called after each successful save (the list refreshes its row). */
  onSaved(listener: () => void): () => void {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
  }

  get hasUnsavedChanges(): boolean {
    return this.documentDirty || Object.keys(this.pendingMeta).length > 0 || this.snapshot.save.kind === 'saving';
  }

  /** Set how the user is asked before an edit moves an approved or published article back to in edit. */
  setReopenPrompt(ask: (status: ArticleStatus) => boolean): void {
    this.askReopen = ask;
  }

  /**
   * May an edit happen now? Editing an approved or published article moves it back
   * to in edit (the core refuses such a save without `reopen`), so the first edit
   * asks; a no leaves the article as it is. Asked once per status.
   */
  allowEdit(): boolean {
    if (!this.acceptsEdits) return false;
    const effect = editEffect(this.snapshot.meta.status);
    if (this.reopenConfirmed || effect.kind === 'none' || !effect.needsConfirmation) return true;
    if (!this.askReopen(this.snapshot.meta.status)) return false;
    this.reopenConfirmed = true;
    return true;
  }

  /** The document changed in the editor. False (and nothing recorded) once sealed. */
  documentChanged(): boolean {
    if (!this.acceptsEdits) return false;
    this.documentDirty = true;
    this.schedule();
    return true;
  }

  /** Change metadata: shown at once, saved with the next autosave. False (and nothing recorded) once sealed or when the user declines reopening. */
  updateMeta(patch: ArticleMetaPatch): boolean {
    if (!this.allowEdit()) return false;
    this.pendingMeta = { ...this.pendingMeta, ...patch };
    this.set({ meta: { ...this.snapshot.meta, ...patch } as ArticleMeta });
    this.schedule();
    return true;
  }

  /**
   * Run a store write that makes a revision outside the autosave (a workflow status
   * change) in turn with the saves: pending edits are saved first (a save that fails
   * stops it, with that save's error), autosave waits while it runs, and the session
   * then takes the new revision and metadata, so the next save is not mistaken for
   * another writer's. The write gets the revision to send as `baseRevision`.
   */
  async commitExternal<T extends { revision: number }>(write: (baseRevision: number) => Promise<T>, metaAfter: (result: T) => Partial<ArticleMeta>): Promise<T> {
    await this.flush();
    if (this.hasPending()) throw this.snapshot.save.kind === 'failed' ? this.snapshot.save.error : new ApiError('conflict', 'Edits are still waiting to be saved.');
    this.clearTimer();
    const running = write(this.snapshot.revision);
    this.inFlight = running.then(
      () => undefined,
      () => undefined,
    );
    try {
      const result = await running;
      this.reopenConfirmed = false;
      // No saved notice: the write is a list-changing call, which refreshes the list itself.
      this.set({ revision: result.revision, meta: { ...this.snapshot.meta, ...metaAfter(result) } });
      return result;
    } finally {
      this.inFlight = null;
      if (this.hasPending()) this.schedule();
    }
  }

  /**
   * After a conflict, keep mine: save this copy over the other writer's version
   * `theirRevision` (the one the user saw), which the core keeps in history first.
   */
  keepMine(theirRevision: number): Promise<void> {
    this.replacesRevision = theirRevision;
    this.documentDirty = true;
    return this.flush();
  }

  /** After a conflict, keep theirs: forget what this window had not saved (the article is then reloaded). */
  discardPending(): void {
    this.clearTimer();
    this.documentDirty = false;
    this.pendingMeta = {};
    this.set({ save: { kind: 'saved', at: this.snapshot.meta.updatedAt } });
  }

  /** Save now whatever is pending, and wait for it (before closing or switching articles). */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.inFlight) await this.inFlight;
    if (!this.hasPending()) return;
    this.inFlight = this.saveOnce().finally(() => (this.inFlight = null));
    await this.inFlight;
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
    this.listeners.clear();
    this.savedListeners.clear();
  }

  private hasPending(): boolean {
    return this.documentDirty || Object.keys(this.pendingMeta).length > 0;
  }

  private schedule(delay = AUTOSAVE_DELAY_MS): void {
    if (this.disposed) return;
    // Only a real change of state notifies: typing must not re-render the panels on every key.
    if (this.snapshot.save.kind === 'saved') this.set({ save: { kind: 'pending' } });
    this.clearTimer();
    this.timer = setTimeout(() => (this.composing() ? this.schedule(delay) : void this.flush()), delay);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async saveOnce(): Promise<void> {
    const sendDocument = this.documentDirty;
    const meta = this.pendingMeta;
    this.documentDirty = false;
    this.pendingMeta = {};
    const replaces = this.replacesRevision;
    this.replacesRevision = null;
    this.set({ save: { kind: 'saving' } });
    try {
      const result = await this.client.saveArticle({
        id: this.id,
        baseRevision: replaces !== null ? undefined : this.snapshot.revision,
        replaces: replaces ?? undefined,
        document: sendDocument ? documentToStored(this.documentAtSeal ?? this.getDocument()) : undefined,
        meta: Object.keys(meta).length ? meta : undefined,
        reason: 'autosave',
        reopen: this.reopenConfirmed || undefined,
      });
      if (result.status !== this.snapshot.meta.status) this.reopenConfirmed = false;
      this.set({
        revision: result.revision,
        meta: { ...this.snapshot.meta, updatedAt: result.updatedAt, slug: this.pendingMeta.slug ?? result.slug, status: result.status },
        save: { kind: 'saved', at: result.updatedAt },
      });
      for (const l of this.savedListeners) l();
      if (this.hasPending()) this.schedule();
    } catch (err) {
      // Keep the edits: put back what this save carried, under anything newer.
      this.documentDirty ||= sendDocument;
      this.pendingMeta = { ...meta, ...this.pendingMeta };
      const error = err instanceof ApiError ? err : new ApiError('internal', String(err));
      this.set({ save: { kind: 'failed', error } });
      if (error.code === 'busy' || error.code === 'storage' || error.code === 'internal') this.retryLater();
    }
  }

  private retryLater(): void {
    if (this.disposed) return;
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), RETRY_DELAY_MS);
  }

  private set(patch: Partial<SessionSnapshot>): void {
    if (this.disposed) return;
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l();
  }
}
