import { useMemo, useState } from 'react';
import { addComment, sectionActions } from './actions';
import { editorSelection, showInEditor } from './in-editor';
import { itemRange, placeReviewItems, type ThreadItem } from './pane-items';
import { useReviewRecords } from './records';
import { type SectionProps } from './shared';
import { ThreadCard } from './ThreadCard';
import { ActionError, useReviewAction } from './review-action';

/**
 * The Review view's comment threads, all of them (resolved ones included) in
 * document order: add on the selection, reply, resolve, reopen, go to the text.
 * The cards and actions are the review pane's.
 */
export function CommentsSection(props: SectionProps) {
  const { client, articleId, editor, close, t } = props;
  const { comments, people } = useReviewRecords(client, articleId);
  const [body, setBody] = useState('');
  const { error, run } = useReviewAction(t);
  const ctx = sectionActions(props);
  const doc = editor?.getState().doc;
  const threads = useMemo(() => (doc ? placeReviewItems(doc, comments, []) : []) as ThreadItem[], [doc, comments]);
  const selection = editorSelection(editor);
  const jump = (item: ThreadItem) => {
    const at = itemRange(item);
    if (!at || !editor) return;
    close();
    // The editor is mounted again on the next frame; then select the commented text.
    requestAnimationFrame(() => showInEditor(editor, at, { focus: true }));
  };
  return (
    <section className="review-section" aria-labelledby="review-comments-title">
      <h3 id="review-comments-title">{t('review.comments.addOnSelection')}</h3>
      {selection ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await addComment(ctx, selection, body);
              setBody('');
            });
          }}
        >
          <p className="review-quote">{t('review.comments.selection', { text: selection.text.slice(0, 200) })}</p>
          <textarea value={body} onChange={(e) => setBody(e.target.value)} placeholder={t('review.comments.placeholder')} aria-label={t('review.comments.placeholder')} rows={3} />
          <button type="submit" className="primary" disabled={!body.trim()}>
            {t('review.comments.add')}
          </button>
        </form>
      ) : (
        <p className="review-hint">{t('review.comments.selectFirst')}</p>
      )}
      <ActionError error={error} />
      {!threads.length && <p className="review-hint">{t('review.comments.empty')}</p>}
      <ul className="review-threads">
        {threads.map((item) => (
          <ThreadCard key={item.id} item={item} people={people} ctx={ctx} onShow={jump} replyAlwaysOpen meId={props.me.id} t={t} />
        ))}
      </ul>
    </section>
  );
}
