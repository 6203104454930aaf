import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';
import type { Article } from '../../../../../shared/article';
import { documentFromStored, documentToStored } from '../../../../../shared/document';
import { showEditorNotice } from '../notice';
import { fingerprint, RecoveryJournal, type JournalEntry } from './journal';
import { largePasteKey } from '../paste/large-paste';
import { committedDoc } from '../suggest/suggest-state';

export interface RecoveryTexts {
  restored: string;
  conflict: string;
  restoreLocal: string;
  storageFull: string;
  close: string;
}

export interface RecoveryOptions {
  articleId: string;
  journal: RecoveryJournal;
  /** The article as the database has it now. */
  loadArticle: () => Promise<Article>;
  texts: () => RecoveryTexts;
}

/**
 * Journal after this long without typing. Autosave waits longer (700 ms), so the
 * journal is written before the save that carries the same text.
 */
const JOURNAL_DELAY_MS = 250;
/** During non-stop typing, journal at least this often (in idle time, between keys). */
const JOURNAL_MAX_WAIT_MS = 3000;

/** Run `task` when the page is idle (after the frame), at the latest after `timeout` ms. */
function whenIdle(task: () => void, timeout: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 0);
  return () => clearTimeout(id);
}

const stored = (doc: PMNode) => JSON.stringify(documentToStored(doc));

/**
 * Beyond this document size (ProseMirror positions, about one per character) the
 * journal no longer fits the browser's local storage (~5 M characters per site),
 * so it is not attempted: serialising for nothing would only stall the page.
 */
const MAX_JOURNAL_SIZE = 2_000_000;

/**
 * Never lose a keystroke. Every change is journalled (see journal.ts) before
 * autosave sends it. When the article opens and the journal holds text the
 * database does not:
 * - if the database still holds a version this editor produced (its own last
 *   successful save, or the version it opened), the journal is simply newer and
 *   is put back at once, as one undoable step, with a notice;
 * - if the database holds a version someone else saved meanwhile, their version
 *   stays and a notice offers to bring back the unsaved local text.
 * Autosave then stores whatever the editor shows.
 */
export function recoveryPlugin(options: RecoveryOptions): Plugin {
  return new Plugin({ view: (view) => new RecoveryView(view, options) });
}

class RecoveryView {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private cancelIdle: (() => void) | null = null;
  private cancelInit: (() => void) | null = null;
  private firstPending = 0;
  private dirty = false;
  private warnedFull = false;
  private destroyed = false;
  /** While the user has not chosen between their unsaved text and a newer saved version, keep the journal as it is. */
  private conflictPending = false;
  /** Fingerprints of the versions this editor opened or journalled. */
  private known: string[];
  private readonly flushNow = () => this.flush();
  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') this.flush();
  };

  constructor(
    private readonly view: EditorView,
    private readonly options: RecoveryOptions,
  ) {
    window.addEventListener('pagehide', this.flushNow);
    window.addEventListener('beforeunload', this.flushNow);
    document.addEventListener('visibilitychange', this.onVisibility);
    // Fingerprint the opened version once the article is on screen, not before.
    const openedDoc = view.state.doc;
    this.known = [];
    this.cancelInit = whenIdle(() => {
      this.cancelInit = null;
      const opened = fingerprint(stored(openedDoc));
      const entry = options.journal.read(options.articleId);
      this.known = [...(entry?.known ?? []), opened, ...this.known];
      if (entry) void this.recover(entry, opened).finally(() => this.markChecked());
      else this.markChecked();
    }, 1000);
  }

  /**
   * Mark the editor once the journal has been compared with the database (whatever
   * came of it), so "nothing was restored" can be checked after a positive signal.
   */
  private markChecked(): void {
    if (!this.destroyed) this.view.dom.setAttribute('data-recovery-checked', '');
  }

  update(view: EditorView, prev: EditorView['state']): void {
    // A large paste arrives in slices: journal once it is complete, not after each slice.
    const pasting = !!largePasteKey.getState(view.state)?.pasting;
    const pasteEnded = !pasting && !!largePasteKey.getState(prev)?.pasting;
    // Suggested edits are not the article's text (they are stored as suggestions): journal the committed document.
    if (committedDoc(view.state) === committedDoc(prev) && !(pasteEnded && this.dirty)) return;
    this.dirty = true;
    if (pasting) return;
    const now = Date.now();
    if (!this.timer) this.firstPending = now;
    else clearTimeout(this.timer);
    if (now - this.firstPending >= JOURNAL_MAX_WAIT_MS) {
      // Non-stop typing: write in the next idle moment, after the frame, so no key waits for it.
      this.timer = null;
      this.cancelIdle?.();
      this.cancelIdle = whenIdle(() => {
        this.cancelIdle = null;
        this.flush();
      }, 500);
      return;
    }
    this.timer = setTimeout(() => this.flush(), JOURNAL_DELAY_MS);
  }

  /** Write the journal now if anything changed since the last write. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.dirty || this.destroyed || this.conflictPending) return;
    this.dirty = false;
    const doc = committedDoc(this.view.state);
    if (doc.content.size > MAX_JOURNAL_SIZE) return this.warnFull();
    const document = documentToStored(doc);
    const print = fingerprint(JSON.stringify(document));
    if (this.known[this.known.length - 1] !== print) this.known.push(print);
    if (!this.options.journal.write(this.options.articleId, document, this.known)) this.warnFull();
  }

  private warnFull(): void {
    if (this.warnedFull) return;
    this.warnedFull = true;
    const t = this.options.texts();
    showEditorNotice(this.view, t.storageFull, { testId: 'recovery-storage-full', closeLabel: t.close });
  }

  private async recover(entry: JournalEntry, opened: string): Promise<void> {
    const { journal, articleId } = this.options;
    const local = JSON.stringify(entry.document);
    if (fingerprint(local) === opened) return journal.clear(articleId);
    // The editor shows what the database had when the article opened; check it is still current.
    let databasePrint = opened;
    try {
      const article: Article = await this.options.loadArticle();
      databasePrint = fingerprint(stored(documentFromStored(article.document)));
    } catch {
      // Host unreachable: judge by the version the editor opened.
    }
    if (this.destroyed) return;
    let doc: PMNode;
    try {
      doc = documentFromStored(entry.document);
    } catch {
      return journal.clear(articleId); // Unreadable entry (an older app's layout): nothing to restore.
    }
    const t = this.options.texts();
    if (entry.known.includes(databasePrint)) {
      this.whenNotComposing(() => this.restore(doc, t.restored, 'recovery-restored'));
    } else {
      this.conflictPending = true;
      const decided = () => {
        this.conflictPending = false;
        this.known.push(databasePrint);
      };
      showEditorNotice(this.view, t.conflict, {
        testId: 'recovery-conflict',
        closeLabel: t.close,
        action: {
          label: t.restoreLocal,
          run: () => {
            decided();
            this.whenNotComposing(() => this.restore(doc, t.restored, 'recovery-restored'));
          },
        },
        onClose: () => {
          decided();
          journal.clear(articleId);
          this.flush();
        },
      });
    }
  }

  private restore(doc: PMNode, message: string, testId: string): void {
    const state = this.view.state;
    if (doc.eq(state.doc)) return this.options.journal.clear(this.options.articleId);
    this.view.dispatch(state.tr.replaceWith(0, state.doc.content.size, doc.content).setMeta('recovery', true).scrollIntoView());
    showEditorNotice(this.view, message, { testId, closeLabel: this.options.texts().close });
  }

  private whenNotComposing(run: () => void): void {
    if (this.destroyed) return;
    if (!this.view.composing) return run();
    setTimeout(() => this.whenNotComposing(run), 100);
  }

  destroy(): void {
    this.cancelInit?.();
    this.cancelIdle?.();
    this.flush();
    this.destroyed = true;
    window.removeEventListener('pagehide', this.flushNow);
    window.removeEventListener('beforeunload', this.flushNow);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }
}
