import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Node as PMNode } from 'prosemirror-model';
import { countWords } from '../../../shared/text';
import type { EditorController } from '../editor/controller';
import type { ArticleSession } from './session';
import { reasonFor } from '../api/error-text';
import { formatClock } from './time';

/** Word count the way the store counts it: every part of the article, in "chữ". */
export function documentWordCount(doc: PMNode): number {
  return countWords(doc.textBetween(0, doc.content.size, ' ', ' '));
}

/** Counting a long article costs a few milliseconds: do it after typing pauses, not on every key. */
const COUNT_DELAY_MS = 250;

function useWordCount(controller: EditorController): number {
  const [count, setCount] = useState(() => documentWordCount(controller.getState().doc));
  useEffect(() => {
    setCount(documentWordCount(controller.getState().doc));
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = controller.onDocChange(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => setCount(documentWordCount(controller.getState().doc)), COUNT_DELAY_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [controller]);
  return count;
}

/** Save state and word count, below the editor. The save state is announced politely to screen readers. */
export function StatusBar({ controller, session, onResolveConflict }: { controller: EditorController; session: ArticleSession; onResolveConflict(): void }) {
  const { t } = useTranslation();
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const words = useWordCount(controller);
  const suggesting = useSyncExternalStore(controller.subscribe, () => controller.suggesting);
  const target = snapshot.meta.lengthTarget.max;
  const save = snapshot.save;
  let saveText: string;
  switch (save.kind) {
    case 'saved':
      saveText = t('save.saved', { time: formatClock(save.at) });
      break;
    case 'saving':
      saveText = t('save.saving');
      break;
    case 'pending':
      saveText = t('save.pending');
      break;
    case 'failed':
      saveText = t('save.failed', { reason: save.error.code === 'conflict' ? t('save.conflict') : reasonFor(save.error, t) });
  }
  const over = target !== undefined && words > target;
  return (
    <footer className="status-bar" aria-label={t('statusBar.label')}>
      <span className={`save-state save-${save.kind}`} role="status" aria-live="polite" data-testid="save-state">
        {saveText}
      </span>
      {suggesting && (
        <span className="suggest-state" role="status">
          {t('suggest.on')}
        </span>
      )}
      {save.kind === 'failed' && (
        <span className="save-actions">
          {save.error.code === 'conflict' ? (
            <button type="button" className="link-button" onClick={onResolveConflict}>
              {t('workflow.conflict.resolve')}
            </button>
          ) : (
            <button type="button" className="link-button" onClick={() => void session.flush()}>
              {t('save.retry')}
            </button>
          )}
        </span>
      )}
      <span className={`word-count${over ? ' over' : ''}`} data-testid="word-count">
        {target !== undefined ? t('statusBar.wordsOfTarget', { count: words, target }) : t('statusBar.words', { count: words })}
      </span>
    </footer>
  );
}
