import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../../shared/api';
import type { ArticleStatus } from '../../../../shared/article';
import type { Profile } from '../../../../shared/review/model';
import { spikedFromLog, statusMoves, type StatusMoves } from '../../../../shared/review/workflow';
import type { ArticleSession } from '../../app/session';
import { documentFromStored, documentParts } from '../../../../shared/document';
import { onReviewChanged, reviewChanged } from './review-events';
import { ApprovalGate, reviewIsOpen, useOpenReview } from './ApprovalGate';
import { reasonFor } from '../../api/error-text';
import './status-control.css';

/** A move picked in the menu, waiting for its note (and, for a desk override, its reason). */
interface PendingMove {
  to: ArticleStatus;
  override: boolean;
}

const OVERRIDE_VALUE = 'published:override';

/**
 * The status in the details panel. Every change is a workflow move made by this
 * machine's profile (`changeStatus`): only the moves the profile may make are
 * offered, each asks for an optional note (and the desk's reason when publishing
 * without approval), and a refusal shows the core's reason. The move runs in turn
 * with the autosave, so the open article never sees it as another writer's save.
 */
export function StatusControl({ client, session, onOpenReview }: { client: ApiClient; session: ArticleSession; onOpenReview?: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const meta = useSyncExternalStore(session.subscribe, session.getMeta);
  const [me, setMe] = useState<Profile | null | undefined>(undefined);
  const [moves, setMoves] = useState<StatusMoves | null>(null);
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  /** An approval or publication an untrusted package claimed; shown, never counted. */
  const [claimed, setClaimed] = useState<ArticleStatus | null>(null);
  /** Approving needs a decided review, or a reason: what is still open. */
  const openReview = useOpenReview(client, meta.id, pending?.to === 'approved');
  const approvalNeedsReason = pending?.to === 'approved' && reviewIsOpen(openReview);
  /** The headline named in the publish confirmation. */
  const [headline, setHeadline] = useState<string | null>(null);
  useEffect(() => {
    if (pending?.to !== 'published') return;
    let live = true;
    void client.getArticle({ id: meta.id }).then((a) => live && setHeadline(documentParts(documentFromStored(a.document)).headline.textContent));
    return () => {
      live = false;
    };
  }, [client, meta.id, pending?.to]);

  useEffect(() => onReviewChanged((changed) => changed === meta.id && setVersion((v) => v + 1)), [meta.id]);
  useEffect(() => {
    let live = true;
    void Promise.all([client.getLocalProfile({}), client.listTransitions({ id: meta.id }), client.getClaimedStatus({ id: meta.id })]).then(
      ([profile, log, claim]) => {
        if (!live) return;
        setMe(profile);
        setClaimed(claim?.status ?? null);
        setMoves(profile ? statusMoves(meta.status, profile.role, spikedFromLog(log)) : null);
      },
      (err: unknown) => live && setError(reasonFor(err, t)),
    );
    return () => {
      live = false;
    };
  }, [client, meta.id, meta.status, version, t]);

  const cancel = () => {
    setPending(null);
    setNote('');
    setReason('');
  };
  const commit = async () => {
    if (!pending || busy) return;
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await session.commitExternal(
        async (baseRevision) => {
          const result = await client.changeStatus({
            id: meta.id,
            to: pending.to,
            baseRevision,
            ...(note.trim() ? { note } : {}),
            ...(pending.override || approvalNeedsReason ? { overrideReason: reason } : {}),
          });
          const stored = (await client.getArticle({ id: meta.id })).meta;
          return { ...result, publishedAt: stored.publishedAt };
        },
        (r) => ({ status: r.status, publishedAt: r.publishedAt }),
      );
      setMessage(t('review.status.moved', { status: t(`status.${pending.to}`) }));
      cancel();
      reviewChanged(meta.id);
    } catch (err) {
      setError(reasonFor(err, t));
    } finally {
      setBusy(false);
    }
  };

  const ready = me !== undefined && moves !== null;
  const canMove = !!moves && (moves.targets.length > 0 || moves.override);
  const value = pending ? (pending.override ? OVERRIDE_VALUE : pending.to) : meta.status;
  return (
    <div className="field status-field">
      <label htmlFor={`${id}-status`}>{t('details.status')}</label>
      <select
        id={`${id}-status`}
        value={value}
        disabled={!ready || !canMove || busy}
        aria-describedby={`${id}-status-hint`}
        onChange={(e) => {
          setMessage(null);
          setError(null);
          if (e.target.value === meta.status) cancel();
          else if (e.target.value === OVERRIDE_VALUE) setPending({ to: 'published', override: true });
          else setPending({ to: e.target.value as ArticleStatus, override: false });
        }}
      >
        <option value={meta.status}>{t(`status.${meta.status}`)}</option>
        {moves?.targets.map((to) => (
          <option key={to} value={to}>
            {t(`status.${to}`)}
          </option>
        ))}
        {moves?.override && <option value={OVERRIDE_VALUE}>{t('review.status.control.overrideOption', { status: t('status.published') })}</option>}
      </select>
      <small id={`${id}-status-hint`} className="field-hint">
        {me === undefined && !error
          ? t('review.status.control.loading')
          : me === null
            ? t('review.status.control.noProfile')
            : ready && !canMove
              ? t('review.status.noMoves')
              : null}
      </small>
      {claimed && (
        <small className="field-hint status-claimed">
          <strong>{t('review.trust.claimed', { status: t(`status.${claimed}`) })}</strong> {t('review.trust.claimedHint')}
        </small>
      )}
      {me === null && onOpenReview && (
        <button type="button" className="link-button" onClick={onOpenReview}>
          {t('review.status.control.openReview')}
        </button>
      )}
      {pending && (
        <form
          className="status-move"
          aria-label={t('review.status.control.change', { from: t(`status.${meta.status}`), to: t(`status.${pending.to}`) })}
          onSubmit={(e) => {
            e.preventDefault();
            void commit();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              cancel();
            }
          }}
        >
          <p>{t('review.status.control.change', { from: t(`status.${meta.status}`), to: t(`status.${pending.to}`) })}</p>
          {pending.override && <p className="field-hint">{t('review.status.control.overrideHint')}</p>}
          {pending.to === 'published' && (
            <p className="publish-summary" data-testid="publish-summary">
              {t('workflow.publishWhat', { headline: headline?.trim() || t('workflow.untitled'), slug: meta.slug })} {t('workflow.publishStatusOnly')}
            </p>
          )}
          {approvalNeedsReason && openReview && <ApprovalGate open={openReview} reason={reason} onReason={setReason} inputId={`${id}-approve-reason`} t={t} />}
          <label htmlFor={`${id}-note`}>{t('review.status.note')}</label>
          <input id={`${id}-note`} type="text" value={note} maxLength={2000} autoFocus={!pending.override} onChange={(e) => setNote(e.target.value)} />
          {pending.override && (
            <>
              <label htmlFor={`${id}-reason`}>{t('review.status.overrideReason')}</label>
              <input id={`${id}-reason`} type="text" value={reason} maxLength={2000} required autoFocus onChange={(e) => setReason(e.target.value)} />
            </>
          )}
          <div className="row">
            <button
              type="submit"
              className="primary"
              disabled={busy || ((pending.override || approvalNeedsReason) && !reason.trim()) || (pending.to === 'approved' && !openReview)}
            >
              {busy ? t('review.status.control.working') : pending.to === 'published' ? t('workflow.publishConfirm') : approvalNeedsReason ? t('workflow.approveOverride') : t('review.status.control.confirm')}
            </button>
            <button type="button" onClick={cancel} disabled={busy}>
              {t('app.cancel')}
            </button>
          </div>
        </form>
      )}
      {message && <small role="status">{message}</small>}
      {error && (
        <small role="alert" className="field-error">
          {error}
        </small>
      )}
    </div>
  );
}
