import { NodeSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { Fragment, Slice, type Node as PMNode } from 'prosemirror-model';
import { dropPoint } from 'prosemirror-transform';
import { schema } from '../../../../shared/schema';
import { nfc, squashSpaces } from '../../../../shared/text';
import type { FigurePrefill } from '../../../../shared/media';
import { nodes } from '../types';

/**
 * Figure edits as plain ProseMirror transactions, so every one of them is a single
 * undo step and works the same from buttons, keys and tests. Figures live directly
 * in the body (the schema allows them nowhere else).
 */

/** A new figure node with its photo and prefilled caption/credit. Caption line breaks become spaces. */
export function createFigure(mediaId: string, prefill: FigurePrefill): PMNode {
  const caption = squashSpaces(nfc(prefill.caption));
  const credit = squashSpaces(nfc(prefill.credit));
  return nodes.figure.create({ mediaId, alt: squashSpaces(nfc(prefill.alt)) }, [
    schema.node('caption', null, caption ? [schema.text(caption)] : []),
    schema.node('credit', null, credit ? [schema.text(credit)] : []),
  ]);
}

/** Start of the body and its content range. */
function bodyRange(doc: PMNode): { start: number; end: number } {
  let start = 0;
  for (let i = 0; i < 2; i++) start += doc.child(i).nodeSize;
  const body = doc.child(2);
  return { start: start + 1, end: start + 1 + body.content.size };
}

/**
 * Where a figure goes for a position in the document: after the body block that holds
 * `pos`, or at the body's start when `pos` is in the headline or lead, or at its end
 * when it is in the byline. Drops use {@link dropPoint} so the figure lands where the
 * pointer is.
 */
export function figureInsertPos(doc: PMNode, pos: number, mode: 'caret' | 'drop' = 'caret'): number {
  const { start, end } = bodyRange(doc);
  if (pos < start) return start;
  if (pos > end) return end;
  if (mode === 'drop') {
    const probe = nodes.figure.create(null, [schema.node('caption'), schema.node('credit')]);
    const point = dropPoint(doc, pos, new Slice(Fragment.from(probe), 0, 0));
    if (point !== null && point >= start && point <= end && doc.resolve(point).parent.type === nodes.body) return point;
  }
  const $pos = doc.resolve(pos);
  // depth 1 is the body; the block at depth 2 is the top-level body child.
  if ($pos.depth < 2) return pos;
  return $pos.after(2);
}

/**
 * Insert figures at `pos` (already a body-level position), one after another. When the
 * figure goes right after an empty paragraph that held the caret, the empty paragraph
 * is replaced instead of leaving a blank line behind.
 */
export function insertFigures(tr: Transaction, pos: number, figures: PMNode[]): Transaction {
  if (!figures.length) return tr;
  const $pos = tr.doc.resolve(pos);
  const before = $pos.nodeBefore;
  let from = pos;
  if (before && before.type === nodes.paragraph && before.content.size === 0 && $pos.parent.type === nodes.body) from = pos - before.nodeSize;
  tr.replaceWith(from, pos, Fragment.fromArray(figures));
  const first = tr.doc.nodeAt(from);
  if (first) tr.setSelection(NodeSelection.create(tr.doc, from));
  return tr.scrollIntoView();
}

/** The figure that holds the selection (node-selected, or the caret in its caption/credit), with its position. */
export function selectedFigure(state: EditorState): { node: PMNode; pos: number } | null {
  const sel = state.selection;
  if (sel instanceof NodeSelection && sel.node.type === nodes.figure) return { node: sel.node, pos: sel.from };
  const $from = sel.$from;
  for (let d = $from.depth; d > 0; d--) {
    if ($from.node(d).type === nodes.figure) return { node: $from.node(d), pos: $from.before(d) };
  }
  return null;
}

function figureAt(state: EditorState, pos: number): PMNode | null {
  const node = state.doc.nodeAt(pos);
  return node && node.type === nodes.figure ? node : null;
}

/**
 * Move the figure at `pos` one block up (-1) or down (+1) through the body, keeping it
 * selected. A figure already first or last stays put (the command reports false).
 */
export function moveFigure(pos: number, direction: -1 | 1): Command {
  return (state, dispatch) => {
    const figure = figureAt(state, pos);
    if (!figure) return false;
    const $pos = state.doc.resolve(pos);
    if ($pos.parent.type !== nodes.body) return false;
    const index = $pos.index();
    const neighbourIndex = index + direction;
    if (neighbourIndex < 0 || neighbourIndex >= $pos.parent.childCount) return false;
    if (dispatch) {
      const neighbour = $pos.parent.child(neighbourIndex);
      const tr = state.tr;
      let target: number;
      if (direction === -1) {
        target = pos - neighbour.nodeSize;
        tr.delete(pos, pos + figure.nodeSize).insert(target, figure);
      } else {
        tr.delete(pos, pos + figure.nodeSize);
        target = pos + neighbour.nodeSize;
        tr.insert(target, figure);
      }
      tr.setSelection(NodeSelection.create(tr.doc, target)).scrollIntoView();
      dispatch(tr);
    }
    return true;
  };
}

/** Move the figure holding the selection (keyboard: Alt-↑ / Alt-↓). */
export function moveSelectedFigure(direction: -1 | 1): Command {
  return (state, dispatch, view) => {
    const found = selectedFigure(state);
    return found ? moveFigure(found.pos, direction)(state, dispatch, view) : false;
  };
}

/** Remove the figure at `pos` (undo brings it back). The body never ends up empty. */
export function removeFigure(pos: number): Command {
  return (state, dispatch) => {
    const figure = figureAt(state, pos);
    if (!figure) return false;
    if (dispatch) {
      const tr = state.tr.delete(pos, pos + figure.nodeSize);
      const body = tr.doc.child(2);
      if (body.childCount === 0) tr.insert(bodyRange(tr.doc).start, nodes.paragraph.create());
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/**
 * Point the figure at another photo, keeping caption, credit and alt text; empty ones
 * are filled from the new photo's metadata.
 */
export function replaceFigureImage(pos: number, mediaId: string, prefill: FigurePrefill): Command {
  return (state, dispatch) => {
    const figure = figureAt(state, pos);
    if (!figure) return false;
    if (dispatch) {
      const fresh = createFigure(mediaId, prefill);
      const caption = figure.child(0).content.size ? figure.child(0) : fresh.child(0);
      const credit = figure.child(1).content.size ? figure.child(1) : fresh.child(1);
      const alt = (figure.attrs.alt as string) || (fresh.attrs.alt as string);
      const replacement = nodes.figure.create({ mediaId, alt }, [caption, credit]);
      const tr = state.tr.replaceWith(pos, pos + figure.nodeSize, replacement);
      dispatch(tr.setSelection(NodeSelection.create(tr.doc, pos)));
    }
    return true;
  };
}

/** Set the alt text (NFC, single line). */
export function setFigureAlt(pos: number, alt: string): Command {
  return (state, dispatch) => {
    const figure = figureAt(state, pos);
    if (!figure) return false;
    const value = nfc(alt).replace(/[\r\n]+/g, ' ');
    if (value === figure.attrs.alt) return false;
    if (dispatch) dispatch(state.tr.setNodeAttribute(pos, 'alt', value));
    return true;
  };
}

/** Alt text from the caption, in one click. */
export function copyCaptionToAlt(pos: number): Command {
  return (state, dispatch, view) => {
    const figure = figureAt(state, pos);
    if (!figure) return false;
    const caption = squashSpaces(figure.child(0).textContent);
    if (!caption) return false;
    return setFigureAlt(pos, caption)(state, dispatch, view);
  };
}

/** Media ids of the body's figures, in document order. */
export function figureMediaIds(doc: PMNode): string[] {
  const ids: string[] = [];
  doc.child(2).forEach((block) => {
    if (block.type === nodes.figure && block.attrs.mediaId) ids.push(block.attrs.mediaId as string);
  });
  return ids;
}
