import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../../shared/api';
import type { EditorController } from '../../editor/controller';
import { shortcutLabel } from '../../editor/keymap';
import { decideSuggestions, type ReviewActionContext } from './actions';
import { CommentComposer } from './CommentComposer';
import { editorSelection, showInEditor, type EditorTarget } from './in-editor';
import { groupReviewItems, itemRange, type ReviewItem } from './pane-items';
import { COMMENT_SHORTCUT } from './pane-shortcuts';
import { ProfileSection } from './ProfileSection';
import { useReviewRecords } from './records';
import { reviewChanged } from './review-events';
import { reasonFor } from '../../api/error-text';
import { SuggestionCard } from './SuggestionCard';
import { ThreadCard } from './ThreadCard';
import { usePlacedItems } from './use-placed-items';
import './review.css';
import { ActionError, useReviewAction } from './review-action';

export interface ReviewPaneProps {
  client: ApiClient;
  articleId: string;
  editor: EditorController;
  /** Save the editor's pending edits; false when they could not be saved. */
  saveEdits(): Promise<boolean>;
  /** Reopen the article from the store (after an accepted suggestion), keeping the reader's place. */
  reloadArticle(): Promise<void>;
  notify(message: string, action?: { label: string; run(): void }): void;
  onClose(): void;
  /** Set by the comment shortcut or menu: start a comment on the selection, then call {@link onCommentRequestTaken}. */
  commentRequested: boolean;
  onCommentRequestTaken(): void;
}

/**
 * The review pane docked beside the text: open comment threads and suggestions in
 * document order, comments whose text is gone at the end, resolved threads folded
 * away. Comment on the selection, reply, resolve, accept or reject; clicking an
 * item (or Enter on its quote) selects its text in the editor, and the item under
 * the caret is highlighted here.
 */
export function ReviewPane(props: ReviewPaneProps) {
  const { client, articleId, editor, saveEdits, reloadArticle, notify, onClose, commentRequested, onCommentRequestTaken } = props;
  const { t } = useTranslation();
  const records = useReviewRecords(client, articleId);
  const { items, active, hasSelection, locate } = usePlacedItems(editor, records.comments, records.suggestions);
  const groups = useMemo(() => groupReviewItems(items), [items]);
  const activeIds = useMemo(() => new Set(active.split(' ').filter(Boolean)), [active]);
  const [composing, setComposing] = useState<EditorTarget | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const { busy: bulkBusy, error: bulkError, run: runBulk } = useReviewAction(t);
  const pane = useRef<HTMLElement>(null);
  const focusInside = useRef(false);

  const ctx: ReviewActionContext = useMemo(() => ({ client, articleId, editor, saveEdits, reloadArticle, notify, t }), [client, articleId, editor, saveEdits, reloadArticle, notify, t]);

  const { status, suggestions, people } = records;

  const startComment = useCallback(() => {
    const target = editorSelection(editor);
    if (!target) {
      setHint(t('review.pane.selectFirst'));
      return;
    }
    setHint(null);
    setComposing(target);
  }, [editor, t]);

  useEffect(() => {
    if (!commentRequested) return;
    onCommentRequestTaken();
    const box = pane.current?.querySelector<HTMLTextAreaElement>('.review-composer textarea');
    if (box?.value.trim()) box.focus(); // a comment is being written: do not throw it away
    else startComment();
  }, [commentRequested, onCommentRequestTaken, startComment]);

  useEffect(() => {
    if (hasSelection) setHint(null);
  }, [hasSelection]);

  const showItem = useCallback(
    (item: ReviewItem) => {
      const range = itemRange({ ...item, anchor: locate(item.id) ?? item.anchor });
      if (range) showInEditor(editor, range, { focus: false });
    },
    [editor, locate],
  );

  // Bring the item under the caret into view here, unless the user is working in the pane.
  useEffect(() => {
    if (!active || focusInside.current) return;
    const first = active.split(' ')[0]!;
    pane.current?.querySelector(`[data-thread="${first}"], [data-suggestion="${first}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  // A decided suggestion or resolved thread leaves the list: keep the keyboard in the pane.
  useEffect(() => {
    if (focusInside.current && document.activeElement === document.body) pane.current?.querySelector<HTMLElement>('#review-pane-title')?.focus();
  });

  // With text selected, the bulk buttons decide the suggestions in the selection; otherwise every open one.
  const selectedSuggestions = hasSelection ? items.filter((i) => i.kind === 'suggestion' && !i.detached && activeIds.has(i.id)).map((i) => i.id) : [];
  const bulk = (decision: 'accept' | 'reject') => runBulk(() => decideSuggestions(ctx, selectedSuggestions.length ? selectedSuggestions : undefined, decision));

  const card = (item: ReviewItem) =>
    item.kind === 'thread' ? (
      <ThreadCard key={item.id} item={item} people={people} ctx={ctx} active={activeIds.has(item.id)} onShow={showItem} showOnCardClick meId={records.me?.id} t={t} />
    ) : (
      <SuggestionCard key={item.id} item={item} people={people} ctx={ctx} active={activeIds.has(item.id)} onShow={showItem} showOnCardClick t={t} />
    );

  const openSuggestions = suggestions.filter((s) => s.status === 'open').length;
  const noProfile = status === 'ready' && !records.me;
  return (
    <aside
      className="review-pane"
      aria-labelledby="review-pane-title"
      ref={pane}
      onFocus={() => (focusInside.current = true)}
      onBlur={(e) => {
        // Focus leaving for another element outside; a removed button (relatedTarget null) keeps it "inside".
        if (e.relatedTarget && !pane.current?.contains(e.relatedTarget as Node)) focusInside.current = false;
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          focusInside.current = false;
          editor.focus();
        }
      }}
    >
      <div className="review-pane-head">
        <h2 id="review-pane-title" className="panel-title" tabIndex={-1}>
          {t('review.pane.title')}
        </h2>
        {!noProfile && (
          <button type="button" className="review-comment-button" onClick={startComment} title={`${t('review.comments.addOnSelection')} (${shortcutLabel(COMMENT_SHORTCUT)})`}>
            + {t('review.pane.comment')}
          </button>
        )}
        <button type="button" className="review-pane-close" onClick={onClose} aria-label={t('review.pane.close')} title={t('review.pane.close')}>
          ×
        </button>
      </div>
      <div className="review-pane-body">
        {hint && (
          <p className="review-hint review-pane-hint" role="status">
            {hint}
          </p>
        )}
        {noProfile && (
          <>
            <p className="review-hint">{t('review.pane.noProfile')}</p>
            <ProfileSection client={client} profile={null} onSaved={() => reviewChanged(articleId)} t={t} />
          </>
        )}
        {composing && !noProfile && (
          <CommentComposer
            ctx={ctx}
            target={composing}
            t={t}
            onAdded={() => {
              setComposing(null);
              focusInside.current = false;
              editor.focus();
            }}
            onCancel={() => {
              setComposing(null);
              focusInside.current = false;
              editor.focus();
            }}
          />
        )}
        {status === 'failed' && (
          <div role="alert" className="error">
            {t('review.pane.loadFailed', { reason: reasonFor(records.error, t) })}{' '}
            <button type="button" className="link-button" onClick={records.reload}>
              {t('review.pane.retry')}
            </button>
          </div>
        )}
        {status === 'loading' && !items.length && <p className="review-hint">{t('review.pane.loading')}</p>}
        {openSuggestions > 0 && !noProfile && (
          <div className="review-bulk">
            <span>{t('review.pane.pending', { count: openSuggestions })}</span>
            <div className="review-buttons">
              <button type="button" disabled={bulkBusy} onClick={() => void bulk('accept')}>
                {selectedSuggestions.length ? t('review.suggestions.acceptSelected', { count: selectedSuggestions.length }) : t('review.suggestions.acceptAll')}
              </button>
              <button type="button" disabled={bulkBusy} onClick={() => void bulk('reject')}>
                {selectedSuggestions.length ? t('review.suggestions.rejectSelected', { count: selectedSuggestions.length }) : t('review.suggestions.rejectAll')}
              </button>
            </div>
            <ActionError error={bulkError} />
          </div>
        )}
        {status !== 'loading' && !groups.open.length && !groups.detached.length && <p className="review-hint">{t('review.pane.empty')}</p>}
        {groups.open.length > 0 && (
          <ol className="review-cards" aria-label={t('review.pane.listLabel')}>
            {groups.open.map(card)}
          </ol>
        )}
        {groups.detached.length > 0 && (
          <section className="review-pane-group" aria-labelledby="review-pane-detached">
            <h3 id="review-pane-detached">{t('review.pane.detachedTitle', { count: groups.detached.length })}</h3>
            <ol className="review-cards">{groups.detached.map(card)}</ol>
          </section>
        )}
        {groups.resolved.length > 0 && (
          <section className="review-pane-group">
            <button type="button" className="review-fold" aria-expanded={showResolved} aria-controls="review-pane-resolved" onClick={() => setShowResolved((v) => !v)}>
              {t('review.pane.resolvedToggle', { count: groups.resolved.length })}
            </button>
            {showResolved && (
              <ol className="review-cards" id="review-pane-resolved">
                {groups.resolved.map(card)}
              </ol>
            )}
          </section>
        )}
      </div>
    </aside>
  );
}
