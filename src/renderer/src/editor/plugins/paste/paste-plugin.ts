import { Fragment, Slice } from 'prosemirror-model';
import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { schema } from '../../../../../shared/schema';
import { blocksToHtml, blocksToNodes, plainTextToParagraphs, sanitizeHtml, type HtmlNodeLike } from '../../../../../shared/html';
import { isolateStep } from '../history-boundary';
import { showEditorNotice } from '../notice';
import { fitSliceToPart } from './fit';
import { caretInBody, LARGE_PASTE_CHARS, largePasteKey, pasteLargeHtml } from './large-paste';

export interface PasteTexts {
  pasting: (percent: number) => string;
  imagesDropped: (count: number) => string;
  unsafeLinksDropped: (count: number) => string;
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
 * paragraphs on blank lines. The paste is one undo step, and a notice says when
 * images or unsafe links were left out.
 */
export function pastePlugin(texts: () => PasteTexts): Plugin {
  let report = { images: 0, unsafeLinks: 0 };
  const notify = (view: EditorView) => {
    const t = texts();
    if (report.images) showEditorNotice(view, t.imagesDropped(report.images), { testId: 'paste-images-dropped', closeLabel: t.close, timeoutMs: 15000 });
    if (report.unsafeLinks) showEditorNotice(view, t.unsafeLinksDropped(report.unsafeLinks), { testId: 'paste-links-dropped', closeLabel: t.close, timeoutMs: 15000 });
    report = { images: 0, unsafeLinks: 0 };
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
        report = { images: 0, unsafeLinks: 0 };
        if (/<[^>]+data-pm-slice=/.test(html.slice(0, 2000))) return html;
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const result = sanitizeHtml(doc as unknown as HtmlNodeLike);
        report = { images: result.imagesDropped, unsafeLinks: result.unsafeLinksDropped };
        return blocksToHtml(result.blocks);
      },

      clipboardTextParser(text) {
        report = { images: 0, unsafeLinks: 0 };
        const paragraphs = blocksToNodes(plainTextToParagraphs(text), schema);
        return paragraphs.length ? new Slice(Fragment.from(paragraphs), 1, 1) : Slice.empty;
      },

      // Runs for HTML and plain text alike, after parsing.
      transformPasted(slice, view) {
        return fitSliceToPart(slice, view.state.selection.$from, schema);
      },

      handlePaste(view, _event, slice) {
        if (view.composing) return false;
        view.dispatch(isolateStep(view.state.tr.replaceSelection(slice)).scrollIntoView().setMeta('paste', true).setMeta('uiEvent', 'paste'));
        notify(view);
        return true;
      },
    },
  });
}
