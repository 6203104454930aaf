import { useEffect, useState } from 'react';
import { TextSelection } from 'prosemirror-state';
import type { Comment } from '../../../../shared/review/model';
import { errorText, personColor, personName, when, type SectionProps } from './shared';

/** The text selected in the editor (it keeps its state while this view is shown). */
export function editorSelection(props: Pick<SectionProps, 'editor'>): { from: number; to: number; text: string } | null {
  const state = props.editor?.getState();
  if (!state || state.selection.empty) return null;
  const { from, to } = state.selection;
  return { from, to, text: state.doc.textBetween(from, to, ' ', ' ') };
}

/** Comment threads in document order: add on the selection, reply, resolve, reopen, jump to the text. */
export function CommentsSection(props: SectionProps) {
  const { client, articleId, editor, people, version, changed, close, t } = props;
  const [comments, setComments] = useState<Comment[]>([]);
  const [body, setBody] = useState('');
  const [replies, setReplies] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void client.listComments({ articleId }).then((c) => live && setComments(c));
    return () => {
      live = false;
    };
  }, [client, articleId, version]);
  const selection = editorSelection(props);
  const run = async (action: () => Promise<unknown>, reload = false) => {
    setError(null);
    try {
      await action();
      if (reload) await props.reloadArticle(); // so the editor marks the new thread's text
      changed();
    } catch (err) {
      setError(errorText(err, t));
    }
  };
  const jump = (c: Comment) => {
    if (!c.anchor || c.detached || !editor) return;
    const { from, to } = c.anchor;
    close();
    // The editor is mounted again on the next frame; then select the commented text.
    requestAnimationFrame(() =>
      editor.run((state, dispatch) => {
        if (to > state.doc.content.size) return false;
        dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, from, to)).scrollIntoView());
        return true;
      }),
    );
  };
  const threads = comments.filter((c) => c.id === c.threadId);
  return (
    <section className="review-section" aria-labelledby="review-comments-title">
      <h3 id="review-comments-title">{t('review.comments.addOnSelection')}</h3>
      {selection ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await client.addComment({ articleId, from: selection.from, to: selection.to, body });
              setBody('');
            }, true);
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
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!threads.length && <p className="review-hint">{t('review.comments.empty')}</p>}
      <ul className="review-threads">
        {threads.map((root) => {
          const thread = comments.filter((c) => c.threadId === root.id);
          return (
            <li key={root.id} className={`review-thread${root.resolvedAt ? ' resolved' : ''}${root.detached ? ' detached' : ''}`} data-thread={root.id}>
              <div className="review-thread-head">
                <span className="review-part">{root.anchor ? t(`review.comments.part.${root.anchor.part}`) : ''}</span>
                {root.detached ? <em>{t('review.comments.detached')}</em> : null}
                <q className="review-quote">{root.anchor?.quote.slice(0, 200)}</q>
                {root.resolvedAt && <span className="review-badge">{t('review.comments.resolved')}</span>}
              </div>
              {thread.map((c) => (
                <div key={c.id} className="review-comment" style={{ borderLeftColor: personColor(people, c.authorId) }}>
                  <div className="review-meta">
                    {personName(people, c.authorId, t)} · {when(c.createdAt)}
                  </div>
                  <p>{c.body}</p>
                </div>
              ))}
              <div className="review-buttons">
                {!root.detached && root.anchor && (
                  <button type="button" onClick={() => jump(root)}>
                    {t('review.comments.jump')}
                  </button>
                )}
                <button type="button" onClick={() => void run(() => client.resolveComment({ threadId: root.id, resolved: !root.resolvedAt }), true)}>
                  {t(root.resolvedAt ? 'review.comments.reopen' : 'review.comments.resolve')}
                </button>
              </div>
              <form
                className="review-reply"
                onSubmit={(e) => {
                  e.preventDefault();
                  void run(async () => {
                    await client.replyToComment({ threadId: root.id, body: replies[root.id] ?? '' });
                    setReplies((r) => ({ ...r, [root.id]: '' }));
                  });
                }}
              >
                <input
                  type="text"
                  value={replies[root.id] ?? ''}
                  onChange={(e) => setReplies((r) => ({ ...r, [root.id]: e.target.value }))}
                  placeholder={t('review.comments.replyPlaceholder')}
                  aria-label={t('review.comments.replyPlaceholder')}
                />
                <button type="submit" disabled={!(replies[root.id] ?? '').trim()}>
                  {t('review.comments.reply')}
                </button>
              </form>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
