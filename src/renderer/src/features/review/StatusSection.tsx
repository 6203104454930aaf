import { useEffect, useState } from 'react';
import type { ArticleStatus } from '../../../../shared/article';
import type { Transition } from '../../../../shared/review/model';
import { documentFromStored, documentParts } from '../../../../shared/document';
import { spikedFromLog, statusMoves } from '../../../../shared/review/workflow';
import { reviewChanged } from './review-events';
import { personName, when, type SectionProps } from './shared';
import { ActionError, useReviewAction } from './review-action';
import { ApprovalGate, reviewIsOpen, useOpenReview } from './ApprovalGate';

/** The workflow: the moves this profile may make, with a note, and the status log. */
export function StatusSection({ client, articleId, me, people, notify, reloadArticle, version, changed, t }: SectionProps) {
  const [status, setStatus] = useState<ArticleStatus | null>(null);
  /** Headline and slug, named when publishing is confirmed. */
  const [named, setNamed] = useState({ headline: '', slug: '' });
  const [log, setLog] = useState<Transition[]>([]);
  const [claimed, setClaimed] = useState<ArticleStatus | null>(null);
  const [note, setNote] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [approveReason, setApproveReason] = useState('');
  const { error, run } = useReviewAction(t);
  const openReview = useOpenReview(client, articleId, true);
  const approvalNeedsReason = reviewIsOpen(openReview);
  useEffect(() => {
    let live = true;
    void Promise.all([client.getArticle({ id: articleId }), client.listTransitions({ id: articleId }), client.getClaimedStatus({ id: articleId })]).then(([a, l, c]) => {
      if (!live) return;
      setStatus(a.meta.status);
      setNamed({ headline: documentParts(documentFromStored(a.document)).headline.textContent, slug: a.meta.slug });
      setLog(l);
      setClaimed(c?.status ?? null);
    });
    return () => {
      live = false;
    };
  }, [client, articleId, version]);
  if (!status) return null;
  const { targets, override: canOverride } = statusMoves(status, me.role, spikedFromLog(log));
  const confirmPublish = () =>
    window.confirm(`${t('workflow.publishWhat', { headline: named.headline.trim() || t('workflow.untitled'), slug: named.slug })} ${t('workflow.publishStatusOnly')}`);
  const move = (to: ArticleStatus, withOverride = false) =>
    run(async () => {
      if (to === 'published' && !confirmPublish()) return;
      const reason = withOverride ? overrideReason : to === 'approved' && approvalNeedsReason ? approveReason : undefined;
      await client.changeStatus({ id: articleId, to, note: note || undefined, overrideReason: reason });
      setNote('');
      setOverrideReason('');
      setApproveReason('');
      notify(t('review.status.moved', { status: t(`status.${to}`) }));
      reviewChanged(articleId);
      await reloadArticle();
      changed();
    });
  return (
    <section className="review-section" aria-labelledby="review-status-title">
      <h3 id="review-status-title">{t('review.status.current', { status: t(`status.${status}`) })}</h3>
      {claimed && (
        <p className="review-claimed">
          <strong>{t('review.trust.claimed', { status: t(`status.${claimed}`) })}</strong> {t('review.trust.claimedHint')}
        </p>
      )}
      <label>
        {t('review.status.note')}
        <input type="text" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      </label>
      <div className="review-buttons">
        {targets.map((to) => (
          <button key={to} type="button" disabled={to === 'approved' && approvalNeedsReason && !approveReason.trim()} onClick={() => void move(to)}>
            {to === 'approved' && approvalNeedsReason ? t('workflow.approveOverride') : t('review.status.moveTo', { status: t(`status.${to}`) })}
          </button>
        ))}
      </div>
      {targets.includes('approved') && approvalNeedsReason && openReview && (
        <ApprovalGate open={openReview} reason={approveReason} onReason={setApproveReason} inputId="review-approve-reason" t={t} />
      )}
      {!targets.length && <p className="review-hint">{t('review.status.noMoves')}</p>}
      {canOverride && (
        <div className="review-override">
          <label>
            {t('review.status.overrideReason')}
            <input type="text" value={overrideReason} onChange={(e) => setOverrideReason(e.target.value)} maxLength={2000} />
          </label>
          <button type="button" disabled={!overrideReason.trim()} onClick={() => void move('published', true)}>
            {t('review.status.override')}
          </button>
        </div>
      )}
      <ActionError error={error} />
      <h4>{t('review.status.log')}</h4>
      {log.length ? (
        <ol className="review-log">
          {log.map((x) => (
            <li key={x.id}>
              {t('review.status.logEntry', { from: t(`status.${x.from}`), to: t(`status.${x.to}`), who: personName(people, x.profileId, t), when: when(x.at) })}
              {x.note && <q>{x.note}</q>}
              {x.overrideReason && <strong> {t('review.status.overrideNote', { reason: x.overrideReason })}</strong>}
            </li>
          ))}
        </ol>
      ) : (
        <p className="review-hint">{t('review.status.empty')}</p>
      )}
    </section>
  );
}
