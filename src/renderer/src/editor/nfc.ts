import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';
import { isNfc, nfc } from '../../../shared/text';

const key = new PluginKey('nfc');

/**
 * Keeps every text in the document NFC, whatever produced it (typing with an
 * IME that emits combining marks, paste, drop, plugins). After each change it
 * looks only at the text nodes in the changed ranges and rewrites the smallest
 * non-NFC span. It never touches the document while an IME composition is
 * running (that would cancel the composition); the composed text is normalised
 * once the composition ends.
 */
export function nfcPlugin(): Plugin {
  let view: EditorView | null = null;
  return new Plugin({
    key,
    view(v) {
      view = v;
      return { destroy: () => (view = null) };
    },
    appendTransaction(transactions, _old, state) {
      if (view?.composing) return null;
      if (!transactions.some((tr) => tr.docChanged)) return null;
      const ranges = changedRanges(transactions, state.doc.content.size);
      return normalizeRanges(state, ranges);
    },
    props: {
      handleDOMEvents: {
        compositionend(v) {
          // ProseMirror flushes the composed text after this event; normalise right after it.
          setTimeout(() => {
            if (v.isDestroyed || v.composing) return;
            const tr = normalizeRanges(v.state, [{ from: 0, to: v.state.doc.content.size }]);
            if (tr) v.dispatch(tr);
          }, 0);
          return false;
        },
      },
    },
  });
}

interface Range {
  from: number;
  to: number;
}

/** The ranges the transactions touched, mapped into the final document. */
function changedRanges(transactions: readonly Transaction[], size: number): Range[] {
  const ranges: Range[] = [];
  transactions.forEach((tr, i) => {
    if (!tr.docChanged) return;
    tr.mapping.maps.forEach((map, j) => {
      map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
        let from = newStart;
        let to = newEnd;
        // Map through the rest of this transaction's steps and the later transactions.
        for (let k = j + 1; k < tr.mapping.maps.length; k++) {
          from = tr.mapping.maps[k]!.map(from, -1);
          to = tr.mapping.maps[k]!.map(to, 1);
        }
        for (let t = i + 1; t < transactions.length; t++) {
          from = transactions[t]!.mapping.map(from, -1);
          to = transactions[t]!.mapping.map(to, 1);
        }
        ranges.push({ from: Math.max(0, from), to: Math.min(size, to) });
      });
    });
  });
  return ranges;
}

/** A transaction rewriting non-NFC text in the ranges, or null when all is NFC already. */
export function normalizeRanges(state: EditorState, ranges: Range[]): Transaction | null {
  const fixes: { from: number; to: number; node: PMNode; text: string }[] = [];
  const seen = new Set<number>();
  for (const { from, to } of ranges) {
    state.doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isText) return true;
      if (seen.has(pos) || isNfc(node.text!)) return false;
      seen.add(pos);
      const text = node.text!;
      const normal = nfc(text);
      // Replace only the span that differs, so a cursor before or after it stays put.
      let start = 0;
      while (start < text.length && start < normal.length && text[start] === normal[start]) start++;
      let endOld = text.length;
      let endNew = normal.length;
      while (endOld > start && endNew > start && text[endOld - 1] === normal[endNew - 1]) {
        endOld--;
        endNew--;
      }
      fixes.push({ from: pos + start, to: pos + endOld, node, text: normal.slice(start, endNew) });
      return false;
    });
  }
  if (!fixes.length) return null;
  const tr = state.tr;
  // Apply from the end so earlier positions stay valid.
  fixes.sort((a, b) => b.from - a.from);
  for (const fix of fixes) {
    if (fix.text) tr.replaceWith(fix.from, fix.to, state.schema.text(fix.text, fix.node.marks));
    else tr.delete(fix.from, fix.to);
  }
  return tr.setMeta('addToHistory', true).setMeta(key, true);
}
