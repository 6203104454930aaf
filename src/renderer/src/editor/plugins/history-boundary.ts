import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { closeHistory } from 'prosemirror-history';

const key = new PluginKey<boolean>('historyBoundary');
const ISOLATE = 'isolateHistoryStep';

/**
 * Mark `tr` as a step of its own in the undo history: a paste, a replace-all, an
 * input rule. It starts a new undo event, and the next change (typing right after
 * the paste) starts another, so Mod-Z takes back exactly that step.
 */
export function isolateStep(tr: Transaction): Transaction {
  return closeHistory(tr).setMeta(ISOLATE, true);
}

/**
 * A follow-up of `first` (a paste inserted in several slices): it joins the same
 * undo event, and the change after it starts a new one.
 */
export function continueStep(tr: Transaction, first: Transaction): Transaction {
  return tr.setMeta('appendedTransaction', first).setMeta(ISOLATE, true);
}

/**
 * Closes the history group after an isolated step. prosemirror-history reads
 * `closeHistory` from the transaction's metadata when it applies it, so the flag
 * is set in `filterTransaction`, which runs before any plugin state is applied.
 */
export function historyBoundaryPlugin(): Plugin<boolean> {
  return new Plugin<boolean>({
    key,
    state: {
      init: () => false,
      apply(tr, closeNext) {
        if (tr.getMeta(ISOLATE)) return true;
        return tr.docChanged ? false : closeNext;
      },
    },
    filterTransaction(tr, state) {
      if (tr.docChanged && !tr.getMeta(ISOLATE) && key.getState(state)) closeHistory(tr);
      return true;
    },
  });
}
