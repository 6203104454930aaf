import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { TextSelection } from 'prosemirror-state';
import type { ApiClient } from '../../../shared/api';
import { documentFromStored, documentParts } from '../../../shared/document';
import { slugify } from '../../../shared/slug';
import { EditorController } from '../editor/controller';
import type { PlaceholderTexts } from '../editor/placeholders';
import { ArticleSession } from './session';
import { reasonFor } from './errors';

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

  /**
   * Save and close the open article. When edits still cannot be saved (the
   * status bar says why), ask before leaving them; returns false to stay.
   * `keepOpen`: store everything but leave it open (it is about to be swapped).
   */
  const closeArticle = useCallback(async (options: { keepOpen?: boolean } = {}): Promise<boolean> => {
    const current = openRef.current;
    if (!current) return true;
    // Suggestions still being typed are stored first; if they cannot be, ask like for unsaved text.
    const suggestionsStored = await current.controller.settleSuggestions().then(
      () => true,
      () => false,
    );
    if (!suggestionsStored && !window.confirm(tRef.current('save.unsavedLeave'))) return false;
    await current.session.flush();
    if (current.session.hasUnsavedChanges && !window.confirm(tRef.current('save.unsavedLeave'))) return false;
    if (options.keepOpen) return true;
    current.dispose();
    openRef.current = null;
    setOpen(null);
    return true;
  }, []);

  /** Open an article (closing the current one). `reopen`: load the open article again, swapping editors without closing anything in between. */
  const openArticle = useCallback(
    async (id: string, focus: 'editor' | 'none' = 'none', reopen = false) => {
      const previous = reopen && openRef.current?.id === id ? openRef.current : null;
      if (!previous && openRef.current?.id === id) {
        showEditor();
        openRef.current.controller.focus();
        return;
      }
      if (!(await closeArticle({ keepOpen: !!previous }))) return;
      if (!previous) showEditor();
      setOpenError(null);
      try {
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
            allowEdit: () => session?.allowEdit() ?? true,
          },
          placeholderTexts(tRef.current),
        );
        session = new ArticleSession(client, article, () => controller.committedDoc());
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
        const opened: OpenArticle = {
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
        previous?.dispose();
        openRef.current = opened;
        setSlugAuto(slugAutoRef.current);
        setOpen(opened);
        if (focus !== 'none') controller.focus();
      } catch (err) {
        setOpenError(tRef.current('app.loadFailed', { reason: reasonFor(err, tRef.current) }));
      }
    },
    [client, closeArticle, refreshList, showEditor],
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

  return { open, openRef, openError, slugAuto, openArticle, closeArticle, reopenArticle, saveEdits, changeSlugAuto };
}

/** Run `fn` once the controller's view is mounted (React mounts it on its next commit); gives up after a second. */
function whenMounted(controller: EditorController, fn: () => void, framesLeft = 60): void {
  if (controller.editorView) fn();
  else if (framesLeft > 0) requestAnimationFrame(() => whenMounted(controller, fn, framesLeft - 1));
}
