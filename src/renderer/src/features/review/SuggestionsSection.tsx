import { useMemo, useState } from 'react';
import { proposeFromTransform } from '../../../../shared/review/suggest';
import { decideSuggestions, sectionActions, undoDecisions } from './actions';
import { editorSelection, showInEditor } from './in-editor';
import { itemRange, placeReviewItems, type SuggestionItem } from './pane-items';
import { useReviewRecords } from './records';
import { reviewChanged } from './review-events';
import { personColor, type SectionProps } from './shared';
import { SuggestionCard, SuggestionSummary } from './SuggestionCard';
import { ActionError, useReviewAction } from './review-action';

/**
 * Suggestions in the Review view: propose a replacement, insertion or deletion for
 * the selected text (any part, headline included), accept or reject one or all
 * (with the review pane's cards and actions), and undo past decisions.
 */
export function SuggestionsSection(props: SectionProps) {
  const { client, articleId, editor, notify, close, t } = props;
  const { suggestions, people } = useReviewRecords(client, articleId);
  const [text, setText] = useState('');
  const { error, run } = useReviewAction(t);
  const ctx = sectionActions(props);
  const state = editor?.getState();
  const selection = editorSelection(editor);
  const open = useMemo(() => (state ? (placeReviewItems(state.doc, [], suggestions) as SuggestionItem[]) : []), [state, suggestions]);
  const decided = suggestions.filter((s) => s.status !== 'open');
  const propose = () =>
    run(async () => {
      // Suggestions still being typed in suggest mode are stored first, so the selection is on the stored text.
      await editor?.settleSuggestions();
      const current = editor?.getState();
      if (!current) return;
      const { from, to } = current.selection;
      const tr = text ? current.tr.insertText(text, from, to) : current.tr.delete(from, to);
      const changes = proposeFromTransform(current.doc, tr.steps);
      if (!changes?.length) return;
      await client.proposeSuggestions({ articleId, changes });
      setText('');
      reviewChanged(articleId);
      notify(t('review.suggestions.proposed'));
    });
  const jump = (item: SuggestionItem) => {
    const at = itemRange(item);
    if (!at || !editor) return;
    close();
    requestAnimationFrame(() => showInEditor(editor, at, { focus: true }));
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
      <ActionError error={error} />
      <h4>{t('review.suggestions.open', { count: open.length })}</h4>
      {open.length ? (
        <>
          <div className="review-buttons">
            <button type="button" onClick={() => void run(() => decideSuggestions(ctx, undefined, 'accept'))}>
              {t('review.suggestions.acceptAll')}
            </button>
            <button type="button" onClick={() => void run(() => decideSuggestions(ctx, undefined, 'reject'))}>
              {t('review.suggestions.rejectAll')}
            </button>
          </div>
          <ul className="review-suggestions">
            {open.map((item) => (
              <SuggestionCard key={item.id} item={item} people={people} ctx={ctx} onShow={jump} t={t} />
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
                <SuggestionSummary suggestion={s} people={people} t={t} />
                <span className="review-badge">{t(s.status === 'accepted' ? 'review.suggestions.accepted' : 'review.suggestions.rejected')}</span>{' '}
                <button type="button" onClick={() => void run(() => undoDecisions(ctx, [s.id], s.status === 'accepted'))}>
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
