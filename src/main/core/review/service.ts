import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Node as PMNode } from 'prosemirror-model';
import { ApiError } from '../../../shared/api';
import type { ArticleStatus } from '../../../shared/article';
import { toIsoWithOffset } from '../../../shared/dates';
import { documentFromStored, documentToStored } from '../../../shared/document';
import { mapAnchor } from '../../../shared/review/anchors';
import type { Anchor, Comment, ConflictResolution, HandoffConflict, Profile, Suggestion, Transition } from '../../../shared/review/model';
import { applyChange, SuggestionError, type ProposedChange } from '../../../shared/review/suggest';
import { approvalBlocked, checkTransition, EDIT_NOTES, type OpenReview } from '../../../shared/review/workflow';
import type { ArticleRepository } from '../store/articles';
import { CommentRepository } from './comments';
import { ConflictRepository } from './conflicts';
import { EditWorkflow } from './edit-workflow';
import { PeopleRepository } from './profiles';
import { SuggestionRepository } from './suggestions';
import { TransitionRepository } from './transitions';
import { ClaimedStatuses } from '../trust/claims';
import { KnownKeys } from '../trust/known-keys';
import { OwnKeys } from '../trust/own-keys';

/**
 * Review operations that touch both the article and its review records: status
 * changes, comments anchored in the current text, suggestions accepted into the
 * document. Each runs in one transaction and is made by the local profile.
 */
export class ReviewService {
  readonly people: PeopleRepository;
  readonly comments: CommentRepository;
  readonly suggestions: SuggestionRepository;
  readonly transitions: TransitionRepository;
  readonly conflicts: ConflictRepository;
  /** This machine's own signing keys. */
  readonly ownKeys: OwnKeys;
  /** Colleagues' keys: seen in packages, trusted by the user. */
  readonly knownKeys: KnownKeys;
  /** Approvals and publications claimed by untrusted packages. */
  readonly claims: ClaimedStatuses;
  /** Saves with the workflow rule for edits (saveArticle goes through it). */
  readonly edits: EditWorkflow;

  constructor(
    private readonly db: Database,
    /** The core's article repository (a function, so the core can hand over the one it is still building). */
    private readonly articleRepository: () => ArticleRepository,
    private readonly now: () => string = () => toIsoWithOffset(new Date()),
  ) {
    this.people = new PeopleRepository(db, now);
    this.comments = new CommentRepository(db, now);
    this.suggestions = new SuggestionRepository(db);
    this.transitions = new TransitionRepository(db);
    this.conflicts = new ConflictRepository(db);
    this.ownKeys = new OwnKeys(db);
    this.knownKeys = new KnownKeys(db, now);
    this.claims = new ClaimedStatuses(db);
    this.edits = new EditWorkflow(db, articleRepository, this.people, this.transitions, now);
  }

  private get articles(): ArticleRepository {
    return this.articleRepository();
  }

  private document(articleId: string): { doc: PMNode; revision: number; status: ArticleStatus } {
    const article = this.articles.get(articleId);
    return { doc: documentFromStored(article.document), revision: article.revision, status: article.meta.status };
  }

  /** Move the article through the workflow; records who, when and why, and saves a revision. */
  changeStatus(input: { id: string; to: ArticleStatus; note?: string; overrideReason?: string; baseRevision?: number }): { status: ArticleStatus; revision: number; transition: Transition } {
    const me = this.people.requireLocal();
    return this.db
      .transaction(() => {
        const article = this.articles.get(input.id);
        const from = article.meta.status;
        const check = checkTransition({ from, to: input.to, role: me.role, spikedFrom: this.transitions.spikedFrom(input.id), overrideReason: input.overrideReason });
        if (!check.ok) throw new ApiError('forbidden', `Cannot change the status: ${check.reason}.`);
        const approvalOverride = input.to === 'approved' ? this.approvalOverride(input.id, input.overrideReason) : null;
        const at = this.now();
        const publishedAt = input.to === 'published' && !article.meta.publishedAt ? at : undefined;
        const saved = this.articles.setStatus({ id: input.id, status: input.to, publishedAt, baseRevision: input.baseRevision });
        const transition: Transition = {
          id: randomUUID(),
          articleId: input.id,
          from,
          to: input.to,
          profileId: me.id,
          at,
          note: input.to === 'published' && this.reopenedAsCorrection(input.id) ? correctionNote(input.note) : (input.note ?? ''),
          overrideReason: check.override ? input.overrideReason!.trim() : approvalOverride,
          revision: saved.revision,
        };
        this.transitions.insert(transition);
        // A move made here settles whatever an untrusted package claimed.
        this.claims.settle(input.id);
        return { status: input.to, revision: saved.revision, transition };
      })
      .immediate();
  }

  /** Open suggestions and unresolved comment threads on the article. */
  openReview(articleId: string): OpenReview {
    const threads = this.comments.raw(articleId).filter((c) => c.id === c.threadId && !c.resolvedAt);
    return { suggestions: this.suggestions.list(articleId, 'open').length, comments: threads.length };
  }

  /** Refuse an approval over an undecided review; the override reason to log when one was needed. */
  private approvalOverride(articleId: string, overrideReason: string | undefined): string | null {
    const open = this.openReview(articleId);
    const refusal = approvalBlocked(open, overrideReason);
    if (refusal) throw new ApiError('forbidden', refusal);
    return open.suggestions || open.comments ? overrideReason!.trim() : null;
  }

  /** Was the article reopened as a correction since it was last published? Then the next publish is a correction. */
  private reopenedAsCorrection(articleId: string): boolean {
    const log = this.transitions.list(articleId);
    for (let i = log.length - 1; i >= 0; i--) {
      if (log[i]!.to === 'published') return false;
      if (log[i]!.from === 'published' && log[i]!.note === EDIT_NOTES.published) return true;
    }
    return false;
  }

  listComments(articleId: string): Comment[] {
    return this.comments.list(articleId, this.document(articleId).doc);
  }

  addComment(input: { articleId: string; from: number; to: number; body: string }): Comment {
    const me = this.people.requireLocal();
    return this.comments.add(input, this.document(input.articleId).doc, me);
  }

  /**
   * Store changes proposed in suggest mode. Each must apply cleanly to the current
   * document, so a stale or malformed suggestion is refused now, not at acceptance.
   * `withdraw` removes the local profile's own open suggestions in the same
   * transaction (the editor replacing the set it is still typing); anyone else's,
   * or a decided one, is refused and nothing changes.
   */
  propose(articleId: string, changes: ProposedChange[], withdraw: readonly string[] = []): Suggestion[] {
    const me = this.people.requireLocal();
    const { doc } = this.document(articleId);
    for (const id of withdraw) {
      const s = this.suggestions.get(id);
      if (s.articleId !== articleId || s.authorId !== me.id || s.status !== 'open') {
        throw new ApiError('forbidden', `Suggestion ${id} cannot be withdrawn: only your own open suggestions on this article can.`);
      }
    }
    const created: Suggestion[] = [];
    for (const [i, change] of changes.entries()) {
      try {
        applyChange(doc, change);
      } catch (err) {
        throw new ApiError('invalid_input', `Suggestion ${i + 1}: ${(err as Error).message}.`);
      }
      created.push({
        id: randomUUID(),
        articleId,
        authorId: me.id,
        createdAt: this.now(),
        anchor: change.anchor,
        change: change.change,
        status: 'open',
        decidedBy: null,
        decidedAt: null,
        inverse: null,
      });
    }
    this.db.transaction(() => {
      for (const id of withdraw) this.suggestions.remove(id);
      for (const s of created) this.suggestions.insert(s);
    })();
    return created;
  }

  /**
   * Accept or reject suggestions: the listed ones, or every open one. Accepted edits
   * go into the document as one saved revision; one whose text is gone is reported
   * in `failed` and left open (it can still be rejected).
   */
  decide(input: { articleId: string; ids?: string[]; decision: 'accept' | 'reject'; baseRevision?: number; reopen?: boolean }): {
    revision: number;
    decided: string[];
    failed: { id: string; reason: string }[];
  } {
    const me = this.people.requireLocal();
    return this.db
      .transaction(() => {
        const { doc, revision } = this.document(input.articleId);
        const open = this.suggestions.list(input.articleId, 'open');
        let targets: Suggestion[];
        if (input.ids) {
          const byId = new Map(open.map((s) => [s.id, s]));
          targets = input.ids.map((id) => {
            const s = byId.get(id);
            if (!s) {
              const existing = this.suggestions.get(id); // not_found if it does not exist at all
              if (existing.articleId !== input.articleId) throw new ApiError('invalid_input', `Suggestion ${id} belongs to another article.`);
              throw new ApiError('conflict', `Suggestion ${id} was already ${existing.status}.`);
            }
            return s;
          });
        } else targets = open;
        const at = this.now();
        const decided: string[] = [];
        const failed: { id: string; reason: string }[] = [];
        if (input.decision === 'reject') {
          for (const s of targets) this.suggestions.decide(s.id, 'rejected', me.id, at, null);
          return { revision, decided: targets.map((s) => s.id), failed };
        }
        // Apply from the end of the document backwards so earlier positions stay valid.
        let current = doc;
        const ordered = [...targets].sort((a, b) => b.anchor.from - a.anchor.from);
        const remaining = new Map(open.filter((s) => !targets.includes(s)).map((s) => [s.id, s.anchor] as [string, Anchor]));
        for (const s of ordered) {
          try {
            const applied = applyChange(current, s);
            current = applied.transform.doc;
            this.suggestions.decide(s.id, 'accepted', me.id, at, applied.inverse);
            decided.push(s.id);
            for (const [id, anchor] of remaining) {
              const moved = mapAnchor(anchor, applied.transform.mapping, current);
              if (moved) remaining.set(id, moved);
            }
          } catch (err) {
            if (!(err instanceof SuggestionError)) throw err;
            failed.push({ id: s.id, reason: err.message });
          }
        }
        if (!decided.length) return { revision, decided, failed };
        for (const [id, anchor] of remaining) this.suggestions.updateAnchor(id, anchor);
        // Accepting edits the article: the workflow's edit rule applies (an approved one needs `reopen`).
        const saved = this.edits.save({ id: input.articleId, baseRevision: input.baseRevision, document: documentToStored(current), reopen: input.reopen });
        return { revision: saved.revision, decided, failed };
      })
      .immediate();
  }

  /** Undo an acceptance (the edit is reverted) or a rejection; the suggestion is open again. */
  undoDecision(input: { id: string; baseRevision?: number }): { revision: number; suggestion: Suggestion } {
    this.people.requireLocal();
    return this.db
      .transaction(() => {
        const s = this.suggestions.get(input.id);
        if (s.status === 'open') throw new ApiError('conflict', 'This suggestion has not been accepted or rejected.');
        let { revision } = this.document(s.articleId);
        if (s.status === 'accepted') {
          if (!s.inverse) throw new ApiError('conflict', 'This acceptance cannot be undone (it arrived without its undo record).');
          const { doc } = this.document(s.articleId);
          let applied;
          try {
            applied = applyChange(doc, s.inverse);
          } catch (err) {
            throw new ApiError('conflict', `The accepted text has changed since, so the acceptance cannot be undone: ${(err as Error).message}.`);
          }
          revision = this.edits.save({ id: s.articleId, baseRevision: input.baseRevision, document: documentToStored(applied.transform.doc) }).revision;
          const back = mapAnchor(s.inverse.anchor, applied.transform.mapping, applied.transform.doc);
          if (back) this.suggestions.updateAnchor(s.id, back);
        }
        this.suggestions.decide(s.id, 'open', null, null, null);
        return { revision, suggestion: this.suggestions.get(s.id) };
      })
      .immediate();
  }

  /**
   * Settle a handoff conflict: keep mine (their version stays in history), take
   * theirs (restored as a new revision; nothing is overwritten), or merged (the user
   * already saved a hand-merged version in the editor).
   */
  resolveConflict(input: { id: string; resolution: ConflictResolution; baseRevision?: number }): { conflict: HandoffConflict; revision: number } {
    const me = this.people.requireLocal();
    return this.db
      .transaction(() => {
        const conflict = this.conflicts.get(input.id);
        if (conflict.resolvedAt) throw new ApiError('conflict', `This conflict was already settled (${conflict.resolution}).`);
        let revision = this.articles.get(conflict.articleId).revision;
        if (input.resolution === 'theirs') {
          revision = this.articles.restoreRevision({ articleId: conflict.articleId, revisionId: conflict.revisionId, baseRevision: input.baseRevision }).revision;
        }
        this.conflicts.markResolved(conflict.id, input.resolution, me.id, this.now());
        return { conflict: this.conflicts.get(conflict.id), revision };
      })
      .immediate();
  }

  /** Profiles referenced by an article's review records, for showing names and colours. */
  profilesFor(articleId: string): Profile[] {
    const ids = new Set<string>();
    for (const c of this.comments.raw(articleId)) {
      ids.add(c.authorId);
      if (c.resolvedBy) ids.add(c.resolvedBy);
    }
    for (const s of this.suggestions.list(articleId)) {
      ids.add(s.authorId);
      if (s.decidedBy) ids.add(s.decidedBy);
    }
    for (const t of this.transitions.list(articleId)) ids.add(t.profileId);
    return [...ids].map((id) => this.people.get(id)).filter((p): p is Profile => p !== null);
  }
}

/** The logged note of a publish that follows a reopening as a correction. */
export const CORRECTION_NOTE = 'published as a correction';
const correctionNote = (note: string | undefined) => (note?.trim() ? `${CORRECTION_NOTE}: ${note.trim()}` : CORRECTION_NOTE);
