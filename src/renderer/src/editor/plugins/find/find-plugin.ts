import { Plugin, PluginKey, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { nfc } from '../../../../../shared/text';
import { isolateStep } from '../history-boundary';
import { findMatches, type Match } from './search';

export interface FindState {
  open: boolean;
  query: string;
  ignoreMarks: boolean;
  matches: Match[];
  /** Index of the current match in `matches`, -1 when none. */
  current: number;
  /** Bumped by Mod-F so the panel focuses its field even when already open. */
  focusRequest: number;
}

type FindAction = { open?: boolean; query?: string; ignoreMarks?: boolean; current?: number; focus?: boolean };

export const findKey = new PluginKey<FindState>('find');

/** Highlight colours (inline, so the feature needs no stylesheet of its own). */
const MATCH_STYLE = 'background:var(--mark-bg);border-radius:2px;';
const CURRENT_STYLE = 'background:#f59e0b;color:#111;border-radius:2px;';

const CLOSED: FindState = { open: false, query: '', ignoreMarks: false, matches: [], current: -1, focusRequest: 0 };

function nearestMatch(matches: Match[], pos: number): number {
  if (!matches.length) return -1;
  const i = matches.findIndex((m) => m.from >= pos);
  return i < 0 ? 0 : i;
}

/**
 * Find and replace state: the query, options and matches (recomputed when the
 * document or query changes, only while a query is set) and decorations that
 * highlight them. The panel (find-panel.ts) drives it through the commands below.
 */
export function findStatePlugin(): Plugin<FindState> {
  return new Plugin<FindState>({
    key: findKey,
    state: {
      init: () => CLOSED,
      apply(tr, prev, _old, state): FindState {
        const action = tr.getMeta(findKey) as FindAction | undefined;
        if (!action && !tr.docChanged) return prev;
        const next: FindState = { ...prev };
        if (action?.open !== undefined) next.open = action.open;
        if (action?.query !== undefined) next.query = action.query;
        if (action?.ignoreMarks !== undefined) next.ignoreMarks = action.ignoreMarks;
        if (action?.focus) next.focusRequest = prev.focusRequest + 1;
        const searchChanged = action?.query !== undefined || action?.ignoreMarks !== undefined || (action?.open !== undefined && action.open !== prev.open);
        if (searchChanged || tr.docChanged) {
          next.matches = next.open && next.query ? findMatches(state.doc, next.query, { ignoreMarks: next.ignoreMarks }) : [];
          if (action?.current !== undefined) next.current = action.current;
          else if (searchChanged) next.current = nearestMatch(next.matches, state.selection.from);
          else next.current = Math.min(prev.current, next.matches.length - 1);
        } else if (action?.current !== undefined) next.current = action.current;
        return next;
      },
    },
    props: {
      decorations(state) {
        const find = findKey.getState(state);
        if (!find?.open || !find.matches.length) return null;
        return DecorationSet.create(
          state.doc,
          // Other decorations (proofing underlines) may split a match into several spans;
          // `data-find-match` names the match each span belongs to.
          find.matches.map((m, i) =>
            Decoration.inline(
              m.from,
              m.to,
              i === find.current
                ? { class: 'nr-find-match nr-find-current', style: CURRENT_STYLE, 'data-find-match': String(i) }
                : { class: 'nr-find-match', style: MATCH_STYLE, 'data-find-match': String(i) },
            ),
          ),
        );
      },
    },
  });
}

export function getFindState(state: EditorState): FindState {
  return findKey.getState(state) ?? CLOSED;
}

export function findAction(tr: Transaction, action: FindAction): Transaction {
  return tr.setMeta(findKey, action).setMeta('addToHistory', false);
}

/** Mod-F: open the panel, prefilled with the selected text when it is short. */
export const openFind: Command = (state, dispatch) => {
  if (dispatch) {
    const { from, to, empty } = state.selection;
    const selected = empty ? '' : state.doc.textBetween(from, to, ' ');
    const action: FindAction = { open: true, focus: true };
    if (selected && selected.length <= 200 && !selected.includes('\n')) action.query = selected;
    dispatch(findAction(state.tr, action));
  }
  return true;
};

export const closeFind: Command = (state, dispatch) => {
  if (!getFindState(state).open) return false;
  if (dispatch) dispatch(findAction(state.tr, { open: false }));
  return true;
};

/** Select match `index` and scroll it into view. */
function goTo(index: number): Command {
  return (state, dispatch) => {
    const { matches } = getFindState(state);
    if (!matches.length) return false;
    const i = ((index % matches.length) + matches.length) % matches.length;
    const m = matches[i]!;
    if (dispatch) dispatch(findAction(state.tr.setSelection(TextSelection.create(state.doc, m.from, m.to)), { current: i }).scrollIntoView());
    return true;
  };
}

export const findNext: Command = (state, dispatch, view) => {
  const { current, matches } = getFindState(state);
  if (!matches.length) return false;
  const sel = state.selection;
  // Already on the current match → the next one; otherwise the first after the caret.
  const onCurrent = current >= 0 && matches[current]!.from === sel.from && matches[current]!.to === sel.to;
  return goTo(onCurrent ? current + 1 : nearestMatch(matches, sel.to))(state, dispatch, view);
};

export const findPrevious: Command = (state, dispatch, view) => {
  const { current, matches } = getFindState(state);
  if (!matches.length) return false;
  const sel = state.selection;
  const onCurrent = current >= 0 && matches[current]!.from === sel.from && matches[current]!.to === sel.to;
  let i = onCurrent ? current - 1 : matches.findLastIndex((m) => m.to <= sel.from);
  if (i < 0 && !onCurrent) i = matches.length - 1;
  return goTo(i)(state, dispatch, view);
};

/** Replace the current match and move to the next. */
export function replaceCurrent(replacement: string): Command {
  return (state, dispatch) => {
    const { current, matches } = getFindState(state);
    const m = matches[current];
    if (!m) return false;
    if (dispatch) {
      const tr = state.tr.insertText(nfc(replacement), m.from, m.to);
      const after = tr.mapping.map(m.to);
      tr.setSelection(TextSelection.create(tr.doc, after));
      dispatch(findAction(tr, { current: -1 }).setMeta('addToHistory', true).scrollIntoView());
    }
    return true;
  };
}

/** Replace every match in one transaction: one undo step takes all of them back. */
export function replaceAll(replacement: string): Command {
  return (state, dispatch) => {
    const { matches } = getFindState(state);
    if (!matches.length) return false;
    if (dispatch) {
      const text = nfc(replacement);
      const tr = state.tr;
      for (let i = matches.length - 1; i >= 0; i--) tr.insertText(text, matches[i]!.from, matches[i]!.to);
      dispatch(isolateStep(tr).setMeta(findKey, { current: -1 }));
    }
    return true;
  };
}
