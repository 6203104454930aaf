import type { TFunction } from 'i18next';
import type { Profile, Suggestion } from '../../../../shared/review/model';
import { describeChange } from '../../../../shared/review/suggest';
import { decideSuggestions, type ReviewActionContext } from './actions';
import { isControl, ItemPlace } from './ItemPlace';
import { changeInWords, type SuggestionItem } from './pane-items';
import { personColor, personName, when } from './shared';
import { ActionError, useReviewAction } from './review-action';

/** Marks the article's schema knows, for "Format: bold" rather than "+strong". */
const MARK_NAMES = new Set(['strong', 'em', 'link']);

/** What a suggestion changes (struck and inserted text, or the formatting) and who proposed it when. */
export function SuggestionSummary({ suggestion, people, t }: { suggestion: Suggestion; people: ReadonlyMap<string, Profile>; t: TFunction }) {
  const d = describeChange(suggestion);
  const words = changeInWords(suggestion.anchor, d.removed, d.inserted);
  const color = personColor(people, suggestion.authorId);
  const change = suggestion.change;
  return (
    <div className="review-suggestion-text">
      <div className="review-change">
        <strong className="review-kind">{t(`review.suggestions.kind.${d.kind}`)}</strong>{' '}
        {change.type === 'mark' ? (
          <span>
            {t(change.action === 'add' ? 'review.pane.markAdd' : 'review.pane.markRemove', {
              mark: MARK_NAMES.has(change.mark.type) ? t(`review.pane.marks.${change.mark.type}`) : change.mark.type,
            })}
          </span>
        ) : (
          <>
            {words.removed && <del>{words.removed}</del>}
            {words.removed && words.inserted && <span aria-hidden="true"> → </span>}
            {words.inserted && <ins>{words.inserted}</ins>}
          </>
        )}
      </div>
      <div className="review-meta">
        <span className="review-dot" style={{ background: color }} aria-hidden="true" />
        {t('review.suggestions.by', { who: personName(people, suggestion.authorId, t), when: when(suggestion.createdAt) })}
      </div>
    </div>
  );
}

interface SuggestionCardProps {
  item: SuggestionItem;
  people: ReadonlyMap<string, Profile>;
  ctx: ReviewActionContext;
  active?: boolean;
  onShow?: (item: SuggestionItem) => void;
  /** A click anywhere on the card (not on its buttons) shows the text too. */
  showOnCardClick?: boolean;
  t: TFunction;
}

/** An open suggestion: where, what, who; accept or reject it. One whose text is gone can only be rejected. */
export function SuggestionCard({ item, people, ctx, active = false, onShow, showOnCardClick = false, t }: SuggestionCardProps) {
  const { suggestion } = item;
  const { busy, error, run } = useReviewAction(t);
  const decide = (decision: 'accept' | 'reject') => run(() => decideSuggestions(ctx, [suggestion.id], decision));
  const classes = ['review-card', 'review-suggestion', active && 'active', item.detached && 'detached'].filter(Boolean).join(' ');
  return (
    <li
      className={classes}
      data-suggestion={suggestion.id}
      aria-current={active || undefined}
      style={{ borderLeftColor: personColor(people, suggestion.authorId) }}
      onClick={showOnCardClick && onShow ? (e) => !isControl(e.target) && onShow(item) : undefined}
    >
      <ItemPlace item={item} onShow={onShow && (() => onShow(item))} t={t} />
      <SuggestionSummary suggestion={suggestion} people={people} t={t} />
      <div className="review-buttons">
        {!item.detached && (
          <button type="button" disabled={busy} onClick={() => void decide('accept')}>
            {t('review.suggestions.accept')}
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => void decide('reject')}>
          {t('review.suggestions.reject')}
        </button>
      </div>
      <ActionError error={error} />
    </li>
  );
}
