import { useEffect, useState } from 'react';
import type { HandoffConflict } from '../../../../shared/review/model';
import { DiffView } from './DiffView';
import { PackagePicker } from './PackagePicker';
import { personName, when, type SectionProps } from './shared';
import { sendPackage } from './send-package';
import { ActionError, useReviewAction } from './review-action';

type Parts = { part: string; segments: { kind: 'same' | 'deleted' | 'inserted'; text: string }[] }[];

/** Send the article as a .newsroom package, open a received one, and settle conflicts (keep mine, take theirs, merged). */
export function HandoffSection(props: SectionProps) {
  const { client, articleId, people, notify, reloadArticle, saveEdits, openArticle, version, changed, t } = props;
  const [purpose, setPurpose] = useState<'review' | 'desk'>('review');
  const [conflicts, setConflicts] = useState<HandoffConflict[]>([]);
  const [diffs, setDiffs] = useState<Record<string, Parts>>({});
  const [message, setMessage] = useState<string | null>(null);
  const { error, run: runAction } = useReviewAction(t);
  useEffect(() => {
    let live = true;
    void client.listHandoffConflicts({ articleId }).then(async (list) => {
      if (!live) return;
      setConflicts(list);
      const current = (await client.getArticle({ id: articleId })).document;
      const entries = await Promise.all(
        list.map(async (c) => {
          const theirs = (await client.getRevision({ articleId, revisionId: c.revisionId })).document;
          return [c.id, (await client.compareDocuments({ a: current, b: theirs })).parts] as const;
        }),
      );
      if (live) setDiffs(Object.fromEntries(entries));
    });
    return () => {
      live = false;
    };
  }, [client, articleId, version]);
  const run = (action: () => Promise<void>) => {
    setMessage(null);
    return runAction(action);
  };
  const send = () =>
    run(async () => {
      setMessage(await sendPackage({ client, articleId, saveEdits }, purpose, t));
    });
  const packageContext = { client, articleId, openArticle, reloadArticle: () => reloadArticle(), notify, showsConflicts: true };
  const settle = (c: HandoffConflict, resolution: 'mine' | 'theirs' | 'merged') =>
    run(async () => {
      await client.resolveHandoffConflict({ id: c.id, resolution });
      notify(t('review.handoff.settled'));
      if (resolution === 'theirs') await reloadArticle();
      changed();
    });
  return (
    <section className="review-section" aria-labelledby="review-handoff-title">
      <h3 id="review-handoff-title">{t('review.handoff.send')}</h3>
      <p className="review-hint">{t('review.handoff.sendHint')}</p>
      <div className="review-buttons">
        <select value={purpose} onChange={(e) => setPurpose(e.target.value as 'review' | 'desk')} aria-label={t('review.handoff.send')}>
          <option value="review">{t('review.handoff.purposeReview')}</option>
          <option value="desk">{t('review.handoff.purposeDesk')}</option>
        </select>
        <button type="button" className="primary" onClick={() => void send()}>
          {t(purpose === 'review' ? 'review.handoff.purposeReview' : 'review.handoff.purposeDesk')}
        </button>
      </div>
      <h3>{t('review.handoff.open')}</h3>
      <PackagePicker context={packageContext} t={t} onOpened={changed} />
      {message && <p role="status">{message}</p>}
      <ActionError error={error} />
      {conflicts.length > 0 && (
        <>
          <h3>{t('review.handoff.conflicts')}</h3>
          {conflicts.map((c) => (
            <div key={c.id} className="review-conflict" data-conflict={c.id}>
              <p>{t('review.handoff.conflictFrom', { who: personName(people, c.senderId, t), when: when(c.receivedAt) })}</p>
              <h4>{t('review.handoff.diffTitle')}</h4>
              {diffs[c.id] && <DiffView parts={diffs[c.id]!} t={t} />}
              <div className="review-buttons">
                <button type="button" onClick={() => void settle(c, 'mine')}>
                  {t('review.handoff.keepMine')}
                </button>
                <button type="button" onClick={() => void settle(c, 'theirs')}>
                  {t('review.handoff.takeTheirs')}
                </button>
                <button type="button" onClick={() => void settle(c, 'merged')}>
                  {t('review.handoff.merged')}
                </button>
              </div>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
