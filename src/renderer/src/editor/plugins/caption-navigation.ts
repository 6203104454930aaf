import { TextSelection, type Command } from 'prosemirror-state';

/**
 * Tab moves from a figure's caption to its credit, Shift-Tab back from the credit
 * to the caption, so a photo's text is filled in without the mouse. Anywhere else
 * the commands do nothing and Tab falls through to the list commands.
 */
function moveWithinFigure(from: 'caption' | 'credit'): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if ($from.parent.type.name !== from || $from.depth < 1 || $from.node(-1).type.name !== 'figure') return false;
    const figureStart = $from.before(-1);
    const figure = $from.node(-1);
    const caption = figure.child(0);
    // Inside the figure: caption starts at figureStart + 1, credit right after the caption.
    const target = from === 'caption' ? figureStart + 1 + caption.nodeSize + 1 : figureStart + 2;
    const end = from === 'caption' ? target + figure.child(1).content.size : target + caption.content.size;
    if (dispatch) dispatch(state.tr.setSelection(TextSelection.create(state.doc, target, end)).scrollIntoView());
    return true;
  };
}

/** Tab in a caption: select the credit's text (typing replaces it, as in a form). */
export const captionToCredit = moveWithinFigure('caption');
/** Shift-Tab in a credit: back to the caption. */
export const creditToCaption = moveWithinFigure('credit');
