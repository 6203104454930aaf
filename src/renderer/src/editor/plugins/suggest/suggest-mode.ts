import type { EditorState, Transaction } from 'prosemirror-state';
import type { Step } from 'prosemirror-transform';
import type { Node as PMNode } from 'prosemirror-model';
import type { ApiClient } from '../../../../../shared/api';
import { proposeFromTransform, type ProposedChange } from '../../../../../shared/review/suggest';
import { startSuggestingTr, stopSuggestingTr, storedTr, suggestKey, type SuggestAuthor } from './suggest-state';

/** Store the suggestions this long after the last keystroke… */
const STORE_DELAY_MS = 800;
/** …and at least this often during non-stop typing. */
const STORE_MAX_WAIT_MS = 4000;
/** After a failed store, try again after this long. */
const RETRY_DELAY_MS = 3000;

const REMEMBERED_KEY = 'newsroom.suggesting';
const MAX_REMEMBERED = 200;

/**
 * What was suggested but not yet stored is kept in the page's local storage this
 * long after a keystroke (before the store, which waits longer), so a crash of
 * the page loses at most that much; the next opening stores it.
 */
const PENDING_DELAY_MS = 250;
const PENDING_PREFIX = 'newsroom.suggest-pending.';

interface PendingSuggestions {
  v: 1;
  changes: ProposedChange[];
  /** The set stored before, which these replace. */
  withdraw: string[];
}

/** Suggest mode needs a local profile: every suggestion records its author. */
export class NoProfileError extends Error {
  override name = 'NoProfileError';
}

export interface SuggestModeHost {
  articleId: string;
  client: ApiClient;
  getState(): EditorState;
  /** Dispatch into the view; false when there is no view (unmounted) or an IME composition runs. */
  dispatch(tr: Transaction): boolean;
  composing(): boolean;
  /** Save the article's committed document first, so suggestions are made against what the store holds. */
  saveFirst(): Promise<void>;
  /** A store failed (it is retried); a success after a failure calls it with null. */
  reportError(error: unknown | null): void;
  /** Suggestions left unstored by a crash were stored on opening (or could not be). */
  reportRecovery(outcome: { stored: number } | { error: unknown }): void;
  /** The article's review records changed (suggestions stored), so views listing them reload. */
  reviewChanged(): void;
}

/**
 * The editor's suggest mode, seen from outside the view: turning it on and off
 * (remembered per article), and keeping the store's suggestions in step with
 * what is being typed. The whole set typed since the mode began is stored each
 * time, replacing the set stored before (`withdraw`), so a word typed, corrected
 * and retyped ends as one suggestion, and undone text leaves none.
 */
export class SuggestMode {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstPending = 0;
  private synced: readonly Step[] = [];
  /** The stored suggestions that stand for the steps typed so far; the next store withdraws them. */
  private storedIds: readonly string[] = [];
  private running: Promise<void> | null = null;
  private failing = false;
  private disposed = false;
  private pendingTimer: ReturnType<typeof setTimeout> | null = null;
  /** The suggestions last made from a set of steps: the crash copy and the store that follows use the same. */
  private lastProposals: { steps: readonly Step[]; changes: ProposedChange[] } | null = null;

  constructor(private readonly host: SuggestModeHost) {}

  get active(): boolean {
    return !!suggestKey.getState(this.host.getState())?.active;
  }

  /** Whether the mode was left on for this article last time. */
  get remembered(): boolean {
    return readRemembered().includes(this.host.articleId);
  }

  /** Begin suggesting as the local profile. Throws {@link NoProfileError} without one. */
  async start(): Promise<void> {
    if (this.active) return;
    const me = await this.host.client.getLocalProfile({});
    if (!me) throw new NoProfileError('Suggest mode needs a profile: set one up in Review → Profile.');
    const author: SuggestAuthor = { id: me.id, name: me.displayName, color: me.color };
    await this.whenNotComposing();
    if (this.active || !this.host.dispatch(startSuggestingTr(this.host.getState(), author))) return;
    this.synced = [];
    this.storedIds = [];
    remember(this.host.articleId, true);
  }

  /**
   * Store what was suggested, take the local edits back (the stored suggestions
   * then show like anyone's) and leave the mode. If storing fails the mode stays
   * on and nothing is lost; the error is thrown.
   */
  async stop(): Promise<void> {
    if (!this.active) return;
    await this.flush();
    await this.whenNotComposing();
    if (this.host.dispatch(stopSuggestingTr(this.host.getState()))) {
      remember(this.host.articleId, false);
      this.synced = [];
      this.storedIds = [];
      this.host.reviewChanged();
    }
  }

  /**
   * Store and take back the local edits but stay in suggest mode, on a fresh
   * base. Anything that reads or decides suggestions, or sends editor positions
   * to the store (a comment on the selection), calls this first.
   */
  async settle(): Promise<void> {
    const state = suggestKey.getState(this.host.getState());
    if (!state?.active || !state.author) return;
    const author = state.author;
    if (!state.steps.length && !this.storedIds.length) return;
    await this.flush();
    await this.whenNotComposing();
    const now = suggestKey.getState(this.host.getState());
    if (!now?.active) return;
    if (this.host.dispatch(stopSuggestingTr(this.host.getState()))) {
      this.host.dispatch(startSuggestingTr(this.host.getState(), author));
      this.synced = [];
      this.storedIds = [];
      this.host.reviewChanged();
    }
  }

  /** Called after every transaction: schedules a store when the suggested steps changed. */
  changed(): void {
    const s = suggestKey.getState(this.host.getState());
    if (!s?.active || s.steps === this.synced || this.disposed) return;
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    this.pendingTimer = setTimeout(() => this.keepPending(), PENDING_DELAY_MS);
    const now = Date.now();
    if (!this.timer) this.firstPending = now;
    else clearTimeout(this.timer);
    const wait = now - this.firstPending >= STORE_MAX_WAIT_MS ? 0 : STORE_DELAY_MS;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush().catch(() => this.retryLater());
    }, wait);
  }

  /** Store the suggested steps now (waits for a store already running). Rejects when the store fails. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.running) await this.running.catch(() => undefined);
    for (;;) {
      const s = suggestKey.getState(this.host.getState());
      if (!s?.active || !s.base || s.steps === this.synced) return;
      this.running = this.store(s.base, s.steps);
      try {
        await this.running;
      } finally {
        this.running = null;
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    this.timer = null;
  }

  /**
   * Store suggestions a crash left in local storage (see {@link keepPending}).
   * Called once when the article opens; the outcome is reported either way and
   * the kept copy is then dropped.
   */
  async recoverPending(): Promise<void> {
    const pending = readPending(this.host.articleId);
    if (!pending) return;
    if (!pending.changes.length && !pending.withdraw.length) return clearPending(this.host.articleId);
    try {
      const stored = await this.host.client.proposeSuggestions({
        articleId: this.host.articleId,
        changes: pending.changes,
        withdraw: pending.withdraw.length ? pending.withdraw : undefined,
      });
      this.host.reviewChanged();
      this.host.reportRecovery({ stored: stored.length });
    } catch (err) {
      this.host.reportRecovery({ error: err });
    }
    clearPending(this.host.articleId);
  }

  /** The steps as suggestions against the base (a few ms for a long set: made once per set of steps). */
  private proposals(base: PMNode, steps: readonly Step[]): ProposedChange[] {
    if (this.lastProposals?.steps !== steps) this.lastProposals = { steps, changes: proposeFromTransform(base, steps) ?? [] };
    return this.lastProposals.changes;
  }

  /** Keep what is suggested but not stored yet in local storage, against a crash. */
  private keepPending(): void {
    this.pendingTimer = null;
    const s = suggestKey.getState(this.host.getState());
    if (!s?.active || !s.base || s.steps === this.synced) return;
    const changes = this.proposals(s.base, s.steps);
    writePending(this.host.articleId, { v: 1, changes, withdraw: [...this.storedIds] });
  }

  private async store(base: PMNode, steps: readonly Step[]): Promise<void> {
    const changes = this.proposals(base, steps);
    if (!changes.length && !this.storedIds.length) {
      // Typed and taken back before anything was stored: nothing to keep either.
      this.synced = steps;
      if (suggestKey.getState(this.host.getState())?.steps === steps) clearPending(this.host.articleId);
      return;
    }
    try {
      await this.host.saveFirst();
      const withdraw = this.storedIds.length ? [...this.storedIds] : undefined;
      const stored = await this.host.client.proposeSuggestions({ articleId: this.host.articleId, changes, withdraw });
      this.storedIds = stored.map((x) => x.id);
      this.synced = steps;
      if (suggestKey.getState(this.host.getState())?.steps === steps) clearPending(this.host.articleId);
      // The highlights leave these to the live marks while they are being typed.
      await this.whenNotComposing();
      this.host.dispatch(storedTr(this.host.getState(), this.storedIds));
      if (this.failing) this.host.reportError(null);
      this.failing = false;
      this.host.reviewChanged();
    } catch (err) {
      this.failing = true;
      this.host.reportError(err);
      throw err;
    }
  }

  private retryLater(): void {
    if (this.disposed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush().catch(() => this.retryLater());
    }, RETRY_DELAY_MS);
  }

  private async whenNotComposing(): Promise<void> {
    while (this.host.composing()) await new Promise((r) => setTimeout(r, 50));
  }
}

function readRemembered(): string[] {
  try {
    const value = JSON.parse(localStorage.getItem(REMEMBERED_KEY) ?? '[]') as unknown;
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function remember(articleId: string, on: boolean): void {
  const ids = readRemembered().filter((id) => id !== articleId);
  if (on) ids.push(articleId);
  try {
    localStorage.setItem(REMEMBERED_KEY, JSON.stringify(ids.slice(-MAX_REMEMBERED)));
  } catch {
    // Not remembering the mode loses nothing: it is simply off next time.
  }
}

function readPending(articleId: string): PendingSuggestions | null {
  try {
    const value = JSON.parse(localStorage.getItem(PENDING_PREFIX + articleId) ?? 'null') as PendingSuggestions | null;
    return value?.v === 1 && Array.isArray(value.changes) && Array.isArray(value.withdraw) ? value : null;
  } catch {
    return null;
  }
}

function writePending(articleId: string, pending: PendingSuggestions): void {
  try {
    localStorage.setItem(PENDING_PREFIX + articleId, JSON.stringify(pending));
  } catch {
    // Storage full: the store a moment later still keeps them.
  }
}

function clearPending(articleId: string): void {
  try {
    localStorage.removeItem(PENDING_PREFIX + articleId);
  } catch {
    // Nothing to do: a stale copy is proposed again and refused or stored once.
  }
}
