import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ApiClient } from '../../../shared/api';
import type { ArticleStatus, ArticleSummary } from '../../../shared/article';
import { documentFromStored, documentParts } from '../../../shared/document';
import { slugify } from '../../../shared/slug';
import type { MenuCommand } from '../../../shared/bridge';
import { EditorController } from '../editor/controller';
import { ArticleEditor } from '../editor/ArticleEditor';
import { commands } from '../editor/commands';
import { SHORTCUTS, shortcutLabel } from '../editor/keymap';
import { FEATURE_SHORTCUTS, openFind } from '../editor/plugins/index';
import type { PlaceholderTexts } from '../editor/placeholders';
import { FEATURES, type Feature, type FeatureContext } from '../features/index';
import { importFeature } from '../features/import/feature';
import { insertPhotoFeature } from '../editor/figure/feature';
import { useImportDrop } from '../features/import/queue';
import { usePackageDrop } from '../features/review/usePackageDrop';
import { reviewFeature } from '../features/review/feature';
import { setUiLanguage } from '../i18n/index';
import { ArticleList } from './ArticleList';
import { DetailsPanel } from './DetailsPanel';
import { LinkDialog } from './LinkDialog';
import { MenuBar, type Menu, type MenuItem } from './MenuBar';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { Toasts, useToasts } from './Toasts';
import { ArticleSession } from './session';
import { reasonFor } from './errors';
import { matchesShortcut } from './shortcuts';
import { usePanelFlag } from './panels';
import { ReviewPane } from '../features/review/ReviewPane';
import { ReviewPaneToggle } from '../features/review/ReviewPaneToggle';
import { COMMENT_SHORTCUT, REVIEW_PANE_SHORTCUT } from '../features/review/pane-shortcuts';
import { TextSelection } from 'prosemirror-state';
import './panels.css';

/** One open article: its editor, its autosave session and whether the slug follows the headline. */
interface OpenArticle {
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

export function App({ client }: { client: ApiClient }) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<ArticleSummary[]>([]);
  const [listLoading, setListLoading] = useState(true);
  const [listError, setListError] = useState<string | null>(null);
  const [listVersion, setListVersion] = useState(0);
  const [statusFilter, setStatusFilter] = useState<ArticleStatus | ''>('');
  const [open, setOpen] = useState<OpenArticle | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const [slugAuto, setSlugAuto] = useState(true);
  const [showList, setShowList] = usePanelFlag('newsroom.panel.list', true);
  const [showDetails, setShowDetails] = usePanelFlag('newsroom.panel.details', true);
  const [showReview, setShowReview] = usePanelFlag('newsroom.panel.review', false);
  const [commentRequested, setCommentRequested] = useState(false);
  const [feature, setFeature] = useState<Feature | null>(null);
  const { toasts, show: notify, dismiss } = useToasts();
  const openRef = useRef<OpenArticle | null>(null);
  openRef.current = open;
  const tRef = useRef(t);
  tRef.current = t;

  const refreshList = useCallback(async () => {
    try {
      const result = await client.listArticles({ status: statusFilter || undefined, limit: 500 });
      setItems(result.items);
      setListVersion((v) => v + 1);
      setListError(null);
    } catch (err) {
      setListError(tRef.current('list.loadFailed', { reason: reasonFor(err, tRef.current) }));
    } finally {
      setListLoading(false);
    }
  }, [client, statusFilter]);

  useEffect(() => {
    void refreshList();
  }, [refreshList]);

  /**
   * Save and close the open article. When edits still cannot be saved (the
   * status bar says why), ask before leaving them; returns false to stay.
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

  const openArticle = useCallback(
    /** `reopen`: load the open article again from the store, swapping editors without closing anything in between. */
    async (id: string, focus: 'editor' | 'none' = 'none', reopen = false) => {
      const previous = reopen && openRef.current?.id === id ? openRef.current : null;
      if (!previous && openRef.current?.id === id) {
        setFeature(null);
        openRef.current.controller.focus();
        return;
      }
      if (!(await closeArticle({ keepOpen: !!previous }))) return;
      if (!previous) setFeature(null);
      setOpenError(null);
      try {
        const article = await client.getArticle({ id });
        const doc = documentFromStored(article.document);
        let session: ArticleSession | null = null;
        const controller = new EditorController(
          doc,
          { t: tRef.current, articleId: id, client, saveNow: () => session?.flush() ?? Promise.resolve() },
          placeholderTexts(tRef.current),
        );
        session = new ArticleSession(client, article, () => controller.committedDoc());
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
          // The list shows headline, author and word count from the store: refresh it after saves (coalesced).
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
    [client, closeArticle, refreshList],
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

  /** Save the text before a review action sends positions to the store; false when it could not be saved. */
  const saveEdits = useCallback(async (): Promise<boolean> => {
    const current = openRef.current;
    if (!current) return false;
    await current.session.flush();
    return !current.session.hasUnsavedChanges;
  }, []);

  const newArticle = useCallback(async () => {
    try {
      const article = await client.createArticle({});
      await refreshList();
      await openArticle(article.meta.id, 'editor');
    } catch (err) {
      notify(reasonFor(err, tRef.current));
    }
  }, [client, notify, openArticle, refreshList]);

  const deleteArticle = useCallback(
    async (summary: ArticleSummary) => {
      const wasOpen = openRef.current?.id === summary.id;
      const headline = summary.headline.trim() || tRef.current('list.untitled');
      try {
        if (wasOpen && !(await closeArticle())) return;
        await client.deleteArticle({ id: summary.id });
        await refreshList();
        notify(tRef.current('list.deleted', { headline }), {
          label: tRef.current('app.undo'),
          run: () => {
            void (async () => {
              try {
                await client.restoreArticle({ id: summary.id });
                await refreshList();
                notify(tRef.current('list.restored', { headline }));
                if (wasOpen) await openArticle(summary.id);
              } catch (err) {
                notify(reasonFor(err, tRef.current));
              }
            })();
          },
        });
      } catch (err) {
        notify(reasonFor(err, tRef.current));
      }
    },
    [client, closeArticle, notify, openArticle, refreshList],
  );

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

  const featureContext: FeatureContext = useMemo(
    () => ({
      client,
      articleId: open?.id ?? null,
      editor: open?.controller ?? null,
      openArticle: (id: string) => void openArticle(id),
      reloadArticle: reopenArticle,
      refreshList: () => void refreshList(),
      notify: (message: string) => notify(message),
    }),
    [client, open, openArticle, reopenArticle, refreshList, notify],
  );

  const runFeature = useCallback(
    (f: Feature) => {
      if (f.needsArticle && !openRef.current) return;
      if (f.view) setFeature(f);
      else f.run?.(featureContext);
    },
    [featureContext],
  );

  // Files dropped on the article list open the import review screen with them.
  useImportDrop('.article-list', useCallback(() => runFeature(importFeature), [runFeature]));
  // A received .newsroom package dropped anywhere on the window opens it.
  usePackageDrop(featureContext);

  const saveNow = useCallback(() => void openRef.current?.session.flush(), []);
  const focusList = () => document.querySelector<HTMLElement>('.article-list .row-open[aria-current], .article-list .row-open, .article-list .new-article')?.focus();
  const focusEditor = () => openRef.current?.controller.focus();

  // The right column shows the review pane or the details panel. Asking for one brings it forward.
  const toggleReview = useCallback(() => {
    if (feature) {
      setFeature(null);
      setShowReview(true);
    } else setShowReview((v) => !v);
  }, [feature, setShowReview]);
  const toggleDetails = useCallback(() => {
    if (showReview && !feature) {
      setShowReview(false);
      setShowDetails(true);
    } else setShowDetails((v) => !v);
  }, [showReview, feature, setShowReview, setShowDetails]);
  /** Comment on the selection: the pane opens (or stays) and starts a comment there. */
  const startComment = useCallback(() => {
    if (!openRef.current) return;
    setFeature(null);
    setShowReview(true);
    setCommentRequested(true);
  }, [setShowReview]);
  const commentRequestTaken = useCallback(() => setCommentRequested(false), []);

  // App-wide shortcuts: save, feature shortcuts, Escape out of a feature view.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (matchesShortcut(e, 'Mod-s')) {
        e.preventDefault();
        saveNow();
        return;
      }
      if (openRef.current && (matchesShortcut(e, REVIEW_PANE_SHORTCUT) || matchesShortcut(e, COMMENT_SHORTCUT))) {
        e.preventDefault();
        if (matchesShortcut(e, COMMENT_SHORTCUT)) startComment();
        else toggleReview();
        return;
      }
      if (e.key === 'Escape' && feature && !document.querySelector('dialog[open]')) {
        setFeature(null);
        return;
      }
      for (const f of FEATURES) {
        if (f.shortcut && matchesShortcut(e, f.shortcut)) {
          e.preventDefault();
          runFeature(f);
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [feature, runFeature, saveNow, startComment, toggleReview]);

  // Commands from the Electron application menu.
  useEffect(() => {
    const bridge = window.newsroom;
    if (!bridge) return;
    return bridge.onMenuCommand((command: MenuCommand) => {
      if (command === 'new-article') void newArticle();
      else if (command === 'save') saveNow();
      else if (command === 'toggle-details') toggleDetails();
      else if (command === 'find') openRef.current?.controller.run(openFind);
      else if (command === 'suggest-mode') void openRef.current?.controller.toggleSuggesting();
      else {
        const f = FEATURES.find((x) => x.id === command);
        if (f) runFeature(f);
        else if (command === 'about') void client.appInfo({}).then((info) => notify(`Newsroom ${info.version}`));
      }
    });
  }, [client, newArticle, notify, runFeature, saveNow, toggleDetails]);

  const editorRun = (command: keyof typeof commands) => () => open?.controller.run(commands[command]);
  const featureItems = (menu: Feature['menu']): MenuItem[] =>
    FEATURES.filter((f) => f.menu === menu).map((f) => ({
      id: `feature-${f.id}`,
      label: t(f.labelKey),
      shortcut: f.shortcut ? shortcutLabel(f.shortcut) : undefined,
      disabled: !!f.needsArticle && !open,
      run: () => runFeature(f),
    }));
  const withFeatures = (items: MenuItem[], menu: Feature['menu']): MenuItem[] => {
    const extra = featureItems(menu);
    return extra.length ? [...items, { id: `sep-${menu}`, separator: true }, ...extra] : items;
  };
  const noArticle = !open;
  const formatItem = (id: keyof typeof SHORTCUTS & keyof typeof commands, labelKey: string): MenuItem => ({
    id,
    label: t(labelKey),
    shortcut: shortcutLabel(SHORTCUTS[id]),
    disabled: noArticle,
    run: editorRun(id),
  });
  const menus: Menu[] = [
    {
      id: 'file',
      label: t('menu.file'),
      items: withFeatures(
        [
          { id: 'new', label: t('menu.newArticle'), run: () => void newArticle() },
          { id: 'save', label: t('menu.saveNow'), shortcut: shortcutLabel('Mod-s'), disabled: noArticle, run: saveNow },
          {
            id: 'delete',
            label: t('menu.deleteArticle'),
            disabled: noArticle,
            run: () => {
              const summary = items.find((a) => a.id === open?.id);
              if (summary) void deleteArticle(summary);
            },
          },
        ],
        'file',
      ),
    },
    {
      id: 'edit',
      label: t('menu.edit'),
      items: withFeatures(
        [
          formatItem('undo', 'menu.undo'),
          formatItem('redo', 'menu.redo'),
          { id: 'sep-find', separator: true },
          {
            id: 'find',
            label: t('editorTools.findLabel'),
            shortcut: shortcutLabel(FEATURE_SHORTCUTS.find),
            disabled: noArticle,
            run: () => openRef.current?.controller.run(openFind),
          },
          {
            id: 'suggest-mode',
            label: t('suggest.menu'),
            shortcut: shortcutLabel(FEATURE_SHORTCUTS.suggestMode),
            disabled: noArticle,
            checked: !!open?.controller.suggesting,
            run: () => void openRef.current?.controller.toggleSuggesting(),
          },
        ],
        'edit',
      ),
    },
    {
      id: 'format',
      label: t('menu.format'),
      items: [
        formatItem('bold', 'toolbar.bold'),
        formatItem('italic', 'toolbar.italic'),
        { id: 'link', label: t('toolbar.link'), shortcut: shortcutLabel(SHORTCUTS.link), disabled: noArticle, run: () => open?.controller.requestLink() },
        { id: 'sep-1', separator: true },
        formatItem('paragraph', 'toolbar.paragraph'),
        formatItem('heading2', 'toolbar.heading2'),
        formatItem('heading3', 'toolbar.heading3'),
        formatItem('bulletList', 'toolbar.bulletList'),
        formatItem('orderedList', 'toolbar.orderedList'),
        formatItem('blockquote', 'toolbar.blockquote'),
      ],
    },
    {
      id: 'insert',
      label: t('menu.insert'),
      items: withFeatures(
        [
          formatItem('horizontalRule', 'toolbar.horizontalRule'),
          { id: 'comment', label: t('review.comments.addOnSelection'), shortcut: shortcutLabel(COMMENT_SHORTCUT), disabled: noArticle, run: startComment },
        ],
        'insert',
      ),
    },
    {
      id: 'view',
      label: t('menu.view'),
      items: withFeatures(
        [
          { id: 'toggle-list', label: t('menu.toggleList'), checked: showList, run: () => setShowList((v) => !v) },
          { id: 'toggle-details', label: t('menu.toggleDetails'), checked: showDetails && !showReview, run: toggleDetails },
          { id: 'toggle-review', label: t('review.pane.menu'), shortcut: shortcutLabel(REVIEW_PANE_SHORTCUT), checked: showReview, disabled: noArticle, run: toggleReview },
          { id: 'sep-focus', separator: true },
          { id: 'focus-list', label: t('menu.focusList'), disabled: !showList, run: () => setTimeout(focusList) },
          { id: 'focus-editor', label: t('menu.focusEditor'), disabled: noArticle, run: () => setTimeout(focusEditor) },
          { id: 'sep-lang', separator: true },
          { id: 'language', label: t('menu.language'), run: () => void setUiLanguage(i18n.language === 'vi' ? 'en' : 'vi') },
        ],
        'view',
      ),
    },
  ];
  const tools = featureItems('tools');
  if (tools.length) menus.push({ id: 'tools', label: t('menu.tools'), items: tools });

  const FeatureView = feature?.view;
  const rightPanel = open && !feature ? (showReview ? 'review' : showDetails ? 'details' : null) : null;
  return (
    <div className={`app${showList ? '' : ' no-list'}${rightPanel ? '' : ' no-details'}${rightPanel === 'review' ? ' review-open' : ''}`}>
      <a className="skip-link" href="#editor" onClick={(e) => (e.preventDefault(), focusEditor())}>
        {t('app.skipToEditor')}
      </a>
      <header className="app-header">
        <div className="brand" aria-hidden="true">
          Newsroom
        </div>
        <MenuBar menus={menus} />
        {open && !feature && <Toolbar key={open.id} controller={open.controller} onInsertPhoto={() => runFeature(insertPhotoFeature)} />}
        {open && !feature && <ReviewPaneToggle client={client} articleId={open.id} open={showReview} onToggle={toggleReview} />}
      </header>
      {showList && (
        <ArticleList
          client={client}
          refreshKey={listVersion}
          items={items}
          loading={listLoading}
          error={listError}
          status={statusFilter}
          onStatusChange={setStatusFilter}
          openId={open?.id ?? null}
          onOpen={(id) => void openArticle(id, 'editor')}
          onDelete={(a) => void deleteArticle(a)}
          onNew={() => void newArticle()}
        />
      )}
      <main className="main-pane" id="editor">
        {FeatureView ? (
          <section className="feature-view" aria-label={t(feature.labelKey)}>
            <div className="feature-bar">
              <button type="button" className="link-button" onClick={() => setFeature(null)}>
                ← {t('app.backToEditor')}
              </button>
            </div>
            <FeatureView {...featureContext} close={() => setFeature(null)} />
          </section>
        ) : open ? (
          <div className="editor-scroll">
            <ArticleEditor key={open.id} controller={open.controller} label={t('editor.label')} />
          </div>
        ) : (
          <div className="empty-state">
            {openError ? (
              <p role="alert" className="error">
                {openError}
              </p>
            ) : (
              <p>{t('app.noArticle')}</p>
            )}
            <button type="button" className="primary" onClick={() => void newArticle()}>
              + {t('app.newArticle')}
            </button>
          </div>
        )}
      </main>
      {open && rightPanel === 'review' && (
        <ReviewPane
          key={`review-${open.id}`}
          client={client}
          articleId={open.id}
          editor={open.controller}
          saveEdits={saveEdits}
          reloadArticle={() => reopenArticle(open.id)}
          notify={notify}
          onClose={() => {
            setShowReview(false);
            focusEditor();
          }}
          commentRequested={commentRequested}
          onCommentRequestTaken={commentRequestTaken}
        />
      )}
      {open && rightPanel === 'details' && (
        <DetailsPanel key={`details-${open.id}`} client={client} session={open.session} slugAuto={slugAuto} onSlugAutoChange={changeSlugAuto} onOpenReview={() => runFeature(reviewFeature)} />
      )}
      {open ? <StatusBar key={`status-${open.id}`} controller={open.controller} session={open.session} /> : <footer className="status-bar" />}
      {open && <LinkDialog key={`link-${open.id}`} controller={open.controller} />}
      <Toasts toasts={toasts} dismiss={dismiss} />
    </div>
  );
}

/** Run `fn` once the controller's view is mounted (React mounts it on its next commit); gives up after a second. */
function whenMounted(controller: EditorController, fn: () => void, framesLeft = 60): void {
  if (controller.editorView) fn();
  else if (framesLeft > 0) requestAnimationFrame(() => whenMounted(controller, fn, framesLeft - 1));
}
