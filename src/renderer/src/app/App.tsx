import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api';
import type { ArticleStatus, ArticleSummary } from '../../../shared/article';
import { ArticleEditor } from '../editor/ArticleEditor';
import { type Feature, type FeatureContext } from '../features/index';
import { importFeature } from '../features/import/feature';
import { insertPhotoFeature } from '../features/photos/feature';
import { useImportDrop } from '../features/import/queue';
import { usePackageDrop } from '../features/review/usePackageDrop';
import { useReceivedPackages } from '../features/review/received-packages';
import { openPackageFeature } from '../features/review/open-package-feature';
import { reviewFeature } from '../features/review/feature';
import { ArticleList } from './ArticleList';
import { DetailsPanel } from './DetailsPanel';
import { LinkDialog } from './LinkDialog';
import { MenuBar } from './MenuBar';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { Toasts, useToasts } from './Toasts';
import { reasonFor } from '../api/error-text';
import { usePanelFlag } from './panels';
import { useOpenArticle } from './open-article';
import { useResume } from './resume';
import { withListInvalidation } from './list-invalidation';
import { FirstRun } from './FirstRun';
import { ConflictDialog } from '../features/conflict/ConflictDialog';
import { MineBeside } from '../features/conflict/MineBeside';
import type { StoredDocument } from '../../../shared/document';
import { ReviewPane } from '../features/review/ReviewPane';
import { ReviewPaneToggle } from '../features/review/ReviewPaneToggle';
import { allCommands } from '../commands/app-commands';
import { buildMenus } from '../commands/menus';
import { useCommandKeys } from '../commands/use-command-keys';
import { CommandPalette } from '../commands/CommandPalette';
import { KeyboardHelp } from '../commands/KeyboardHelp';
import type { CommandContext } from '../commands/types';
import { useAppearance } from '../appearance/use-appearance';
import './panels.css';

/**
 * The app's name. Every screen has exactly one h1: with an article in the editor
 * it is the article's headline (the schema's h1); on the other screens (a
 * feature view, no article open) it is this name, with the screen's title as h2.
 */
function Brand({ asHeading }: { asHeading: boolean }) {
  if (asHeading) return <h1 className="brand">Newsroom</h1>;
  return (
    <div className="brand" aria-hidden="true">
      Newsroom
    </div>
  );
}

export function App({ client: baseClient }: { client: ApiClient }) {
  const { t, i18n } = useTranslation();
  /** Every view gets a client that refreshes the list after calls that change what it shows. */
  const invalidateList = useRef<() => void>(() => undefined);
  const client = useMemo(() => withListInvalidation(baseClient, () => invalidateList.current()), [baseClient]);
  const [items, setItems] = useState<ArticleSummary[]>([]);
  const [listLoading, setListLoading] = useState(true);
  const [listError, setListError] = useState<string | null>(null);
  const [listVersion, setListVersion] = useState(0);
  const [statusFilter, setStatusFilter] = useState<ArticleStatus | ''>('');
  const [showList, setShowList] = usePanelFlag('newsroom.panel.list', true);
  const [showDetails, setShowDetails] = usePanelFlag('newsroom.panel.details', true);
  const [showReview, setShowReview] = usePanelFlag('newsroom.panel.review', false);
  const [commentRequested, setCommentRequested] = useState(false);
  const [feature, setFeature] = useState<Feature | null>(null);
  const [overlay, setOverlay] = useState<'palette' | 'keyboard-help' | null>(null);
  const { theme, setTheme, zoom } = useAppearance();
  const commands = useMemo(() => allCommands(), []);
  /** A save conflict being settled, and, when merging by hand, my version shown beside the editor. */
  const [resolvingConflict, setResolvingConflict] = useState(false);
  const [mineBeside, setMineBeside] = useState<{ articleId: string; doc: StoredDocument } | null>(null);
  const { toasts, show: notify, dismiss } = useToasts();
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
  invalidateList.current = () => void refreshList();

  const showEditor = useCallback(() => setFeature(null), []);
  const { open, openRef, openError, slugAuto, switching, openArticle, closeArticle, reopenArticle, saveEdits, changeSlugAuto } = useOpenArticle({ client, refreshList, showEditor });

  useResume({ client, open, openRef, openArticle });

  /** Make a blank article and open it, in the same transition that leaves the open one (nothing typed meanwhile reaches it). */
  const newArticle = useCallback(async () => {
    try {
      await openArticle(async () => {
        const article = await client.createArticle({});
        return article.meta.id;
      }, 'editor');
    } catch (err) {
      notify(reasonFor(err, tRef.current));
    }
  }, [client, notify, openArticle]);

  const deleteArticle = useCallback(
    async (summary: ArticleSummary) => {
      const wasOpen = openRef.current?.id === summary.id;
      const headline = summary.headline.trim() || tRef.current('list.untitled');
      try {
        if (wasOpen && !(await closeArticle())) return;
        await client.deleteArticle({ id: summary.id });
        notify(tRef.current('list.deleted', { headline }), {
          label: tRef.current('workflow.undo.delete', { headline }),
          run: () => {
            void (async () => {
              try {
                await client.restoreArticle({ id: summary.id });
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
    [client, closeArticle, notify, openArticle],
  );

  const featureContext: FeatureContext = useMemo(
    () => ({
      client,
      articleId: open?.id ?? null,
      editor: open?.controller ?? null,
      openArticle: (id: string) => void openArticle(id),
      reloadArticle: reopenArticle,
      saveEdits,
      notify: (message: string) => notify(message),
    }),
    [client, open, openArticle, reopenArticle, saveEdits, notify],
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
  // One the system hands the desktop app (a double-clicked file) opens in File → Open package.
  const received = useReceivedPackages(useCallback(() => setFeature(openPackageFeature), []));

  const saveNow = useCallback(() => void openRef.current?.session.flush(), []);
  /** The list's one tab stop (its current row), or its search box when it has no rows. */
  const focusList = () => (document.querySelector<HTMLElement>('.article-list .row-open[tabindex="0"]') ?? document.querySelector<HTMLElement>('.article-list input[type="search"]'))?.focus();
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

  // Escape leaves a feature view (unless a dialog of its own is open).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && feature && !document.querySelector('dialog[open]')) setFeature(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [feature]);

  const commandContext: CommandContext = {
    editor: open?.controller ?? null,
    language: i18n.language,
    panels: { list: showList, details: showDetails, review: showReview },
    theme,
    runFeature,
    newArticle: () => void newArticle(),
    saveNow,
    deleteOpenArticle: () => {
      const summary = items.find((a) => a.id === openRef.current?.id);
      if (summary) void deleteArticle(summary);
    },
    startComment,
    toggleList: () => setShowList((v) => !v),
    toggleDetails,
    toggleReview,
    // After the menu or palette has handed focus back, so the move sticks.
    focusList: () => setTimeout(focusList),
    focusEditor: () => setTimeout(focusEditor),
    setTheme,
    zoom,
    openPalette: () => setOverlay('palette'),
    openKeyboardHelp: () => setOverlay('keyboard-help'),
    showAbout: () => void client.appInfo({}).then((info) => notify(`Newsroom ${info.version}`)),
  };
  const commandContextRef = useRef(commandContext);
  commandContextRef.current = commandContext;
  useCommandKeys(commands, commandContextRef);
  const menus = buildMenus(commands, commandContext, t);

  const FeatureView = feature?.view;
  const rightPanel = open && !feature ? (showReview ? 'review' : showDetails ? 'details' : null) : null;
  return (
    <div className={`app${showList ? '' : ' no-list'}${rightPanel ? '' : ' no-details'}${rightPanel === 'review' ? ' review-open' : ''}`}>
      <a className="skip-link" href="#editor" onClick={(e) => (e.preventDefault(), focusEditor())}>
        {t('app.skipToEditor')}
      </a>
      <header className="app-header">
        <Brand asHeading={!open || !!feature} />
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
            <FeatureView {...featureContext} close={() => setFeature(null)} received={received} />
          </section>
        ) : open && mineBeside?.articleId === open.id ? (
          <div className="merge-layout">
            <div className="editor-scroll">
              <ArticleEditor key={open.id} controller={open.controller} label={t('editor.label')} />
            </div>
            <MineBeside mine={mineBeside.doc} onClose={() => setMineBeside(null)} />
          </div>
        ) : open ? (
          <div className="editor-scroll" aria-busy={switching || undefined}>
            {switching && (
              <p className="switch-notice" role="status" data-testid="switch-notice">
                {t('app.switching')}
              </p>
            )}
            <ArticleEditor key={open.id} controller={open.controller} label={t('editor.label')} />
          </div>
        ) : (
          <div className="empty-state">
            {openError ? (
              <p role="alert" className="error">
                {openError}
              </p>
            ) : null}
            {!openError && !listLoading && !listError && items.length === 0 && !statusFilter ? (
              <FirstRun onNew={() => void newArticle()} onImport={() => runFeature(importFeature)} onOpenPackage={() => runFeature(openPackageFeature)} />
            ) : (
              <>
                {!openError && <p>{t('app.noArticle')}</p>}
                <button type="button" className="primary" onClick={() => void newArticle()}>
                  + {t('app.newArticle')}
                </button>
              </>
            )}
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
        <DetailsPanel key={`details-${open.id}`} client={client} session={open.session} slugAuto={slugAuto} leaving={switching} onSlugAutoChange={changeSlugAuto} onOpenReview={() => runFeature(reviewFeature)} />
      )}
      {open ? (
        <StatusBar key={`status-${open.id}`} controller={open.controller} session={open.session} onResolveConflict={() => setResolvingConflict(true)} />
      ) : (
        <footer className="status-bar" />
      )}
      {open && resolvingConflict && (
        <ConflictDialog
          client={client}
          open={open}
          reloadArticle={reopenArticle}
          showMineBeside={(doc) => setMineBeside({ articleId: open.id, doc })}
          onClose={() => setResolvingConflict(false)}
        />
      )}
      {open && <LinkDialog key={`link-${open.id}`} controller={open.controller} />}
      <Toasts toasts={toasts} dismiss={dismiss} />
      {overlay === 'palette' && (
        <CommandPalette
          commands={commands}
          context={commandContext}
          onClose={(chosen) => {
            setOverlay(null);
            if (chosen) setTimeout(() => chosen.run(commandContextRef.current));
          }}
        />
      )}
      {overlay === 'keyboard-help' && <KeyboardHelp commands={commands} onClose={() => setOverlay(null)} />}
    </div>
  );
}
