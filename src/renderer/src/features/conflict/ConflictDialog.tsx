import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient, CallOutput } from '../../../../shared/api';
import type { Article } from '../../../../shared/article';
import { documentToStored, type StoredDocument } from '../../../../shared/document';
import type { OpenArticle } from '../../app/open-article';
import { DiffView } from '../review/DiffView';
import { reasonFor } from '../../api/error-text';

type Comparison = CallOutput<'compareDocuments'>;

export interface ConflictDialogProps {
  client: ApiClient;
  open: OpenArticle;
  /** Reload the article from the store (their version into the editor). */
  reloadArticle(id: string): Promise<void>;
  /** Merge by hand: their version goes into the editor and mine is shown beside it, read-only. */
  showMineBeside(mine: StoredDocument): void;
  onClose(): void;
}

/**
 * The choice after a save conflict (another window or machine saved this article
 * first): see both versions side by side (the History compare, split into theirs
 * and mine), keep mine (theirs stays in history), keep theirs (this window's
 * unsaved text is let go), or merge by hand (theirs in the editor, mine beside it
 * to copy from). Nothing is written until the user picks.
 */
export function ConflictDialog({ client, open, reloadArticle, showMineBeside, onClose }: ConflictDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [theirs, setTheirs] = useState<Article | null>(null);
  const [mine] = useState<StoredDocument>(() => documentToStored(open.controller.committedDoc()));
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
    let live = true;
    client.getArticle({ id: open.id }).then(
      (a) => live && setTheirs(a),
      (err: unknown) => live && setError(reasonFor(err, t)),
    );
    return () => {
      live = false;
    };
  }, [client, open.id, t]);

  /** Run a choice; the dialog closes when it is settled (`close`), or stays (comparing). */
  const act = async (run: () => Promise<void>, close = true) => {
    setBusy(true);
    setError(null);
    try {
      await run();
      if (close) onClose();
    } catch (err) {
      setError(reasonFor(err, t));
    } finally {
      setBusy(false);
    }
  };
  const compare = () => act(async () => setComparison(await client.compareDocuments({ a: theirs!.document, b: mine })), false);
  const keepMine = () => act(() => open.session.keepMine(theirs!.revision));
  const keepTheirs = () =>
    act(async () => {
      open.session.discardPending();
      await reloadArticle(open.id);
    });
  const mergeByHand = () =>
    act(async () => {
      open.session.discardPending();
      await reloadArticle(open.id);
      showMineBeside(mine);
    });

  const side = (kind: 'deleted' | 'inserted') => comparison!.parts.map((p) => ({ ...p, segments: p.segments.filter((s) => s.kind !== kind) }));
  return (
    <dialog ref={dialog} className="dialog conflict-dialog" aria-labelledby="conflict-title" onCancel={onClose}>
      <h2 id="conflict-title">{t('workflow.conflict.title')}</h2>
      <p>{t('workflow.conflict.explain')}</p>
      {comparison && (
        <div className="conflict-sides" data-testid="conflict-sides">
          <section aria-labelledby="conflict-theirs">
            <h3 id="conflict-theirs">{t('workflow.conflict.theirs')}</h3>
            <DiffView parts={side('inserted')} t={t} />
          </section>
          <section aria-labelledby="conflict-mine">
            <h3 id="conflict-mine">{t('workflow.conflict.mine')}</h3>
            <DiffView parts={side('deleted')} t={t} />
          </section>
        </div>
      )}
      <div className="conflict-choices">
        {!comparison && (
          <button type="button" disabled={!theirs || busy} onClick={() => void compare()}>
            {t('workflow.conflict.compare')}
          </button>
        )}
        <button type="button" disabled={!theirs || busy} onClick={() => void keepMine()}>
          {t('workflow.conflict.keepMine')}
        </button>
        <button type="button" disabled={!theirs || busy} onClick={() => void keepTheirs()}>
          {t('workflow.conflict.keepTheirs')}
        </button>
        <button type="button" disabled={!theirs || busy} onClick={() => void mergeByHand()}>
          {t('workflow.conflict.merge')}
        </button>
        <button type="button" disabled={busy} onClick={onClose}>
          {t('workflow.conflict.later')}
        </button>
      </div>
      <p className="field-hint">{t('workflow.conflict.hint')}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </dialog>
  );
}
