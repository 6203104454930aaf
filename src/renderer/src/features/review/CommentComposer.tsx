import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { shortcutLabel } from '../../editor/keymap';
import { matchesShortcut } from '../../app/shortcuts';
import { addComment, type ReviewActionContext } from './actions';
import type { EditorTarget } from './in-editor';
import { SEND_SHORTCUT } from './pane-shortcuts';
import { reasonFor } from '../../api/error-text';

interface CommentComposerProps {
  ctx: ReviewActionContext;
  /** The text being commented on, captured when the composer opened. */
  target: EditorTarget;
  /** The comment was stored (with its thread id). */
  onAdded(threadId: string): void;
  onCancel(): void;
  t: TFunction;
}

/** Quoted selection, a text box and Send: a new thread on the text. Mod-Enter sends, Escape cancels. */
export function CommentComposer({ ctx, target, onAdded, onCancel, t }: CommentComposerProps) {
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), [target]);
  const send = async () => {
    if (!body.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      onAdded(await addComment(ctx, target, body));
    } catch (err) {
      setError(reasonFor(err, t));
    } finally {
      setBusy(false);
    }
  };
  const quote = target.text.length > 200 ? `${target.text.slice(0, 200).trimEnd()}…` : target.text;
  return (
    <form
      className="review-composer"
      aria-label={t('review.comments.addOnSelection')}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <p className="review-place">
        <span className="review-part">{t(`review.comments.part.${target.anchor.part}`)}</span>
        <span className="review-quote">“{quote}”</span>
      </p>
      <textarea
        ref={box}
        value={body}
        rows={3}
        maxLength={10_000}
        aria-label={t('review.pane.commentLabel')}
        placeholder={t('review.comments.placeholder')}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (matchesShortcut(e.nativeEvent, SEND_SHORTCUT)) {
            e.preventDefault();
            void send();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }
        }}
      />
      <div className="review-buttons">
        <button type="submit" className="primary" disabled={busy || !body.trim()}>
          {t('review.pane.send')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('review.pane.cancel')}
        </button>
        <span className="review-hint">{t('review.pane.sendHint', { send: shortcutLabel(SEND_SHORTCUT) })}</span>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
