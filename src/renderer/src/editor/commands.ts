import { chainCommands, lift, setBlockType, toggleMark, wrapIn } from 'prosemirror-commands';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import { undo, redo } from 'prosemirror-history';
import { Selection, TextSelection, type Command, type EditorState } from 'prosemirror-state';
import type { MarkType, NodeType, ResolvedPos } from 'prosemirror-model';
import { nodes as n, marks as m } from './types';
import { safeHref } from '../../../shared/links';
import { suggestRedo, suggestUndo } from './plugins/suggest/suggest-state';

/**
 * Editing commands of the article editor, shared by the keymap, the toolbar and
 * the menus. Each is a plain ProseMirror command: called without `dispatch` it
 * answers "would this apply here?", which drives the toolbar's disabled state.
 */


/** The top-level part (headline, lead, body, byline) the position is in, with its depth-1 index. */
export function partAt($pos: ResolvedPos): { name: string; index: number } | null {
  if ($pos.depth < 1) return null;
  return { name: $pos.node(1).type.name, index: $pos.index(0) };
}

/** Start of the first textblock inside the part at `index` of the doc. */
function startOfPart(state: EditorState, index: number): Selection | null {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += state.doc.child(i).nodeSize;
  if (index >= state.doc.childCount) return null;
  return Selection.findFrom(state.doc.resolve(pos + 1), 1, true) ?? null;
}

/** Enter in the headline moves to the lead; in the lead, to the start of the body. Never splits either. */
export const enterMovesToNextPart: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  const part = partAt($from);
  if (!part || (part.name !== 'headline' && part.name !== 'lead')) return false;
  const target = startOfPart(state, part.index + 1);
  if (!target) return false;
  if (dispatch) {
    const tr = empty ? state.tr : state.tr.deleteSelection();
    dispatch(tr.setSelection(TextSelection.near(tr.doc.resolve(target.from))).scrollIntoView());
  }
  return true;
};

/** Enter in a byline name starts another author name. */
export const enterAddsAuthor: Command = (state, dispatch) => {
  const { $from } = state.selection;
  if ($from.parent.type !== n.author) return false;
  if (dispatch) {
    const tr = state.tr.deleteSelection();
    dispatch(tr.split(tr.selection.from).scrollIntoView());
  }
  return true;
};

/**
 * Backspace at the very start of a part never merges it into the part before
 * (lead into headline, body into lead, first author into body). Inside the part,
 * a list item or quote at the start is lifted out and a subheading becomes a
 * paragraph, as in any word processor.
 */
export const backspaceAtPartStart: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  if (!empty || $from.parentOffset > 0) return false;
  const part = partAt($from);
  if (!part) return false;
  const partStart = $from.start(1);
  const firstTextblockInPart = Selection.findFrom(state.doc.resolve(partStart), 1, true);
  if (!firstTextblockInPart || firstTextblockInPart.from !== $from.pos) return false;
  if ($from.parent.type === n.heading) return setBlockType(n.paragraph)(state, dispatch);
  if ($from.node(-1).type === n.list_item) return liftListItem(n.list_item)(state, dispatch);
  if ($from.depth > 2 && $from.node(-1).type === n.blockquote) return lift(state, dispatch);
  return true; // Swallow the key: nothing to merge with.
};

/** Delete at the very end of a part never pulls the next part into it. */
export const deleteAtPartEnd: Command = (state) => {
  const { $from, empty } = state.selection;
  if (!empty || $from.parentOffset < $from.parent.content.size) return false;
  const part = partAt($from);
  if (!part) return false;
  const lastInPart = Selection.findFrom(state.doc.resolve($from.end(1)), -1, true);
  return !!lastInPart && lastInPart.to === $from.pos;
};

/** True when the mark is active over the selection (or in the stored marks at a cursor). */
export function isMarkActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

/** True when the selection sits in a textblock of this type (and attrs, when given). */
export function isBlockActive(state: EditorState, type: NodeType, attrs?: Record<string, unknown>): boolean {
  const { $from, to } = state.selection;
  if (to > $from.end()) return false;
  if ($from.parent.type !== type) return false;
  return !attrs || Object.entries(attrs).every(([k, v]) => $from.parent.attrs[k] === v);
}

/** True when an ancestor of the selection is of this type (lists, quotes). */
export function isWrappedIn(state: EditorState, type: NodeType): boolean {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) if ($from.node(d).type === type) return true;
  return false;
}

/** Commands only make sense in the body (lists, headings, quotes, rules). */
const inBody =
  (command: Command): Command =>
  (state, dispatch, view) =>
    partAt(state.selection.$from)?.name === 'body' && partAt(state.selection.$to)?.name === 'body' ? command(state, dispatch, view) : false;

/** Wrap in a list, or lift out of it when already in one of that kind. */
const toggleList = (type: NodeType): Command =>
  inBody((state, dispatch, view) => (isWrappedIn(state, type) ? liftListItem(n.list_item)(state, dispatch, view) : wrapInList(type)(state, dispatch, view)));

/** Toggle a subheading level back to a paragraph when it is already that level. */
const toggleHeading = (level: 2 | 3): Command =>
  inBody((state, dispatch, view) =>
    isBlockActive(state, n.heading, { level }) ? setBlockType(n.paragraph)(state, dispatch, view) : setBlockType(n.heading, { level })(state, dispatch, view),
  );

const toggleBlockquote: Command = inBody((state, dispatch, view) =>
  isWrappedIn(state, n.blockquote) ? lift(state, dispatch, view) : wrapIn(n.blockquote)(state, dispatch, view),
);

const insertHorizontalRule: Command = inBody((state, dispatch) => {
  const { $from } = state.selection;
  if ($from.depth !== 2) return false; // Only between top-level body blocks.
  if (dispatch) {
    const after = $from.after(2);
    const tr = state.tr.insert(after, [n.horizontal_rule.create(), n.paragraph.create()]);
    tr.setSelection(TextSelection.near(tr.doc.resolve(after + 2)));
    dispatch(tr.scrollIntoView());
  }
  return true;
});

/**
 * Set a link on the selection. Returns false (and changes nothing) for an href
 * that is not http, https or mailto, or when nothing is selected.
 */
export function setLink(href: string): Command {
  return (state, dispatch) => {
    const safe = safeHref(href.trim());
    const { from, to, empty } = state.selection;
    if (!safe || empty || !canLinkHere(state)) return false;
    if (dispatch) dispatch(state.tr.removeMark(from, to, m.link).addMark(from, to, m.link.create({ href: safe })).scrollIntoView());
    return true;
  };
}

/** Remove links from the selection, or from the whole link around the cursor. */
export const removeLink: Command = (state, dispatch) => {
  const { from, to, empty, $from } = state.selection;
  if (!empty) {
    if (!state.doc.rangeHasMark(from, to, m.link)) return false;
    if (dispatch) dispatch(state.tr.removeMark(from, to, m.link));
    return true;
  }
  const range = linkRangeAt($from);
  if (!range) return false;
  if (dispatch) dispatch(state.tr.removeMark(range.from, range.to, m.link));
  return true;
};

/** The extent and href of the link the cursor is in, if any. */
export function linkRangeAt($pos: ResolvedPos): { from: number; to: number; href: string } | null {
  const parent = $pos.parent;
  const index = $pos.index();
  const child = parent.maybeChild(index) ?? parent.maybeChild(index - 1);
  const mark = child && m.link.isInSet(child.marks);
  if (!mark) return null;
  let startIndex = index < parent.childCount && m.link.isInSet(parent.child(index).marks) === mark ? index : index - 1;
  let endIndex = startIndex + 1;
  while (startIndex > 0 && mark.isInSet(parent.child(startIndex - 1).marks)) startIndex--;
  while (endIndex < parent.childCount && mark.isInSet(parent.child(endIndex).marks)) endIndex++;
  let from = $pos.start();
  for (let i = 0; i < startIndex; i++) from += parent.child(i).nodeSize;
  let to = from;
  for (let i = startIndex; i < endIndex; i++) to += parent.child(i).nodeSize;
  return { from, to, href: mark.attrs.href as string };
}

/** Links live where marks are allowed (lead, body, captions), not in the headline or names. */
export function canLinkHere(state: EditorState): boolean {
  const { $from, $to } = state.selection;
  return $from.parent.type.allowsMarkType(m.link) && $to.parent.type.allowsMarkType(m.link);
}

export const commands = {
  bold: toggleMark(m.strong),
  italic: toggleMark(m.em),
  paragraph: inBody(setBlockType(n.paragraph)),
  heading2: toggleHeading(2),
  heading3: toggleHeading(3),
  bulletList: toggleList(n.bullet_list),
  orderedList: toggleList(n.ordered_list),
  blockquote: toggleBlockquote,
  horizontalRule: insertHorizontalRule,
  removeLink,
  // Suggest mode keeps its own undo (see plugins/suggest); the article's history otherwise.
  undo: chainCommands(suggestUndo, undo),
  redo: chainCommands(suggestRedo, redo),
  splitListItem: splitListItem(n.list_item),
  sinkListItem: sinkListItem(n.list_item),
  liftListItem: liftListItem(n.list_item),
} satisfies Record<string, Command>;

export type CommandName = keyof typeof commands;
