import { Plugin, PluginKey, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { AddMarkStep, RemoveMarkStep, ReplaceStep, Transform, type Step } from 'prosemirror-transform';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';
import { ChangeSet } from 'prosemirror-changeset';

/**
 * Suggest mode ("tracked changes" as you type).
 *
 * While it is on, the editor applies edits locally so typing, IME composition and
 * the caret behave exactly as usual, but nothing of it is committed: the article
 * keeps the document it had when suggest mode began (`base`), and every step since
 * is kept here. Autosave and the recovery journal store `committedDoc(state)`,
 * i.e. the base. {@link SuggestSync} turns the steps into stored suggestions with
 * `proposeFromTransform`; leaving the mode reverts the local edits, after which the
 * stored suggestions show in the author's colour like anyone else's.
 *
 * Undo inside suggest mode takes back suggested edits (own stack, grouped like the
 * history plugin's); the article's history never sees them, so undo outside the
 * mode can never replay a suggestion as a direct edit.
 */

/** Edits closer together than this form one undo step (the history plugin uses the same). */
const GROUP_DELAY_MS = 700;

export interface SuggestAuthor {
  id: string;
  name: string;
  color: string;
}

export interface SuggestState {
  active: boolean;
  author: SuggestAuthor | null;
  /** The committed document: what the article holds while suggesting. */
  base: PMNode | null;
  /** Every suggested step since `base`, in order. */
  steps: readonly Step[];
  /** Indices into `steps` where undo groups start. */
  groups: readonly number[];
  /** Groups taken back by undo, most recent last, for redo. */
  undone: readonly (readonly Step[])[];
  lastChange: number;
  /** Ids of the stored suggestions that currently represent `steps` (hidden from the highlights while active). */
  storedIds: readonly string[];
  /** What changed from base to the current document (prosemirror-changeset), for the live marks. */
  changes: ChangeSet | null;
  formats: readonly { from: number; to: number }[];
  decorations: DecorationSet;
}

type SuggestAction =
  | { type: 'start'; author: SuggestAuthor }
  | { type: 'stop' }
  | { type: 'stored'; ids: readonly string[] }
  | { type: 'undo'; keep: number; group: readonly Step[] }
  | { type: 'redo' };

export const suggestKey = new PluginKey<SuggestState>('suggest');

const INACTIVE: SuggestState = {
  active: false,
  author: null,
  base: null,
  steps: [],
  groups: [],
  undone: [],
  lastChange: 0,
  storedIds: [],
  changes: null,
  formats: [],
  decorations: DecorationSet.empty,
};

/** The document the article holds: the base while suggesting, else the editor's document. */
export function committedDoc(state: EditorState): PMNode {
  const s = suggestKey.getState(state);
  return s?.active && s.base ? s.base : state.doc;
}

export function isSuggesting(state: EditorState): boolean {
  return !!suggestKey.getState(state)?.active;
}

/** Steps a suggestion can express: text and structure replaced, formatting added or removed. */
export function canSuggestStep(step: Step): boolean {
  return step instanceof ReplaceStep || step instanceof AddMarkStep || step instanceof RemoveMarkStep;
}

/** A transaction that begins suggest mode (on an unchanged document). */
export function startSuggestingTr(state: EditorState, author: SuggestAuthor): Transaction {
  return state.tr.setMeta(suggestKey, { type: 'start', author } satisfies SuggestAction).setMeta('addToHistory', false);
}

/** Replay `steps` from `base`, keeping the document before each step (to invert them). */
function replay(base: PMNode, steps: readonly Step[]): Transform {
  const t = new Transform(base);
  for (const step of steps) t.step(step);
  return t;
}

/** Append to `tr` the inverses of `steps[from..]` (the doc is then as it was after `steps[from - 1]`). */
function revertSteps(tr: Transaction, base: PMNode, steps: readonly Step[], from: number): void {
  const t = replay(base, steps);
  for (let i = steps.length - 1; i >= from; i--) tr.step(t.steps[i]!.invert(t.docs[i]!));
}

/** A transaction that takes back every suggested edit and leaves suggest mode. */
export function stopSuggestingTr(state: EditorState): Transaction {
  const s = suggestKey.getState(state)!;
  const tr = state.tr;
  if (s.base) revertSteps(tr, s.base, s.steps, 0);
  return tr.setMeta(suggestKey, { type: 'stop' } satisfies SuggestAction).setMeta('addToHistory', false);
}

/** Record which stored suggestions now stand for the local steps. */
export function storedTr(state: EditorState, ids: readonly string[]): Transaction {
  return state.tr.setMeta(suggestKey, { type: 'stored', ids } satisfies SuggestAction).setMeta('addToHistory', false);
}

/** Undo in suggest mode: take back the last group of suggested edits. False when not suggesting. */
export const suggestUndo: Command = (state, dispatch) => {
  const s = suggestKey.getState(state);
  if (!s?.active || !s.base) return false;
  if (!s.groups.length) return true; // nothing suggested yet: never fall through to the article's history
  const keep = s.groups[s.groups.length - 1]!;
  if (dispatch) {
    const tr = state.tr;
    revertSteps(tr, s.base, s.steps, keep);
    dispatch(tr.setMeta(suggestKey, { type: 'undo', keep, group: s.steps.slice(keep) } satisfies SuggestAction).setMeta('addToHistory', false).scrollIntoView());
  }
  return true;
};

/** Redo in suggest mode. False when not suggesting. */
export const suggestRedo: Command = (state, dispatch) => {
  const s = suggestKey.getState(state);
  if (!s?.active) return false;
  const group = s.undone[s.undone.length - 1];
  if (!group) return true;
  if (dispatch) {
    const tr = state.tr;
    for (const step of group) if (tr.maybeStep(step).failed) return true;
    dispatch(tr.setMeta(suggestKey, { type: 'redo' } satisfies SuggestAction).setMeta('addToHistory', false).scrollIntoView());
  }
  return true;
};

interface Range {
  from: number;
  to: number;
}

/** Ranges (in `tr.doc`) that mark steps of `tr` reformatted; they move no text, so changeset does not see them. */
function formattedRanges(tr: Transform, fromStep = 0): Range[] {
  const ranges: Range[] = [];
  for (let i = fromStep; i < tr.steps.length; i++) {
    const step = tr.steps[i]!;
    if (!(step instanceof AddMarkStep || step instanceof RemoveMarkStep)) continue;
    const after = tr.mapping.slice(i + 1);
    const from = after.map(step.from, 1);
    const to = after.map(step.to, -1);
    if (to > from) ranges.push({ from, to });
  }
  return ranges;
}

/**
 * Text a suggestion adds or removes that is not in the document shown, drawn as
 * a widget in the author's colour (`--author`, see editor.css): `<ins>` for stored
 * insertions, `<del>` for text deleted while suggesting.
 */
export function suggestionText(tag: 'ins' | 'del', className: string, text: string, author: { color: string; name: string }, suggestionId?: string): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  el.style.setProperty('--author', author.color);
  el.title = author.name;
  if (suggestionId) el.dataset.suggestion = suggestionId;
  el.textContent = text;
  return el;
}

/**
 * Live marks of the suggested edits: inserted text underlined in the author's
 * colour, deleted text kept visible (struck through) where it was, reformatted
 * text outlined.
 */
function liveDecorations(base: PMNode, changes: ChangeSet, formats: readonly Range[], doc: PMNode, author: SuggestAuthor): DecorationSet {
  const decorations: Decoration[] = [];
  const title = author.name;
  for (const change of changes.changes) {
    if (change.toB > change.fromB) {
      decorations.push(Decoration.inline(change.fromB, change.toB, { class: 'suggest-live-insert', style: `--author: ${author.color}`, title }));
    }
    if (change.toA > change.fromA) {
      const removed = base.textBetween(change.fromA, change.toA, ' ¶ ', ' ');
      if (!removed) continue;
      decorations.push(
        Decoration.widget(change.fromB, () => suggestionText('del', 'suggest-live-delete', removed, author), {
          side: -1,
          key: `del-${change.fromA}-${removed}`,
          ignoreSelection: true,
          marks: [],
        }),
      );
    }
  }
  for (const r of formats) decorations.push(Decoration.inline(r.from, r.to, { class: 'suggest-live-format', style: `--author: ${author.color}`, title }));
  return DecorationSet.create(doc, decorations);
}

/** State after the suggested steps changed other than by appending (undo, redo): recomputed from the base. */
function recomputed(s: SuggestState, steps: readonly Step[], doc: PMNode, extra: Partial<SuggestState>): SuggestState {
  const t = replay(s.base!, steps);
  const changes = ChangeSet.create(s.base!).addSteps(t.doc, t.mapping.maps, null);
  const formats = formattedRanges(t);
  return { ...s, ...extra, steps, changes, formats, decorations: liveDecorations(s.base!, changes, formats, doc, s.author!) };
}

function apply(tr: Transaction, s: SuggestState, doc: PMNode): SuggestState {
  const action = tr.getMeta(suggestKey) as SuggestAction | undefined;
  if (action?.type === 'start') return { ...INACTIVE, active: true, author: action.author, base: doc, changes: ChangeSet.create(doc) };
  if (action?.type === 'stop') return INACTIVE;
  if (!s.active || !s.base || !s.changes) return s;
  if (action?.type === 'stored') return { ...s, storedIds: action.ids };
  if (action?.type === 'undo') return recomputed(s, s.steps.slice(0, action.keep), doc, { groups: s.groups.slice(0, -1), undone: [...s.undone, action.group], lastChange: 0 });
  if (action?.type === 'redo') {
    const group = s.undone[s.undone.length - 1]!;
    return recomputed(s, [...s.steps, ...group], doc, { groups: [...s.groups, s.steps.length], undone: s.undone.slice(0, -1), lastChange: 0 });
  }
  if (!tr.docChanged) return s;
  // Text put back by the recovery journal before anything was suggested is the article's own text.
  if (tr.getMeta('recovery') && !s.steps.length) return { ...s, base: doc, changes: ChangeSet.create(doc) };
  const newGroup = !s.groups.length || tr.time - s.lastChange > GROUP_DELAY_MS || !!tr.getMeta('paste') || !!tr.getMeta('uiEvent');
  const changes = s.changes.addSteps(doc, tr.mapping.maps, null);
  const formats = [...s.formats.map((r) => ({ from: tr.mapping.map(r.from, 1), to: tr.mapping.map(r.to, -1) })).filter((r) => r.to > r.from), ...formattedRanges(tr)];
  return {
    ...s,
    steps: [...s.steps, ...tr.steps],
    groups: newGroup ? [...s.groups, s.steps.length] : s.groups,
    undone: [],
    lastChange: tr.time,
    changes,
    formats,
    decorations: liveDecorations(s.base, changes, formats, doc, s.author!),
  };
}

/**
 * The suggest-mode plugin: keeps the state above, shows the live marks, and
 * refuses edits a suggestion cannot express (changing a photo, wrapping text in a
 * list) with `onRefused`, so they never slip into the article directly.
 */
export function suggestPlugin(onRefused: () => void): Plugin<SuggestState> {
  return new Plugin<SuggestState>({
    key: suggestKey,
    state: {
      init: () => INACTIVE,
      apply: (tr, s, _old, next) => apply(tr, s, next.doc),
    },
    filterTransaction: (tr, state) => {
      if (!tr.docChanged || !isSuggesting(state) || tr.getMeta(suggestKey)) return true;
      if (!tr.steps.every(canSuggestStep)) {
        setTimeout(onRefused);
        return false;
      }
      // Suggested edits stay out of the article's history (this runs before the
      // history plugin sees the transaction): undo there must never replay one
      // as a direct edit. Suggest mode keeps its own undo.
      tr.setMeta('addToHistory', false);
      return true;
    },
    props: {
      decorations: (state) => suggestKey.getState(state)?.decorations,
      // The menu's Edit → Undo arrives as a beforeinput event the history plugin would take.
      handleDOMEvents: {
        beforeinput: (view, event) => {
          const command = event.inputType === 'historyUndo' ? suggestUndo : event.inputType === 'historyRedo' ? suggestRedo : null;
          if (!command || !command(view.state, view.dispatch)) return false;
          event.preventDefault();
          return true;
        },
      },
    },
  });
}
