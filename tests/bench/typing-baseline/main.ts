/// <reference lib="dom" />
/**
 * The typing bench's baseline: a bare ProseMirror editor (the article schema,
 * history and the base keymap, nothing else) with the same stylesheet as the
 * app's editor, so both measure the same text layout.
 */
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { Node as PMNode } from 'prosemirror-model';
import { history, undo, redo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import 'prosemirror-view/style/prosemirror.css';
import '../../../src/renderer/src/styles/editor.css';
import './baseline.css';
import { schema } from '../../../src/shared/schema';

declare global {
  interface Window {
    mountBare(docJSON: unknown): void;
  }
}

window.mountBare = (docJSON) => {
  const state = EditorState.create({
    doc: PMNode.fromJSON(schema, docJSON),
    plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Shift-Mod-z': redo }), keymap(baseKeymap)],
  });
  new EditorView(document.getElementById('editor')!, { state, attributes: { class: 'nr-editor' } });
};
