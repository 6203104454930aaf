import { useEffect, useState } from 'react';
import type { Suggestion } from '../../../../shared/review/model';
import { describeChange, proposeFromTransform } from '../../../../shared/review/suggest';
import { editorSelection } from './CommentsSection';
import { errorText, personColor, personName, when, type SectionProps } from './shared';

/**
 * Suggestions: propose a replacement, insertion or deletion for the selected text
 * (any part, headline included), then accept or reject one or all; decisions can be
 * undone. Accepting changes the article, which is then reopened from the store.
 */
export function SuggestionsSection(props: SectionProps) {
  const { client, articleId, editor, people, notify, reloadArticle, version, changed, t } = props;
  const [items, setItems] = useState<Suggestion[]>([]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void client.listSuggestions({ articleId }).then((s) => live && setItems(s));
    return () => {
      live = false;
    };
  }, [client, articleId, version]);
  const state = editor?.getState();
  const selection = editorSelection(props);
  const run = async (action: () => Promise<unknown>, reload: boolean) => {
    setError(null);
    try {
      await action();
      if (reload) await reloadArticle();
      changed();
    } catch (err) {
      setError(errorText(err, t));
    }
  };
  const propose = () =>
    run(async () => {
      if (!state) return;
      const { from, to } = state.selection;
      const tr = text ? state.tr.insertText(text, from, to) : state.tr.delete(from, to);
      const changes = proposeFromTransform(state.doc, tr.steps);
      if (!changes?.length) return;
      await client.proposeSuggestions({ articleId, changes });
      setText('');
      notify(t('review.suggestions.proposed'));
    }, true); // reopened so the editor shows the new suggestion
  const decide = (ids: string[] | undefined, decision: 'accept' | 'reject') =>
    run(async () => {
      const r = await client.decideSuggestions({ articleId, ids, decision });
      for (const f of r.failed) notify(t('review.suggestions.failed', { reason: f.reason }));
    }, decision === 'accept');
  const open = items.filter((s) => s.status === 'open');
  const decided = items.filter((s) => s.status !== 'open');
  const row = (s: Suggestion) => {
    const d = describeChange(s);
    return (
      <div className="review-suggestion-text">
        <span className="review-part">{t(`review.comments.part.${s.anchor.part}`)}</span> <strong>{t(`review.suggestions.kind.${d.kind}`)}</strong>{' '}
        {d.kind === 'format' ? (
          <span>
            {s.change.type === 'mark' ? `${s.change.action === 'add' ? '+' : '−'}${s.change.mark.type}` : ''} “{d.removed}”
          </span>
        ) : (
          <>
            {d.removed && <del>{d.removed}</del>}
            {d.inserted && <ins>{d.inserted}</ins>}
          </>
        )}
        <div className="review-meta">{t('review.suggestions.by', { who: personName(people, s.authorId, t), when: when(s.createdAt) })}</div>
      </div>
    );
  };
  return (
    <section className="review-section" aria-labelledby="review-suggest-title">
      <h3 id="review-suggest-title">{selection ? t('review.suggestions.propose') : t('review.suggestions.insertAt')}</h3>
      {state ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void propose();
          }}
        >
          {selection && <p className="review-quote">{t('review.comments.selection', { text: selection.text.slice(0, 200) })}</p>}
          <label>
            {t('review.suggestions.replaceWith')}
            <input type="text" value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <button type="submit" disabled={!selection && !text}>
            {t('review.suggestions.proposeButton')}
          </button>
        </form>
      ) : null}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <h4>{t('review.suggestions.open', { count: open.length })}</h4>
      {open.length ? (
        <>
          <div className="review-buttons">
            <button type="button" onClick={() => void decide(undefined, 'accept')}>
              {t('review.suggestions.acceptAll')}
            </button>
            <button type="button" onClick={() => void decide(undefined, 'reject')}>
              {t('review.suggestions.rejectAll')}
            </button>
          </div>
          <ul className="review-suggestions">
            {open.map((s) => (
              <li key={s.id} style={{ borderLeftColor: personColor(people, s.authorId) }} data-suggestion={s.id}>
                {row(s)}
                <div className="review-buttons">
                  <button type="button" onClick={() => void decide([s.id], 'accept')}>
                    {t('review.suggestions.accept')}
                  </button>
                  <button type="button" onClick={() => void decide([s.id], 'reject')}>
                    {t('review.suggestions.reject')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="review-hint">{t('review.suggestions.empty')}</p>
      )}
      {decided.length > 0 && (
        <>
          <h4>{t('review.suggestions.decided')}</h4>
          <ul className="review-suggestions decided">
            {decided.map((s) => (
              <li key={s.id} style={{ borderLeftColor: personColor(people, s.authorId) }}>
                {row(s)}
                <span className="review-badge">{t(s.status === 'accepted' ? 'review.suggestions.accepted' : 'review.suggestions.rejected')}</span>{' '}
                <button type="button" onClick={() => void run(() => client.undoSuggestionDecision({ id: s.id }), s.status === 'accepted')}>
                  {t('review.suggestions.undo')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
