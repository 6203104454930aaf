import { TextSelection } from 'prosemirror-state';
import type { Anchor } from '../../../../shared/review/model';
import { createAnchor } from '../../../../shared/review/anchors';
import type { EditorController } from '../../editor/controller';

/**
 * How review lists reach into the editor: read the selection to comment on, and
 * show an item's text. Only the controller's public API is used; ProseMirror's
 * DOM is read (for scrolling and an outline), never changed.
 */

/** The text selected in the editor, as the anchor a new comment or suggestion would get. */
export interface EditorTarget {
  from: number;
  to: number;
  text: string;
  anchor: Anchor;
}

/** The editor's selection, or null when nothing but spaces is selected (a comment needs text). */
export function editorSelection(editor: EditorController | null): EditorTarget | null {
  const state = editor?.getState();
  if (!state || state.selection.empty) return null;
  const { from, to } = state.selection;
  const text = state.doc.textBetween(from, to, ' ', ' ');
  if (!text.trim()) return null;
  return { from, to, text, anchor: createAnchor(state.doc, from, to) };
}

/** Name of the CSS custom highlight that outlines an item's text while the editor is not focused. */
export const TARGET_HIGHLIGHT = 'review-target';

/** Margin kept above shown text, so it does not sit under the window's edge. */
const SCROLL_MARGIN = 48;

/**
 * Select `range` in the editor and bring it into view. With `focus`, the editor
 * takes the keyboard (the Review view's "go to text"); without, focus stays where
 * it is (the pane) and the text is outlined until the editor changes, since a
 * browser draws no selection in an unfocused editor.
 */
export function showInEditor(editor: EditorController, range: { from: number; to: number }, options: { focus: boolean }): boolean {
  const size = editor.getState().doc.content.size;
  if (range.from < 0 || range.to > size || range.from > range.to) return false;
  const done = editor.run((state, dispatch) => {
    dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, range.from, range.to)).scrollIntoView());
    return true;
  }, options.focus);
  if (!done || options.focus) return done;
  const view = editor.editorView;
  if (!view) return done;
  scrollToPosition(view.dom, view.coordsAtPos(range.from));
  outline(editor, range);
  return done;
}

function scrollToPosition(editorDom: HTMLElement, at: { top: number; bottom: number }): void {
  const scroller = editorDom.closest<HTMLElement>('.editor-scroll');
  if (!scroller) return;
  const box = scroller.getBoundingClientRect();
  if (at.top >= box.top + SCROLL_MARGIN && at.bottom <= box.bottom - SCROLL_MARGIN) return;
  scroller.scrollTo({ top: scroller.scrollTop + at.top - box.top - box.height / 3 });
}

let clearOutline: (() => void) | null = null;

/** Outline the range with the CSS Custom Highlight API; cleared on the editor's next change or focus. */
function outline(editor: EditorController, range: { from: number; to: number }): void {
  clearOutline?.();
  const view = editor.editorView;
  if (!view || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  const draw = (): boolean => {
    const start = view.domAtPos(range.from);
    const end = view.domAtPos(range.to);
    const dom = new Range();
    try {
      dom.setStart(start.node, start.offset);
      dom.setEnd(end.node, end.offset);
    } catch {
      return false;
    }
    CSS.highlights.set(TARGET_HIGHLIGHT, new Highlight(dom));
    return true;
  };
  if (!draw()) return;
  const shown = editor.getState();
  // Only an edit or a new selection ends the outline. A transaction that changes neither
  // (proofing findings arriving, a highlight redrawn) may redraw the text's DOM, so the
  // outline is drawn again over the new nodes.
  const offState = editor.subscribe(() => {
    const now = editor.getState();
    if (now.doc !== shown.doc || !now.selection.eq(shown.selection)) clear();
    else if (now !== shown) draw();
  });
  const onFocus = () => clear();
  view.dom.addEventListener('focus', onFocus);
  const clear = () => {
    CSS.highlights.delete(TARGET_HIGHLIGHT);
    offState();
    view.dom.removeEventListener('focus', onFocus);
    if (clearOutline === clear) clearOutline = null;
  };
  clearOutline = clear;
}
