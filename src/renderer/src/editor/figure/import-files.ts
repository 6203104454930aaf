import type { EditorView } from 'prosemirror-view';
import { nodes } from '../types';
import { showEditorNotice } from '../plugins/notice';
import { createFigure, figureInsertPos, insertFigures } from './commands';
import type { FigureDeps } from './deps';
import { figureKey, type FigureAction } from './state';
import { uploadImage, type UploadProgress } from './upload';
import type { PickedImage } from './picker';
import { reasonFor } from '../../api/error-text';

let nextUploadId = 1;

/**
 * Import files as figures at a document position (the caret, or where they were
 * dropped). A placeholder with progress holds the spot while each photo travels and
 * is processed; each figure appears only once its photo is safely stored, so a refused
 * file never leaves a half-made figure. Typing goes on meanwhile: the spot is mapped
 * through every edit. Refusals are listed in one notice at the end.
 */
export async function importFilesAt(view: EditorView, files: PickedImage[], pos: number, mode: 'caret' | 'drop', deps: FigureDeps): Promise<number> {
  const { t } = deps;
  const id = nextUploadId++;
  const dom = document.createElement('div');
  dom.className = 'nr-figure-upload';
  dom.setAttribute('role', 'status');
  dom.setAttribute('aria-live', 'polite');
  dom.contentEditable = 'false';
  dom.dataset.testid = 'figure-upload';
  const bar = document.createElement('progress');
  bar.max = 1;
  const label = document.createElement('span');
  dom.append(bar, label);

  const start = figureInsertPos(view.state.doc, pos, mode);
  view.dispatch(view.state.tr.setMeta(figureKey, { type: 'upload-start', id, pos: start, dom } satisfies FigureAction).setMeta('addToHistory', false));

  const refused: string[] = [];
  let inserted = 0;
  for (const [index, file] of files.entries()) {
    const show = (progress: UploadProgress) => {
      const args = { index: index + 1, count: files.length, name: file.name || t('figure.pastedImage') };
      if (progress.phase === 'sending') {
        bar.value = progress.sent;
        label.textContent = t('figure.uploading', { ...args, percent: Math.round(progress.sent * 100) });
      } else {
        bar.removeAttribute('value');
        label.textContent = t('figure.processing', args);
      }
    };
    show({ phase: 'sending', sent: 0 });
    try {
      const imported = await uploadImage(deps.client, file, show);
      if (view.isDestroyed) return inserted;
      deps.media.prime(imported.media);
      const upload = figureKey.getState(view.state)?.uploads.find((u) => u.id === id);
      let at = upload?.pos ?? figureInsertPos(view.state.doc, view.state.selection.from);
      if (view.state.doc.resolve(at).parent.type !== nodes.body) at = figureInsertPos(view.state.doc, at);
      view.dispatch(insertFigures(view.state.tr, at, [createFigure(imported.media.id, imported.prefill)]));
      inserted++;
    } catch (err) {
      refused.push(reasonFor(err, t));
    }
  }
  if (!view.isDestroyed) {
    view.dispatch(view.state.tr.setMeta(figureKey, { type: 'upload-end', id } satisfies FigureAction).setMeta('addToHistory', false));
    if (refused.length) {
      showEditorNotice(view, t('figure.refused', { reasons: refused.join(' ') }), { testId: 'figure-refused', closeLabel: t('figure.close') });
    }
  }
  return inserted;
}
