import { Fragment, Slice } from 'prosemirror-model';
import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { schema } from '../../../../../shared/schema';
import { blocksToHtml, blocksToNodes, emptyReport, plainTextToParagraphs, reportOf, sanitizeHtml, type HtmlNodeLike, type SanitizeReport } from '../../../../../shared/html';
import { isolateStep } from '../history-boundary';
import { showEditorNotice } from '../notice';
import { fitSliceToPart } from './fit';
import { caretInBody, LARGE_PASTE_CHARS, largePasteKey, pasteLargeHtml } from './large-paste';

export interface PasteTexts {
  pasting: (percent: number) => string;
  /** The one notice listing what a paste converted or left out; null when nothing was. */
  changes: (report: SanitizeReport) => string | null;
  close: string;
}

/** The paste plugin's state says whether a large paste is being inserted. */
const key = largePasteKey;

/**
 * Paste from Word, Google Docs, LibreOffice, web pages and plain text.
 *
 * HTML goes through the shared sanitiser (only the schema's vocabulary survives,
 * links only when http/https/mailto), then ProseMirror's own parser fits it at the
 * caret. Our own editor's clipboard (marked `data-pm-slice`) is parsed as is: the
 * schema's parse rules accept nothing unsafe either. Plain text splits into
 * paragraphs on blank lines. The paste is one undo step, and one notice lists
 * everything the sanitiser converted or left out (tables flattened, images,
 * embedded objects, unsafe links, struck text kept, hidden text and Word page
 * headers/footers, quoted…). If the HTML yields no text
 * at all while the clipboard's plain text has some, the plain text is pasted:
 * a paste never arrives empty. HTML dropped from another application is treated
 * the same way and gets the same notice.
 */
export function pastePlugin(texts: () => PasteTexts): Plugin {
  let report: SanitizeReport = emptyReport();
  const notify = (view: EditorView) => {
    const t = texts();
    const message = t.changes(report);
    if (message) showEditorNotice(view, message, { testId: 'paste-notice', closeLabel: t.close, timeoutMs: 30000 });
    report = emptyReport();
  };
  return new Plugin<{ pasting: boolean }>({
    key,
    state: {
      init: () => ({ pasting: false }),
      apply: (tr, prev) => (tr.getMeta(largePasteKey) as { pasting: boolean } | undefined) ?? prev,
    },
    props: {
      // Read-only while a large paste is being inserted.
      editable: (state) => !key.getState(state)?.pasting,

      handleDOMEvents: {
        paste(view, event) {
          const html = event.clipboardData?.getData('text/html') ?? '';
          if (html.length < LARGE_PASTE_CHARS || view.composing || !caretInBody(view.state) || /<[^>]+data-pm-slice=/.test(html.slice(0, 2000))) return false;
          event.preventDefault();
          const t = texts();
          showEditorNotice(view, t.pasting(0), { testId: 'paste-progress', closeLabel: t.close });
          void pasteLargeHtml(view, html, (fraction) => {
            const note = view.dom.parentElement?.querySelector('[data-testid="paste-progress"] span');
            if (note) note.textContent = texts().pasting(Math.round(fraction * 100));
          }).then((result) => {
            view.dom.parentElement?.querySelector('[data-testid="paste-progress"]')?.remove();
            report = result;
            notify(view);
          });
          return true;
        },
      },

      transformPastedHTML(html) {
        report = emptyReport();
        if (/<[^>]+data-pm-slice=/.test(html.slice(0, 2000))) return html;
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const result = sanitizeHtml(doc as unknown as HtmlNodeLike);
        report = reportOf(result);
        return blocksToHtml(result.blocks);
      },

      clipboardTextParser(text) {
        report = emptyReport();
        return plainTextSlice(text);
      },

      // Runs for HTML and plain text alike, after parsing.
      transformPasted(slice, view) {
        return fitSliceToPart(slice, view.state.selection.$from, schema);
      },

      handlePaste(view, event, slice) {
        if (view.composing) return false;
        const plain = event.clipboardData?.getData('text/plain') ?? '';
        if (!slice.content.textBetween(0, slice.content.size).trim() && plain.trim()) {
          // The HTML held nothing readable (an unknown clipboard shape): keep the words.
          slice = fitSliceToPart(plainTextSlice(plain), view.state.selection.$from, schema);
        }
        view.dispatch(isolateStep(view.state.tr.replaceSelection(slice)).scrollIntoView().setMeta('paste', true).setMeta('uiEvent', 'paste'));
        notify(view);
        return true;
      },

      // HTML dragged in from another application goes through the same sanitiser
      // (ProseMirror calls `transformPastedHTML` for drops too) and gets the same notice,
      // once ProseMirror has inserted it. A move inside the editor changes nothing.
      handleDrop(view, _event, _slice, moved) {
        if (!moved) queueMicrotask(() => notify(view));
        else report = emptyReport();
        return false;
      },
    },
  });
}

/** Plain text as body paragraphs, split on blank lines. */
function plainTextSlice(text: string): Slice {
  const paragraphs = blocksToNodes(plainTextToParagraphs(text), schema);
  return paragraphs.length ? new Slice(Fragment.from(paragraphs), 1, 1) : Slice.empty;
}
