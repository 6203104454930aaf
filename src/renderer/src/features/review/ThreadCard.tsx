import { useState } from 'react';
import type { TFunction } from 'i18next';
import type { Comment, Profile } from '../../../../shared/review/model';
import { editCommentBody, replyToThread, setThreadResolved, type ReviewActionContext } from './actions';
import { isControl, ItemPlace } from './ItemPlace';
import type { ThreadItem } from './pane-items';
import { personColor, personName, when } from './shared';
import { ActionError, useReviewAction } from './review-action';
import { useReplyDraft } from './reply-drafts';
import { matchesShortcut } from '../../app/shortcuts';
import { shortcutLabel } from '../../editor/keymap';
import { SEND_SHORTCUT } from './pane-shortcuts';

interface ThreadCardProps {
  item: ThreadItem;
  people: ReadonlyMap<string, Profile>;
  ctx: ReviewActionContext;
  /** The caret is inside this thread's text. */
  active?: boolean;
  /** Select the commented text in the editor. */
  onShow?: (item: ThreadItem) => void;
  /** A click anywhere on the card (not on its controls) shows the text too: the pane, where showing keeps everything open. */
  showOnCardClick?: boolean;
  /** The reply box is always there (the Review view) rather than opened with "Reply" (the narrow pane). */
  replyAlwaysOpen?: boolean;
  /** The local profile: its own comments can be edited. */
  meId?: string;
  t: TFunction;
}

/** One comment thread: where it points, the comments with author and time, reply, resolve or reopen. */
export function ThreadCard({ item, people, ctx, active = false, onShow, showOnCardClick = false, replyAlwaysOpen = false, meId, t }: ThreadCardProps) {
  const { root, replies } = item;
  const [replying, setReplying] = useState(false);
  // The text being typed survives re-renders and focus moving away; it ends when sent or cancelled.
  const [reply, setReply] = useReplyDraft(root.id);
  const { busy, error, run } = useReviewAction(t);
  const send = async () => {
    if (!reply.trim() || busy) return;
    if (await run(() => replyToThread(ctx, root.id, reply))) {
      setReply('');
      setReplying(false);
    }
  };
  const cancel = () => {
    setReply('');
    setReplying(false);
  };
  const showReply = replyAlwaysOpen || replying || reply !== '';
  const classes = ['review-thread', 'review-card', active && 'active', item.resolved && 'resolved', item.detached && 'detached'].filter(Boolean).join(' ');
  return (
    <li
      className={classes}
      data-thread={root.id}
      aria-current={active || undefined}
      style={{ borderLeftColor: personColor(people, root.authorId) }}
      onClick={showOnCardClick && onShow ? (e) => !isControl(e.target) && onShow(item) : undefined}
    >
      <ItemPlace item={item} onShow={onShow && (() => onShow(item))} t={t} />
      {[root, ...replies].map((c) => (
        <CommentBody key={c.id} comment={c} people={people} onEdit={c.authorId === meId ? (body) => run(() => editCommentBody(ctx, c.id, body)) : undefined} t={t} />
      ))}
      {item.resolved && root.resolvedAt && (
        <p className="review-meta">{t('review.pane.resolvedBy', { who: personName(people, root.resolvedBy, t), when: when(root.resolvedAt) })}</p>
      )}
      {showReply && (
        <form
          className="review-reply"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <textarea
            value={reply}
            rows={2}
            onChange={(e) => setReply(e.target.value)}
            onKeyDown={(e) => {
              // Ctrl+Enter sends, as in the comment box; a plain Enter too (replies are short), Shift+Enter is a new line.
              if (matchesShortcut(e.nativeEvent, SEND_SHORTCUT) || (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing)) {
                e.preventDefault();
                void send();
              } else if (e.key === 'Escape') {
                e.stopPropagation();
                cancel();
              }
            }}
            placeholder={t('review.comments.replyPlaceholder')}
            aria-label={t('review.comments.replyPlaceholder')}
            autoFocus={replying}
            maxLength={10_000}
          />
          <div className="review-buttons">
            <button type="submit" disabled={busy || !reply.trim()}>
              {replyAlwaysOpen ? t('review.comments.reply') : t('review.pane.send')}
            </button>
            {reply !== '' || !replyAlwaysOpen ? (
              <button type="button" onClick={cancel}>
                {t('review.pane.cancel')}
              </button>
            ) : null}
            <span className="review-hint">{t('review.pane.sendHint', { send: shortcutLabel(SEND_SHORTCUT) })}</span>
          </div>
        </form>
      )}
      <div className="review-buttons">
        {!showReply && (
          <button type="button" onClick={() => setReplying(true)}>
            {t('review.comments.reply')}
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => void run(() => setThreadResolved(ctx, root.id, !item.resolved))}>
          {t(item.resolved ? 'review.comments.reopen' : 'review.comments.resolve')}
        </button>
      </div>
      <ActionError error={error} />
    </li>
  );
}

/** One comment: a dot in the author's colour, name, time, text; its author can edit it in place. */
function CommentBody({
  comment,
  people,
  onEdit,
  t,
}: {
  comment: Comment;
  people: ReadonlyMap<string, Profile>;
  /** Store a new text; resolves true when stored. */
  onEdit?: (body: string) => Promise<boolean>;
  t: TFunction;
}) {
  const color = personColor(people, comment.authorId);
  const [draft, setDraft] = useState<string | null>(null);
  const save = async () => {
    if (draft === null || !draft.trim() || !onEdit) return;
    if (draft.trim() === comment.body.trim() || (await onEdit(draft))) setDraft(null);
  };
  return (
    <div className="review-comment" style={{ borderLeftColor: color }}>
      <div className="review-meta">
        <span className="review-dot" style={{ background: color }} aria-hidden="true" />
        <span className="review-author">{personName(people, comment.authorId, t)}</span> · <time dateTime={comment.createdAt}>{when(comment.createdAt)}</time>
        {comment.editedAt && <span className="review-edited"> · {t('review.comments.edited')}</span>}
        {onEdit && draft === null && (
          <>
            {' · '}
            <button type="button" className="link-button" onClick={() => setDraft(comment.body)}>
              {t('review.comments.edit')}
            </button>
          </>
        )}
      </div>
      {draft === null ? (
        <p>{comment.body}</p>
      ) : (
        <form
          className="review-edit"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <textarea
            value={draft}
            rows={3}
            maxLength={10_000}
            aria-label={t('review.comments.editLabel')}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                setDraft(null);
              } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void save();
              }
            }}
          />
          <div className="review-buttons">
            <button type="submit" className="primary" disabled={!draft.trim()}>
              {t('review.comments.editSave')}
            </button>
            <button type="button" onClick={() => setDraft(null)}>
              {t('review.comments.editCancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
