import type { TFunction } from 'i18next';
import { suggestionContext, type ReviewItem } from './pane-items';

/** Quotes longer than this are shortened in lists (the editor shows the whole text). */
const QUOTE_CHARS = 160;

/** Quoted text as shown: the paragraph break an anchor at a block's end includes is left out. */
const shorten = (raw: string) => {
  const text = raw.trim();
  return text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS).trimEnd()}…` : text;
};

/**
 * Where an item points: the part of the article and the quoted text (for a
 * suggestion, the words around its change). The quote is a button that
 * selects the text in the editor; text that is gone is shown struck through, with why.
 */
export function ItemPlace({ item, onShow, t }: { item: ReviewItem; onShow?: () => void; t: TFunction }) {
  const gone = t(item.kind === 'thread' ? 'review.comments.detached' : 'review.pane.suggestionDetached');
  const stored = item.kind === 'thread' ? item.root.anchor : item.suggestion.anchor;
  const anchor = item.anchor ?? stored;
  if (!anchor) return <div className="review-place">{item.detached && <span className="review-badge detached">{gone}</span>}</div>;
  const part = t(`review.comments.part.${anchor.part}`);
  // A thread quotes its text; a suggestion shows the words around its change, which may be one letter.
  const quote = item.kind === 'thread' ? `“${shorten(anchor.quote)}”` : `“${shorten(suggestionContext(anchor))}”`;
  return (
    <div className="review-place">
      <span className="review-part">{part}</span>
      {item.detached && <span className="review-badge detached">{gone}</span>}
      {item.detached ? (
        <p className="review-quote gone">
          <del>{quote}</del>
        </p>
      ) : onShow ? (
        <button type="button" className="review-quote" onClick={onShow} title={t('review.comments.jump')}>
          {quote}
        </button>
      ) : (
        <p className="review-quote">{quote}</p>
      )}
    </div>
  );
}

/** Whether a click landed on a control of a card (its buttons, text boxes), which does its own thing. */
export function isControl(target: EventTarget): boolean {
  return target instanceof Element && !!target.closest('button, input, textarea, select, a, label');
}
