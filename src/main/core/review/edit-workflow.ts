import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api';
import type { Article, ArticleMeta, ArticleMetaPatch, ArticleStatus } from '../../../shared/article';
import { documentFromStored, documentToStored, type StoredDocument } from '../../../shared/document';
import { editEffect } from '../../../shared/review/workflow';
import type { ArticleRepository, SaveReason, SaveResult } from '../store/articles';
import type { PeopleRepository } from './profiles';
import type { TransitionRepository } from './transitions';

export interface EditSaveInput {
  id: string;
  baseRevision?: number;
  document?: StoredDocument;
  meta?: ArticleMetaPatch;
  reason?: SaveReason;
  /** The user confirmed that editing an approved or published article moves it back to in edit. */
  reopen?: boolean;
  /**
   * After a conflict, "keep mine": the revision this save knowingly replaces. It is
   * kept in history first; if the article moved on since, the save is a conflict again.
   */
  replaces?: number;
}

/** A save's result, with the status the article has after it (an edit may have moved it). */
export type EditSaveResult = SaveResult & { status: ArticleStatus };

/** The sentence refusing an unconfirmed edit of an approved or published article. */
export function confirmationNeeded(status: ArticleStatus): string {
  return status === 'published'
    ? 'This article is published: editing reopens it as a correction. Save again with reopen set to confirm.'
    : 'This article is approved: editing moves it back to in edit. Save again with reopen set to confirm.';
}

/**
 * Saves as every host sends them, with the workflow rule for edits applied in the
 * same transaction: an edit of a submitted article moves it to in edit; an edit
 * of an approved or published one is refused unless `reopen` confirms it, and then
 * moves it back to in edit (a published one as a correction). Each move is logged
 * as a transition by the local profile with why. A save that changes nothing in
 * the text or the details is not an edit and moves nothing.
 */
export class EditWorkflow {
  constructor(
    private readonly db: Database,
    private readonly articles: () => ArticleRepository,
    private readonly people: PeopleRepository,
    private readonly transitions: TransitionRepository,
    private readonly now: () => string,
  ) {}

  save(input: EditSaveInput): EditSaveResult {
    const articles = this.articles();
    return this.db
      .transaction(() => {
        const { reopen, replaces, ...save } = input;
        if (replaces !== undefined) {
          if (save.baseRevision !== undefined) throw new ApiError('invalid_input', 'Give either baseRevision or replaces, not both.');
          const revision = articles.get(input.id).revision;
          if (replaces !== revision) throw new ApiError('conflict', `The article was changed elsewhere again (revision ${revision}, you chose to replace ${replaces}).`);
          articles.keepCurrentInHistory(input.id);
          save.baseRevision = revision;
        }
        // Most saves are of drafts and articles in edit: only the status is read for them.
        const status = articles.statusOf(input.id);
        const effect = editEffect(status);
        if (effect.kind === 'none') return { ...articles.save(save), status };
        const current = articles.get(input.id);
        if (!changesSomething(current, input)) return { ...articles.save(save), status };
        if (effect.needsConfirmation && !reopen) throw new ApiError('forbidden', confirmationNeeded(status));
        checkBase(current.revision, save.baseRevision);
        const moved = this.moveForEdit(input.id, status, effect.to, effect.note);
        return { ...articles.save({ ...save, baseRevision: moved }), status: effect.to };
      })
      .immediate();
  }

  /** Restoring an old revision is an edit too: the same rule, the same confirmation. */
  restore(input: { articleId: string; revisionId: number; baseRevision?: number; reopen?: boolean }): Article {
    const articles = this.articles();
    return this.db
      .transaction(() => {
        const { reopen, ...restore } = input;
        const status = articles.statusOf(input.articleId);
        const effect = editEffect(status);
        if (effect.kind === 'none') return articles.restoreRevision(restore);
        if (effect.needsConfirmation && !reopen) throw new ApiError('forbidden', confirmationNeeded(status));
        articles.getRevision(input.articleId, input.revisionId); // not_found before anything moves
        checkBase(articles.get(input.articleId).revision, restore.baseRevision);
        const moved = this.moveForEdit(input.articleId, status, effect.to, effect.note);
        return articles.restoreRevision({ ...restore, baseRevision: moved });
      })
      .immediate();
  }

  /** Move the article for an edit and log who and why; returns the revision the move made. */
  private moveForEdit(id: string, from: ArticleStatus, to: ArticleStatus, note: string): number {
    const me = this.people.local();
    if (!me) throw new ApiError('forbidden', `Editing a ${from.replace('_', ' ')} article moves it to in edit, which is logged with who did it: set up your profile first (Review → Profile).`);
    const moved = this.articles().setStatus({ id, status: to });
    this.transitions.insert({ id: randomUUID(), articleId: id, from, to, profileId: me.id, at: this.now(), note, overrideReason: null, revision: moved.revision });
    return moved.revision;
  }
}

function checkBase(current: number, base: number | undefined): void {
  if (base !== undefined && base !== current) throw new ApiError('conflict', `The article was changed elsewhere (revision ${current}, you had ${base}).`);
}

/** Does the save differ from what is stored (text, or any detail it carries)? */
function changesSomething(current: { meta: ArticleMeta; document: StoredDocument }, input: EditSaveInput): boolean {
  if (input.document) {
    const incoming = JSON.stringify(documentToStored(documentFromStored(input.document)).doc);
    if (incoming !== JSON.stringify(current.document.doc)) return true;
  }
  for (const [key, value] of Object.entries(input.meta ?? {})) {
    if (JSON.stringify(value) !== JSON.stringify(current.meta[key as keyof ArticleMeta])) return true;
  }
  return false;
}
