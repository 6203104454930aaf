import { useCallback, useEffect, useRef, useState } from 'react';
import { reviewHighlightsPlugin } from '../features/review/highlights';
import { reviewChanged } from '../features/review/review-events';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { TextSelection } from 'prosemirror-state';
import type { ApiClient } from '../../../shared/api';
import { documentFromStored, documentParts } from '../../../shared/document';
import { slugify } from '../../../shared/slug';
import { EditorController } from '../editor/controller';
import type { PlaceholderTexts } from '../editor/placeholders';
import { ArticleSession } from './session';
import { reasonFor } from '../api/error-text';

/** One open article: its editor, its autosave session and whether the slug follows the headline. */
export interface OpenArticle {
  id: string;
  controller: EditorController;
  session: ArticleSession;
  slugAuto: { current: boolean };
  dispose(): void;
}

const placeholderTexts = (t: TFunction): PlaceholderTexts => ({
  headline: t('editor.headline'),
  lead: t('editor.lead'),
  body: t('editor.body'),
  author: t('editor.author'),
  caption: t('editor.caption'),
  credit: t('editor.credit'),
});

export interface OpenArticleOptions {
  client: ApiClient;
  /** Reload the article list (after saves: it shows headline, author and word count from the store). */
  refreshList(): Promise<void>;
  /** An article was opened or chosen again: show the editor (close any feature view). */
  showEditor(): void;
}

/**
 * The open article's life: open (editor + autosave session wired together),
 * close (suggestions and edits stored first, or the user asked), reopen after
 * the store changed its document (keeping scroll and caret), and the slug that
 * follows the headline. One article is open at a time.
 */
export function useOpenArticle({ client, refreshList, showEditor }: OpenArticleOptions) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<OpenArticle | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const [slugAuto, setSlugAuto] = useState(true);
  const openRef = useRef<OpenArticle | null>(null);
  openRef.current = open;
  const tRef = useRef(t);
  tRef.current = t;

  /** Load an article and wire its editor and autosave session together (not yet shown). */
  const loadArticle = useCallback(
    async (id: string): Promise<OpenArticle> => {
      const article = await client.getArticle({ id });
      const doc = documentFromStored(article.document);
      let session: ArticleSession | null = null;
      const controller = new EditorController(
        doc,
        {
          t: tRef.current,
          articleId: id,
          client,
          saveNow: () => session?.flush() ?? Promise.resolve(),
          lengthTarget: { get: () => session?.getMeta().lengthTarget, subscribe: (listener) => session?.subscribe(listener) ?? (() => undefined) },
          proofingSettings: { get: () => session?.getMeta(), subscribe: (listener) => session?.subscribe(listener) ?? (() => undefined) },
          allowEdit: () => session?.allowEdit() ?? true,
          featurePlugins: [reviewHighlightsPlugin(client, id)],
          reviewChanged: () => reviewChanged(id),
        },
        placeholderTexts(tRef.current),
      );
      session = new ArticleSession(client, article, () => controller.committedDoc(), () => controller.composing);
      session.setReopenPrompt((status) => window.confirm(tRef.current(status === 'published' ? 'workflow.confirmCorrection' : 'workflow.confirmReopen')));
      const slugAutoRef = { current: article.meta.slug === slugify(documentParts(doc).headline.textContent) };
      let headline = documentParts(doc).headline.textContent;
      let listTimer: ReturnType<typeof setTimeout> | null = null;
      const offDoc = controller.onDocChange((next) => {
        session.documentChanged();
        const nextHeadline = documentParts(next).headline.textContent;
        if (nextHeadline !== headline) {
          headline = nextHeadline;
          if (slugAutoRef.current) session.updateMeta({ slug: slugify(nextHeadline) });
        }
      });
      const offSaved = session.onSaved(() => {
        // Coalesced: a burst of saves refreshes the list once.
        if (listTimer) return;
        listTimer = setTimeout(() => {
          listTimer = null;
          void refreshList();
        }, 150);
      });
      return {
        id,
        controller,
        session,
        slugAuto: slugAutoRef,
        dispose: () => {
          offDoc();
          offSaved();
          if (listTimer) clearTimeout(listTimer);
          session.dispose();
          controller.destroy();
        },
      };
    },
    [client, refreshList],
  );

  /** The open article is being left for another (its view takes no input meanwhile); the editor shows a notice. */
  const [switching, setSwitching] = useState(false);

  /**
   * Save and close the open article. Its view stops taking input at once
   * (a keystroke in the article being left would otherwise be saved into it),
   * suggestions still being typed are stored, and the session is sealed and
   * flushed. When something still cannot be saved (the status bar says why),
   * ask before leaving it; returns false to stay, with the article editable again.
   * `keepOpen`: store everything but leave it on screen, frozen (it is about to
   * be swapped: the caller disposes or thaws it).
   */
  const closeArticle = useCallback(async (options: { keepOpen?: boolean } = {}): Promise<boolean> => {
    const current = openRef.current;
    if (!current) return true;
    current.controller.setFrozen(true);
    const stay = () => {
      thaw(current);
      return false;
    };
    // Suggestions still being typed are stored first; if they cannot be, ask like for unsaved text.
    const suggestionsStored = await current.controller.settleSuggestions().then(
      () => true,
      () => false,
    );
    if (!suggestionsStored && !window.confirm(tRef.current('save.unsavedLeave'))) return stay();
    current.session.seal();
    await current.session.flush();
    if (current.session.hasUnsavedChanges && !window.confirm(tRef.current('save.unsavedLeave'))) return stay();
    if (options.keepOpen) return true;
    current.dispose();
    openRef.current = null;
    setOpen(null);
    return true;
  }, []);

  /**
   * Open an article in one transition: the open one is frozen, stored and left
   * on screen (read-only, with a notice) until the next is loaded, then swapped;
   * nothing typed meanwhile reaches either. `target` is an id, or makes the
   * article and returns its id (a new article; its failure is thrown, the open
   * article stays). `reopen`: load the open article again, swapping editors.
   * Run only through {@link openArticle}, one at a time.
   */
  const switchArticle = useCallback(
    async (target: string | (() => Promise<string>), focus: 'editor' | 'none' = 'none', reopen = false) => {
      const current = openRef.current;
      if (typeof target === 'string' && current?.id === target && !reopen) {
        showEditor();
        current.controller.focus();
        return;
      }
      setSwitching(true);
      try {
        if (!(await closeArticle({ keepOpen: true }))) return;
        let id: string;
        try {
          id = typeof target === 'string' ? target : await target();
        } catch (err) {
          if (current) thaw(current);
          throw err;
        }
        const previous = reopen && current?.id === id ? current : null;
        if (!previous) showEditor();
        setOpenError(null);
        try {
          const opened = await loadArticle(id);
          current?.dispose();
          openRef.current = opened;
          setSlugAuto(opened.slugAuto.current);
          setOpen(opened);
          if (focus !== 'none') opened.controller.focus();
        } catch (err) {
          if (previous) thaw(previous);
          else if (current) {
            // The article being left is stored: close it, and say why the other did not open.
            current.dispose();
            openRef.current = null;
            setOpen(null);
          }
          setOpenError(tRef.current('app.loadFailed', { reason: reasonFor(err, tRef.current) }));
        }
      } finally {
        setSwitching(false);
      }
    },
    [closeArticle, showEditor, loadArticle],
  );

  /** The switches asked for, run in order: a click during a switch waits for it, then starts from the article it left on screen. */
  const switches = useRef<Promise<unknown>>(Promise.resolve());
  const openArticle = useCallback(
    (target: string | (() => Promise<string>), focus: 'editor' | 'none' = 'none', reopen = false): Promise<void> => {
      const run = switches.current.then(() => switchArticle(target, focus, reopen));
      switches.current = run.catch(() => undefined);
      return run;
    },
    [switchArticle],
  );

  /**
   * Reload the open article after the store changed its document (an accepted
   * suggestion, a restored revision), keeping the reader's place: scroll position
   * and caret come back, panels and views stay open.
   */
  const reopenArticle = useCallback(
    async (id: string) => {
      const before = openRef.current;
      const top = document.querySelector('.editor-scroll')?.scrollTop ?? 0;
      const caret = before?.controller.getState().selection.from;
      await openArticle(id, 'none', true);
      const after = openRef.current;
      if (!after || after === before) return;
      whenMounted(after.controller, () => {
        document.querySelector('.editor-scroll')?.scrollTo({ top });
        if (caret === undefined) return;
        after.controller.run((state, dispatch) => {
          dispatch?.(state.tr.setSelection(TextSelection.near(state.doc.resolve(Math.min(caret, state.doc.content.size)))));
          return true;
        }, false);
      });
    },
    [openArticle],
  );

  /**
   * Store what the open article holds that the store has not yet: suggestions being
   * typed, then pending edits. Before a review action sends positions, or a package
   * or export reads the article. False when something could not be stored.
   */
  const saveEdits = useCallback(async (): Promise<boolean> => {
    const current = openRef.current;
    if (!current) return true;
    const suggestionsStored = await current.controller.settleSuggestions().then(
      () => true,
      () => false,
    );
    await current.session.flush();
    return suggestionsStored && !current.session.hasUnsavedChanges;
  }, []);

  const changeSlugAuto = useCallback((auto: boolean) => {
    const current = openRef.current;
    if (!current) return;
    current.slugAuto.current = auto;
    setSlugAuto(auto);
    if (auto) current.session.updateMeta({ slug: slugify(documentParts(current.controller.getState().doc).headline.textContent) });
  }, []);

  // Relabel the editor's placeholders when the UI language changes.
  useEffect(() => {
    open?.controller.setPlaceholders(placeholderTexts(t));
  }, [open, t, i18n.language]);

  // Never lose edits on close or reload: flush, and ask the browser to confirm while a save is pending.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      const session = openRef.current?.session;
      if (session?.hasUnsavedChanges) {
        void session.flush();
        e.preventDefault();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  return { open, openRef, openError, slugAuto, switching, openArticle, closeArticle, reopenArticle, saveEdits, changeSlugAuto };
}

/** The user stays on an article whose leaving began: it takes input and edits again. */
function thaw(article: OpenArticle): void {
  article.session.unseal();
  article.controller.setFrozen(false);
}

/** Run `fn` once the controller's view is mounted (React mounts it on its next commit); gives up after a second. */
export function whenMounted(controller: EditorController, fn: () => void, framesLeft = 60): void {
  if (controller.editorView) fn();
  else if (framesLeft > 0) requestAnimationFrame(() => whenMounted(controller, fn, framesLeft - 1));
}
