/** Editor commands of proofing: apply a suggestion, apply every safe fix, open the popover, show the panel. */
import { closeHistory } from 'prosemirror-history';
import type { Command, EditorState } from 'prosemirror-state';
import { proofingKey, type PlacedFinding, type ProofingMeta } from './proofing-state';

const meta = (m: ProofingMeta) => m;

export function findingsOf(state: EditorState): PlacedFinding[] {
  return proofingKey.getState(state)?.findings ?? [];
}

export function openFinding(state: EditorState): { finding: PlacedFinding; choice: number } | null {
  const s = proofingKey.getState(state);
  const finding = s?.open ? s.findings.find((f) => f.key === s.open!.key) : undefined;
  return finding ? { finding, choice: s!.open!.choice } : null;
}

/** Replace the finding's text by `suggestion` (empty removes it), when the text is still there. */
export function applySuggestion(finding: PlacedFinding, suggestion: string): Command {
  return (state, dispatch) => {
    if (state.doc.textBetween(finding.from, finding.to, '', '\ufffc') !== finding.text) return false;
    if (dispatch) {
      const tr = suggestion ? state.tr.insertText(suggestion, finding.from, finding.to) : state.tr.delete(finding.from, finding.to);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** The first suggestion of each finding, as one undo step; overlapping findings keep only the first. */
function applyFirstSuggestions(pick: (f: PlacedFinding) => boolean): Command {
  return (state, dispatch) => {
    const chosen: PlacedFinding[] = [];
    for (const f of findingsOf(state)) if (pick(f) && f.suggestions.length > 0 && !chosen.some((c) => c.from < f.to && f.from < c.to)) chosen.push(f);
    if (!chosen.length) return false;
    if (dispatch) {
      const tr = closeHistory(state.tr);
      for (const f of [...chosen].sort((a, b) => b.from - a.from)) {
        const s = f.suggestions[0]!;
        if (s) tr.insertText(s, f.from, f.to);
        else tr.delete(f.from, f.to);
      }
      dispatch(closeHistory(tr));
    }
    return true;
  };
}

/** *Apply all safe fixes* of the panel. */
export const applySafeFixes: Command = applyFirstSuggestions((f) => f.safe);

/** Every finding of one rule fixed at once (the popover's *fix all in the article*, e.g. converting the tone placement). */
export const applyRuleFixes = (rule: string): Command => applyFirstSuggestions((f) => f.rule === rule);

/** Open the popover on the finding under the cursor (Alt+Enter). */
export const openAtCursor: Command = (state, dispatch) => {
  const { from } = state.selection;
  const finding = findingsOf(state).find((f) => f.from <= from && from <= f.to);
  if (!finding) return false;
  if (dispatch) dispatch(state.tr.setMeta(proofingKey, meta({ type: 'open', key: finding.key })));
  return true;
};

export const closePopover: Command = (state, dispatch) => {
  if (!proofingKey.getState(state)?.open) return false;
  if (dispatch) dispatch(state.tr.setMeta(proofingKey, meta({ type: 'open', key: null })));
  return true;
};

/** Up/Down in the open popover move between suggestions. */
export function moveChoice(delta: number): Command {
  return (state, dispatch) => {
    const open = openFinding(state);
    if (!open || open.finding.suggestions.length < 2) return !!open;
    const n = open.finding.suggestions.length;
    if (dispatch) dispatch(state.tr.setMeta(proofingKey, meta({ type: 'open', key: open.finding.key, choice: (open.choice + delta + n) % n })));
    return true;
  };
}

/** Enter in the open popover applies the chosen suggestion. */
export const applyChosen: Command = (state, dispatch) => {
  const open = openFinding(state);
  if (!open) return false;
  const suggestion = open.finding.suggestions[open.choice];
  if (suggestion === undefined) return closePopover(state, dispatch);
  return applySuggestion(open.finding, suggestion)(state, dispatch);
};

export const toggleProofingPanel: Command = (state, dispatch) => {
  if (dispatch) dispatch(state.tr.setMeta(proofingKey, meta({ type: 'panel', open: !proofingKey.getState(state)?.panelOpen })));
  return true;
};
