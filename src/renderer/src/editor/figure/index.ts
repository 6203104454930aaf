import './figure.css';
import type { Plugin } from 'prosemirror-state';
import type { EditorView, NodeViewConstructor } from 'prosemirror-view';
import type { EditorContext } from '../context';
import { figureDeps } from './deps';
import { figureKeymap, figurePlugin } from './figure-plugin';
import { importFilesAt } from './import-files';
import { figureNodeView } from './node-view';
import { pickImageFiles } from './picker';

/**
 * Photos in the editor. `setup.ts` picks these up: the figure node view, and the
 * plugins for drop/paste of image files, upload progress, moving figures by keyboard
 * and the lead-image marker.
 */
export function createFigureNodeView(context: EditorContext): NodeViewConstructor {
  return figureNodeView(figureDeps(context));
}

export function createFigurePlugins(context: EditorContext): Plugin[] {
  return [figurePlugin(figureDeps(context)), figureKeymap()];
}

/**
 * Toolbar/menu command "Insert photo…": choose one or many image files and insert them
 * as figures after the block holding the caret. Resolves with the number inserted.
 */
export async function insertPhotosFromPicker(view: EditorView, context: EditorContext): Promise<number> {
  const files = await pickImageFiles({ multiple: true, title: context.t('figure.insert') });
  if (!files.length || view.isDestroyed) return 0;
  return importFilesAt(view, files, view.state.selection.from, 'caret', figureDeps(context));
}

export { mediaUrl } from './media-url';
export { uploadImage } from './upload';
