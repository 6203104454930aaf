import type { TFunction } from 'i18next';
import type { ApiClient } from '../../../../shared/api';
import { ApiError } from '../../../../shared/api';
import { resolveAnchor } from '../../../../shared/review/anchors';
import type { EditorController } from '../../editor/controller';
import type { EditorTarget } from './in-editor';
import { reviewChanged } from './review-events';
import { reasonFor } from '../../api/error-text';
import type { SectionProps } from './shared';
import { describeChange } from '../../../../shared/review/suggest';
import type { Suggestion } from '../../../../shared/review/model';
import { changeInWords } from './pane-items';
import { editEffect } from '../../../../shared/review/workflow';

/**
 * The review actions the pane and the Review view share: comment, reply, resolve,
 * accept, reject and undo. Each tells every list to reload ({@link reviewChanged});
 * those that change the document reopen the article so the editor shows it.
 */
export interface ReviewActionContext {
  client: ApiClient;
  articleId: string;
  editor: EditorController | null;
  /**
   * Save the editor's pending edits, so positions sent to the core match its copy.
   * Resolves false when they could not be saved. Absent where the editor is not
   * being typed in (the Review view replaces it).
   */
  saveEdits?: () => Promise<boolean>;
  /** Reopen the article from the store after the core changed its document. */
  reloadArticle(): Promise<void>;
  /** A short message, optionally with an action (undo). */
  notify(message: string, action?: { label: string; run(): void }): void;
  t: TFunction;
}

/** The actions' context in the Review view, where the editor is not shown (nothing is being typed). */
export function sectionActions(props: SectionProps): ReviewActionContext {
  return { client: props.client, articleId: props.articleId, editor: props.editor, reloadArticle: props.reloadArticle, notify: props.notify, t: props.t };
}

/** Thrown when pending edits could not be saved first; the message says so. */
function unsaved(t: TFunction): ApiError {
  return new ApiError('conflict', t('review.pane.unsaved'));
}

async function saveFirst(ctx: ReviewActionContext): Promise<void> {
  // Suggestions still being typed in suggest mode are stored (and the editor shows them as stored) first.
  await ctx.editor?.settleSuggestions();
  if (ctx.saveEdits && !(await ctx.saveEdits())) throw unsaved(ctx.t);
}

/** Start a thread on the selected text (found again in the editor first, in case it moved). */
export async function addComment(ctx: ReviewActionContext, target: EditorTarget, body: string): Promise<string> {
  await saveFirst(ctx);
  const doc = ctx.editor?.getState().doc;
  const at = doc ? resolveAnchor(doc, target.anchor) : target.anchor;
  if (!at) throw new ApiError('invalid_input', ctx.t('review.pane.selectionGone'));
  const comment = await ctx.client.addComment({ articleId: ctx.articleId, from: at.from, to: at.to, body });
  reviewChanged(ctx.articleId);
  return comment.id;
}

export async function replyToThread(ctx: ReviewActionContext, threadId: string, body: string): Promise<void> {
  await ctx.client.replyToComment({ threadId, body });
  reviewChanged(ctx.articleId);
}

/** Change the text of one's own comment (the core refuses anyone else's). */
export async function editCommentBody(ctx: ReviewActionContext, id: string, body: string): Promise<void> {
  await ctx.client.editComment({ id, body });
  reviewChanged(ctx.articleId);
}

export async function setThreadResolved(ctx: ReviewActionContext, threadId: string, resolved: boolean): Promise<void> {
  await ctx.client.resolveComment({ threadId, resolved });
  reviewChanged(ctx.articleId);
}

/**
 * Accept or reject the listed suggestions (all open ones without `ids`). Pending
 * edits are saved first; accepting reopens the article. Each decision can be undone
 * from the message that reports it. Suggestions that could not be applied are
 * reported one by one and stay open.
 */
export async function decideSuggestions(ctx: ReviewActionContext, ids: string[] | undefined, decision: 'accept' | 'reject'): Promise<void> {
  const { t } = ctx;
  await saveFirst(ctx);
  // Accepting edits the article: into an approved or published one only after asking, as for typing.
  let reopen = false;
  if (decision === 'accept') {
    const { status } = (await ctx.client.getArticle({ id: ctx.articleId })).meta;
    const effect = editEffect(status);
    reopen = effect.kind === 'move' && effect.needsConfirmation;
    if (reopen && !window.confirm(t(status === 'published' ? 'workflow.confirmCorrection' : 'workflow.confirmReopen'))) return;
  }
  const result = await ctx.client.decideSuggestions({ articleId: ctx.articleId, ids, decision, ...(reopen ? { reopen } : {}) });
  if (decision === 'accept' && result.decided.length) await ctx.reloadArticle();
  reviewChanged(ctx.articleId);
  for (const f of result.failed) ctx.notify(t('review.suggestions.failed', { reason: f.reason }));
  if (!result.decided.length) return;
  const count = result.decided.length;
  const message = decision === 'accept' ? (count === 1 ? t('review.pane.accepted') : t('review.pane.acceptedMany', { count })) : count === 1 ? t('review.pane.rejected') : t('review.pane.rejectedMany', { count });
  const decided = count === 1 ? (await ctx.client.listSuggestions({ articleId: ctx.articleId })).find((s) => s.id === result.decided[0]) : undefined;
  const label = decided
    ? t(decision === 'accept' ? 'workflow.undo.accept' : 'workflow.undo.reject', { change: changeText(decided, t) })
    : t(decision === 'accept' ? 'workflow.undo.acceptMany' : 'workflow.undo.rejectMany', { count });
  ctx.notify(message, {
    label,
    run: () => void undoDecisions(ctx, result.decided, decision === 'accept').catch((err: unknown) => ctx.notify(reasonFor(err, t))),
  });
}

/** A suggestion's change in whole words ("thưc → thực"), or the formatting it changes, for the undo offer. */
function changeText(suggestion: Suggestion, t: TFunction): string {
  if (suggestion.change.type === 'mark') return t(`review.suggestions.kind.format`);
  const d = describeChange(suggestion);
  const words = changeInWords(suggestion.anchor, d.removed, d.inserted);
  return [words.removed, words.inserted].filter(Boolean).join(' → ');
}

/** Undo decisions, latest first (acceptances revert their edit). */
export async function undoDecisions(ctx: ReviewActionContext, ids: readonly string[], changesDocument: boolean): Promise<void> {
  await saveFirst(ctx);
  try {
    for (const id of [...ids].reverse()) await ctx.client.undoSuggestionDecision({ id });
  } finally {
    if (changesDocument) await ctx.reloadArticle();
    reviewChanged(ctx.articleId);
  }
  ctx.notify(ctx.t('review.pane.undone'));
}
