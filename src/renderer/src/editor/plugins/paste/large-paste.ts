import { Fragment, Slice, type Node as PMNode } from 'prosemirror-model';
import { PluginKey, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { schema } from '../../../../../shared/schema';
import { addReports, blocksToNodes, emptyReport, sanitizeHtml, splitHtml, type HtmlNodeLike, type SanitizeReport } from '../../../../../shared/html';
import { continueStep, isolateStep } from '../history-boundary';

/** Clipboards bigger than this (characters of HTML) are pasted in slices. */
export const LARGE_PASTE_CHARS = 256 * 1024;
/** HTML characters sanitised per task. */
const PIECE_CHARS = 192 * 1024;
/** Blocks inserted per task: bounds the layout work of each step. */
const BLOCKS_PER_STEP = 120;

export const largePasteKey = new PluginKey<{ pasting: boolean }>('largePaste');

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** True when the caret is inside the body, where a multi-paragraph paste belongs. */
export function caretInBody(state: EditorState): boolean {
  const { $from, $to } = state.selection;
  return $from.depth >= 2 && $from.node(1).type.name === 'body' && $to.depth >= 2 && $to.node(1).type.name === 'body';
}

function setPasting(view: EditorView, pasting: boolean): void {
  view.dispatch(view.state.tr.setMeta(largePasteKey, { pasting }).setMeta('addToHistory', false));
}

/**
 * Paste a multi-megabyte clipboard without freezing the page: the HTML is cut
 * into pieces, each sanitised in its own task, and the blocks are inserted a
 * slice at a time. The editor is read-only meanwhile (so nothing lands in the
 * middle of the paste), `onProgress` reports the share done, and the whole paste
 * is still one undo step. Returns what the sanitiser converted or left out, summed
 * over the pieces (left-out text in order), for the paste notice.
 */
export async function pasteLargeHtml(view: EditorView, html: string, onProgress: (fraction: number) => void): Promise<SanitizeReport> {
  let report = emptyReport();
  const pieces = splitHtml(html, PIECE_CHARS);
  let first: Transaction | null = null;
  let at: InsertPoint | null = null;
  setPasting(view, true);
  // Without a DOM selection in the (read-only) editor, ProseMirror skips drawing the
  // caret after each slice, which would force a layout of the whole growing text.
  getSelection()?.removeAllRanges();
  try {
    for (let i = 0; i < pieces.length; i++) {
      await nextTask();
      if (view.isDestroyed) return report;
      const parsed = new DOMParser().parseFromString(pieces[i]!, 'text/html');
      const result = sanitizeHtml(parsed as unknown as HtmlNodeLike);
      report = addReports(report, result);
      const nodes = blocksToNodes(result.blocks, schema);
      for (let b = 0; b < nodes.length; b += BLOCKS_PER_STEP) {
        if (b > 0) await nextTask();
        if (view.isDestroyed) return report;
        const inserted = insertBatch(view.state, nodes.slice(b, b + BLOCKS_PER_STEP), at);
        const tr = inserted.tr;
        at = inserted.at;
        if (first === null) {
          first = isolateStep(tr).scrollIntoView().setMeta('paste', true).setMeta('uiEvent', 'paste');
          view.dispatch(first);
        } else view.dispatch(continueStep(tr, first).setMeta('paste', true));
      }
      onProgress((i + 1) / pieces.length);
    }
  } finally {
    if (!view.isDestroyed) {
      setPasting(view, false);
      view.focus();
      view.dispatch(view.state.tr.scrollIntoView());
    }
  }
  return report;
}

/**
 * Insert one batch of blocks. The first batch replaces the selection like any
 * paste (its first paragraph joins the text before the caret, its last one the
 * text after it) and leaves the caret at the end of what it inserted. Each later
 * batch goes in as whole blocks at that point: the paragraph there is split
 * (unless the caret is at its end) and the blocks land in between.
 * `at` is where the previous batch ended; the returned `at` is where this one did.
 */
export function insertBatch(state: EditorState, blocks: PMNode[], at: InsertPoint | null): { tr: Transaction; at: InsertPoint } {
  const tr = state.tr;
  const fragment = Fragment.from(blocks);
  if (!at) {
    const openStart = blocks[0]?.isTextblock ? 1 : 0;
    const openEnd = blocks[blocks.length - 1]?.isTextblock ? 1 : 0;
    tr.replaceSelection(new Slice(fragment, openStart, openEnd));
    return { tr, at: { caret: tr.selection.from } };
  }
  let boundary = at.boundary;
  if (boundary === undefined) {
    const $caret = tr.doc.resolve(at.caret);
    if (!$caret.parent.isTextblock) boundary = $caret.pos;
    else if ($caret.parentOffset === $caret.parent.content.size) boundary = $caret.after();
    else {
      tr.split($caret.pos);
      boundary = $caret.pos + 1;
    }
  }
  tr.insert(boundary, fragment);
  const end = boundary + fragment.size;
  tr.setSelection(TextSelection.near(tr.doc.resolve(end), -1));
  return { tr, at: { caret: at.caret, boundary: end } };
}

/** Where a large paste continues: the caret after the first batch, then the block boundary after the last. */
export interface InsertPoint {
  caret: number;
  boundary?: number;
}
