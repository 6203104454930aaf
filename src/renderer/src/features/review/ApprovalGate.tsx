import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import type { ApiClient } from '../../../../shared/api';
import type { OpenReview } from '../../../../shared/review/workflow';
import { onReviewChanged } from './review-events';

/**
 * What stands in the way of approving the article: open suggestions and
 * unresolved comment threads, counted as the core counts them. Null while
 * loading or when `active` is false; reloads on every review change.
 */
export function useOpenReview(client: ApiClient, articleId: string, active: boolean): OpenReview | null {
  const [open, setOpen] = useState<OpenReview | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => onReviewChanged((changed) => changed === articleId && setVersion((v) => v + 1)), [articleId]);
  useEffect(() => {
    if (!active) return setOpen(null);
    let live = true;
    void Promise.all([client.listSuggestions({ articleId, status: 'open' }), client.listComments({ articleId })]).then(([suggestions, comments]) => {
      if (live) setOpen({ suggestions: suggestions.length, comments: comments.filter((c) => c.id === c.threadId && !c.resolvedAt).length });
    });
    return () => {
      live = false;
    };
  }, [client, articleId, active, version]);
  return open;
}

export const reviewIsOpen = (open: OpenReview | null): boolean => !!open && (open.suggestions > 0 || open.comments > 0);

/** The open items and the reason field an approval over them needs (the core refuses it without one). */
export function ApprovalGate({ open, reason, onReason, inputId, t }: { open: OpenReview; reason: string; onReason(reason: string): void; inputId: string; t: TFunction }) {
  return (
    <div className="approval-gate" data-testid="approval-gate">
      <p role="status">
        <strong>{t('workflow.openReview', { suggestions: open.suggestions, comments: open.comments })}</strong> {t('workflow.approveNeedsReason')}
      </p>
      <label htmlFor={inputId}>{t('workflow.approveOverrideReason')}</label>
      <input id={inputId} type="text" value={reason} maxLength={2000} required onChange={(e) => onReason(e.target.value)} />
    </div>
  );
}
