import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../../shared/api';
import { shortcutLabel } from '../../editor/keymap';
import { REVIEW_PANE_SHORTCUT } from './pane-shortcuts';
import { useReviewRecords } from './records';

/**
 * The header button that shows or hides the review pane, with the number of open
 * threads and suggestions, so a reporter sees there is something to answer even
 * while the pane is closed.
 */
export function ReviewPaneToggle({ client, articleId, open, onToggle }: { client: ApiClient; articleId: string; open: boolean; onToggle(): void }) {
  const { t } = useTranslation();
  const { comments, suggestions } = useReviewRecords(client, articleId);
  const count = comments.filter((c) => c.id === c.threadId && !c.resolvedAt).length + suggestions.filter((s) => s.status === 'open').length;
  return (
    <button
      type="button"
      className="review-pane-toggle"
      aria-pressed={open}
      onClick={onToggle}
      title={t('review.pane.toggleTitle', { shortcut: shortcutLabel(REVIEW_PANE_SHORTCUT) })}
    >
      <CommentIcon />
      {t('review.pane.toggle')}
      {count > 0 && (
        <span className="review-count">
          <span aria-hidden="true">{count}</span>
          <span className="visually-hidden">{t('review.pane.openCount', { count })}</span>
        </span>
      )}
    </button>
  );
}

/** A speech bubble, drawn like the app's other line icons. */
function CommentIcon() {
  return (
    <svg width={16} height={16} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinejoin="round" aria-hidden="true">
      <path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z" />
    </svg>
  );
}
