import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Article } from '../../../../../shared/article';
import { documentFromStored, documentToStored } from '../../../../../shared/document';
import { showEditorNotice } from '../notice';
import { RecoveryJournal, type JournalEntry } from './journal';

export interface RecoveryTexts {
  restored: string;
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
/** During non-stop typing, journal at least this often. */
const JOURNAL_MAX_WAIT_MS = 2000;

/**
 * Never lose a keystroke. Every change is journalled (see journal.ts). When the
 * article opens and the journal holds a document the database does not have, and
 * no save reached the database after the journal was written, the journalled text
 * is put back as one undoable step, with a notice; autosave then stores it.
 */
export function recoveryPlugin(options: RecoveryOptions): Plugin {
  return new Plugin({ view: (view) => new RecoveryView(view, options) });
}

class RecoveryView {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstPending = 0;
  private dirty = false;
  private warnedFull = false;
  private destroyed = false;
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
    const entry = options.journal.read(options.articleId);
    if (entry) void this.recover(entry);
  }

  update(view: EditorView, prev: EditorView['state']): void {
    if (view.state.doc === prev.doc) return;
    this.dirty = true;
    const now = Date.now();
    if (!this.timer) this.firstPending = now;
    else clearTimeout(this.timer);
    const wait = now - this.firstPending >= JOURNAL_MAX_WAIT_MS ? 0 : JOURNAL_DELAY_MS;
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Write the journal now if anything changed since the last write. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.dirty || this.destroyed) return;
    this.dirty = false;
    const ok = this.options.journal.write(this.options.articleId, documentToStored(this.view.state.doc));
    if (!ok && !this.warnedFull) {
      this.warnedFull = true;
      const t = this.options.texts();
      showEditorNotice(this.view, t.storageFull, { testId: 'recovery-storage-full', closeLabel: t.close });
    }
  }

  private async recover(entry: JournalEntry): Promise<void> {
    const { journal, articleId } = this.options;
    const current = JSON.stringify(documentToStored(this.view.state.doc));
    if (JSON.stringify(entry.document) === current) return journal.clear(articleId);
    let article: Article;
    try {
      article = await this.options.loadArticle();
    } catch {
      return; // Keep the entry; try again on the next open.
    }
    if (this.destroyed) return;
    // A save that reached the database after the journal entry supersedes it.
    if (Date.parse(article.meta.updatedAt) > Date.parse(entry.writtenAt)) return journal.clear(articleId);
    let doc;
    try {
      doc = documentFromStored(entry.document);
    } catch {
      return journal.clear(articleId); // Unreadable entry (an older app version's layout): nothing to restore.
    }
    this.whenNotComposing(() => {
      const state = this.view.state;
      if (doc.eq(state.doc)) return journal.clear(articleId);
      this.view.dispatch(state.tr.replaceWith(0, state.doc.content.size, doc.content).setMeta('recovery', true).scrollIntoView());
      const t = this.options.texts();
      showEditorNotice(this.view, t.restored, { testId: 'recovery-restored', closeLabel: t.close });
    });
  }

  private whenNotComposing(run: () => void): void {
    if (this.destroyed) return;
    if (!this.view.composing) return run();
    setTimeout(() => this.whenNotComposing(run), 100);
  }

  destroy(): void {
    this.flush();
    this.destroyed = true;
    window.removeEventListener('pagehide', this.flushNow);
    window.removeEventListener('beforeunload', this.flushNow);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }
}
