import { useEffect, useState } from 'react';
import type { RevisionSummary } from '../../../../shared/revisions';
import type { Transition } from '../../../../shared/review/model';
import { DiffView } from './DiffView';
import { editEffect } from '../../../../shared/review/workflow';
import { when, type SectionProps } from './shared';
import { ActionError, useReviewAction } from './review-action';
import { ProofingOverrideList } from '../proofing/ProofingOverrideList';

type Parts = { part: string; segments: { kind: 'same' | 'deleted' | 'inserted'; text: string }[] }[];

/** The timeline of revisions: view one read-only, compare any two (or one with the current text), restore one as a new revision. */
export function HistorySection({ client, articleId, notify, reloadArticle, version, changed, t }: SectionProps) {
  const [items, setItems] = useState<RevisionSummary[]>([]);
  /** Status moves by the revision they made, so the timeline says what moved and why. */
  const [moves, setMoves] = useState<ReadonlyMap<number, Transition>>(new Map());
  const [a, setA] = useState<number | null>(null);
  const [b, setB] = useState<number | null>(null);
  const [diff, setDiff] = useState<{ parts: Parts; changes: number } | null>(null);
  const { error, run } = useReviewAction(t);
  useEffect(() => {
    let live = true;
    void Promise.all([client.listRevisions({ articleId, limit: 200 }), client.listTransitions({ id: articleId })]).then(([r, log]) => {
      if (!live) return;
      setItems(r.items);
      setMoves(new Map(log.map((x) => [x.revision, x])));
    });
    return () => {
      live = false;
    };
  }, [client, articleId, version]);
  const documentOf = async (id: number | null) =>
    id === null ? (await client.getArticle({ id: articleId })).document : (await client.getRevision({ articleId, revisionId: id })).document;
  const compare = (left: number | null, right: number | null) =>
    run(async () => {
      const [docA, docB] = await Promise.all([documentOf(left), documentOf(right)]);
      setDiff(await client.compareDocuments({ a: docA, b: docB }));
    });
  const restore = () =>
    run(async () => {
      if (a === null) return;
      // Restoring into an approved or published article moves it back to in edit: asked first, as for typing.
      const { status } = (await client.getArticle({ id: articleId })).meta;
      const effect = editEffect(status);
      const reopen = effect.kind === 'move' && effect.needsConfirmation;
      if (reopen && !window.confirm(t(status === 'published' ? 'workflow.confirmCorrection' : 'workflow.confirmReopen'))) return;
      await client.restoreRevision({ articleId, revisionId: a, ...(reopen ? { reopen } : {}) });
      notify(t('review.history.restored'));
      await reloadArticle();
      changed();
    });
  return (
    <section className="review-section" aria-labelledby="review-history-title">
      <h3 id="review-history-title">{t('review.history.title')}</h3>
      <p className="review-hint">{t('review.history.pickHint')}</p>
      <table className="review-revisions">
        <thead>
          <tr>
            <th scope="col">{t('review.history.a')}</th>
            <th scope="col">{t('review.history.b')}</th>
            <th scope="col">{t('review.history.revision')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td />
            <td>
              <input type="radio" name="rev-b" checked={b === null} onChange={() => setB(null)} aria-label={`${t('review.history.b')}: ${t('review.history.current')}`} />
            </td>
            <td>{t('review.history.current')}</td>
          </tr>
          {items.map((r) => {
            const label = t('review.history.entry', { reason: t(`review.history.reason.${r.reason}`), who: r.author || t('review.unknownPerson'), when: when(r.createdAt) });
            return (
              <tr key={r.id}>
                <td>
                  <input type="radio" name="rev-a" checked={a === r.id} onChange={() => setA(r.id)} aria-label={`${t('review.history.a')}: ${label}`} />
                </td>
                <td>
                  <input type="radio" name="rev-b" checked={b === r.id} onChange={() => setB(r.id)} aria-label={`${t('review.history.b')}: ${label}`} />
                </td>
                <td>
                  {label} · {t(`status.${r.status}`, { defaultValue: r.status })} · {r.headline}
                  {r.reason === 'status' && moves.get(r.articleRevision) && <MoveNote move={moves.get(r.articleRevision)!} t={t} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="review-buttons">
        <button type="button" disabled={a === null} onClick={() => void compare(a, b)}>
          {t('review.history.compare')}
        </button>
        <button type="button" disabled={a === null} onClick={() => void compare(a, a)}>
          {t('review.history.view')}
        </button>
        <button type="button" disabled={a === null} onClick={() => void restore()}>
          {t('review.history.restore')}
        </button>
      </div>
      <ProofingOverrideList client={client} articleId={articleId} version={version} formatTime={when} />
      <ActionError error={error} />
      {diff && (diff.changes === 0 && a !== b ? <p role="status">{t('review.history.noChanges')}</p> : <DiffView parts={diff.parts} t={t} />)}
    </section>
  );
}

/** What a status revision did: the move, its note and any logged override. */
function MoveNote({ move, t }: { move: Transition; t: SectionProps['t'] }) {
  return (
    <span className="review-move">
      {' '}
      ({t(`status.${move.from}`)} → {t(`status.${move.to}`)}){move.note && <q>{move.note}</q>}
      {move.overrideReason && <span> {t('review.status.overrideNote', { reason: move.overrideReason })}</span>}
    </span>
  );
}
