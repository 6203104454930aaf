import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ApiClient } from '../../../../shared/api';
import type { Comment, Profile, Suggestion } from '../../../../shared/review/model';
import { onReviewChanged } from './review-events';

/** An article's review records as last loaded, with who is who. */
export interface ReviewRecords {
  status: 'loading' | 'ready' | 'failed';
  /** Why the last load failed (the records shown are those of the load before). */
  error: unknown;
  /** This machine's profile; null until one is set. */
  me: Profile | null;
  /** Everyone known here, by id (names and colours of authors). */
  people: ReadonlyMap<string, Profile>;
  /** Every comment, threads in document order, replies in time order. */
  comments: Comment[];
  /** Every suggestion, open and decided. */
  suggestions: Suggestion[];
}

const EMPTY: ReviewRecords = { status: 'loading', error: null, me: null, people: new Map(), comments: [], suggestions: [] };

/** Several signals in a row (suggest mode sends one per pause in typing) load once. */
const RELOAD_COALESCE_MS = 60;

/**
 * The records of one article, loaded once for everyone who shows them (the pane,
 * its toggle button with the count, the Review view's lists) and loaded again on
 * every {@link onReviewChanged} signal for that article.
 */
export class RecordsSource {
  private snapshot: ReviewRecords = EMPTY;
  private readonly listeners = new Set<() => void>();
  private readonly offChanged: () => void;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private generation = 0;
  users = 0;

  constructor(
    private readonly client: ApiClient,
    readonly articleId: string,
  ) {
    this.offChanged = onReviewChanged((id) => {
      if (id === this.articleId) this.reloadSoon();
    });
    void this.load();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ReviewRecords => this.snapshot;

  reloadSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.load();
    }, RELOAD_COALESCE_MS);
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    const { client, articleId } = this;
    try {
      const [me, people, comments, suggestions] = await Promise.all([
        client.getLocalProfile({}),
        client.listProfiles({}),
        client.listComments({ articleId }),
        client.listSuggestions({ articleId }),
      ]);
      // A later load started meanwhile: its answer is the newer one.
      if (generation !== this.generation) return;
      this.set({ status: 'ready', error: null, me, people: new Map(people.map((p) => [p.id, p])), comments, suggestions });
    } catch (error) {
      if (generation !== this.generation) return;
      this.set({ ...this.snapshot, status: 'failed', error });
    }
  }

  private set(next: ReviewRecords): void {
    this.snapshot = next;
    for (const l of this.listeners) l();
  }

  dispose(): void {
    this.offChanged();
    if (this.timer) clearTimeout(this.timer);
    this.generation++;
    this.listeners.clear();
  }
}

const sources = new Map<string, RecordsSource>();

/** The shared records of an article, for a user outside React (the editor's highlights); give it back with {@link releaseReviewRecords}. */
export function acquireReviewRecords(client: ApiClient, articleId: string): RecordsSource {
  let source = sources.get(articleId);
  if (!source) {
    source = new RecordsSource(client, articleId);
    sources.set(articleId, source);
  }
  source.users++;
  return source;
}

export function releaseReviewRecords(source: RecordsSource): void {
  if (--source.users > 0) return;
  source.dispose();
  if (sources.get(source.articleId) === source) sources.delete(source.articleId);
}

const noSubscription = () => () => {};
const emptySnapshot = () => EMPTY;

/** The open article's review records, kept fresh by review-change signals. */
export function useReviewRecords(client: ApiClient, articleId: string): ReviewRecords & { reload(): void } {
  const [source, setSource] = useState<RecordsSource | null>(null);
  useEffect(() => {
    const s = acquireReviewRecords(client, articleId);
    setSource(s);
    return () => releaseReviewRecords(s);
  }, [client, articleId]);
  const current = source?.articleId === articleId ? source : null;
  const records = useSyncExternalStore(current?.subscribe ?? noSubscription, current?.getSnapshot ?? emptySnapshot);
  return { ...records, reload: () => current?.reloadSoon() };
}
