import { Plugin, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { keymap } from 'prosemirror-keymap';
import { leadMediaId } from '../../../../shared/media';
import { nodes } from '../types';
import { figureMediaIds, moveSelectedFigure } from './commands';
import type { FigureDeps } from './deps';
import { importFilesAt } from './import-files';
import { figureKey, type FigureAction, type FigurePluginState, type LeadSpec } from './state';

/**
 * The figure plugin: drop and paste of image files, upload placeholders with progress,
 * Alt-↑/Alt-↓ to move a figure, and the lead-image marker. The lead image is the desk's
 * choice (article metadata, loaded once) or else the first figure; the marker is a node
 * decoration, so every figure view learns about it through its normal update.
 */

function decorate(state: Pick<EditorState, 'doc'>, featured: string | null, uploads: FigurePluginState['uploads']): DecorationSet {
  const decorations: Decoration[] = [];
  const lead = leadMediaId(featured, figureMediaIds(state.doc));
  if (lead) {
    let pos = state.doc.child(0).nodeSize + state.doc.child(1).nodeSize + 1;
    const body = state.doc.child(2);
    for (let i = 0; i < body.childCount; i++) {
      const block = body.child(i);
      if (block.type === nodes.figure && block.attrs.mediaId === lead) {
        const spec: LeadSpec = { leadImage: true, explicit: featured === lead };
        decorations.push(Decoration.node(pos, pos + block.nodeSize, { class: 'nr-figure--lead' }, spec));
        break;
      }
      pos += block.nodeSize;
    }
  }
  for (const upload of uploads) decorations.push(Decoration.widget(upload.pos, upload.dom, { key: `upload-${upload.id}`, side: 1, ignoreSelection: true }));
  return DecorationSet.create(state.doc, decorations);
}

/** Image files in a clipboard or drop; nothing when text came along (Word also puts a picture of the selection on the clipboard). */
export function imageFilesOf(data: DataTransfer | null, mode: 'paste' | 'drop'): File[] {
  if (!data) return [];
  if (mode === 'paste' && data.getData('text/plain').trim()) return [];
  return Array.from(data.files);
}

export function figurePlugin(deps: FigureDeps): Plugin<FigurePluginState> {
  return new Plugin<FigurePluginState>({
    key: figureKey,
    state: {
      init: (_config, state) => ({ featured: null, uploads: [], decorations: decorate(state, null, []) }),
      apply(tr: Transaction, value: FigurePluginState, _old, state): FigurePluginState {
        const action = tr.getMeta(figureKey) as FigureAction | undefined;
        let { featured, uploads } = value;
        let changed = tr.docChanged;
        if (tr.docChanged) uploads = uploads.map((u) => ({ ...u, pos: tr.mapping.map(u.pos, 1) }));
        if (action?.type === 'featured') {
          featured = action.mediaId;
          changed = true;
        } else if (action?.type === 'upload-start') {
          uploads = [...uploads, { id: action.id, pos: action.pos, dom: action.dom }];
          changed = true;
        } else if (action?.type === 'upload-end') {
          uploads = uploads.filter((u) => u.id !== action.id);
          changed = true;
        }
        if (!changed) return value;
        return { featured, uploads, decorations: decorate(state, featured, uploads) };
      },
    },
    props: {
      decorations: (state) => figureKey.getState(state)?.decorations,

      handleDrop(view, event, _slice, moved) {
        if (moved) return false;
        const files = imageFilesOf((event as DragEvent).dataTransfer, 'drop');
        if (!files.length) return false;
        event.preventDefault();
        const at = view.posAtCoords({ left: (event as DragEvent).clientX, top: (event as DragEvent).clientY });
        void importFilesAt(view, files, at ? at.pos : view.state.selection.from, 'drop', deps);
        return true;
      },

      handlePaste(view, event) {
        if (view.composing) return false;
        const files = imageFilesOf(event.clipboardData, 'paste');
        if (!files.length) return false;
        event.preventDefault();
        void importFilesAt(view, files, view.state.selection.from, 'caret', deps);
        return true;
      },
    },
    view(view: EditorView) {
      let destroyed = false;
      // The lead image lives in the article's metadata, not the document.
      deps.client
        .getArticle({ id: deps.articleId })
        .then((article) => {
          if (destroyed || view.isDestroyed) return;
          const mediaId = article.meta.featuredMediaId ?? null;
          if (mediaId) view.dispatch(view.state.tr.setMeta(figureKey, { type: 'featured', mediaId } satisfies FigureAction).setMeta('addToHistory', false));
        })
        .catch(() => {
          // Without the metadata the first figure is shown as lead; nothing is lost.
        });
      return {
        destroy() {
          destroyed = true;
        },
      };
    },
  });
}

/** Alt-↑ / Alt-↓ move the figure that holds the selection. */
export function figureKeymap(): Plugin {
  return keymap({ 'Alt-ArrowUp': moveSelectedFigure(-1), 'Alt-ArrowDown': moveSelectedFigure(1) });
}

/** Tell the editor the lead image changed (after the core stored it). */
export function setFeaturedInView(view: EditorView, mediaId: string | null): void {
  view.dispatch(view.state.tr.setMeta(figureKey, { type: 'featured', mediaId } satisfies FigureAction).setMeta('addToHistory', false));
}
