import type { TFunction } from 'i18next';
import type { EditorController } from '../editor/controller';
import { commands } from '../editor/commands';
import { SHORTCUTS, shortcutLabel } from '../editor/keymap';
import { FEATURE_SHORTCUTS, openFind } from '../editor/plugins/index';
import { FEATURES, type Feature } from '../features/index';
import { COMMENT_SHORTCUT, REVIEW_PANE_SHORTCUT } from '../features/review/pane-shortcuts';
import { setUiLanguage } from '../i18n/index';
import type { Menu, MenuItem } from './MenuBar';

/** What the menus act on and show; built by the app on every render. */
export interface AppMenuContext {
  t: TFunction;
  language: string;
  /** The open article's editor, if any. */
  editor: EditorController | null;
  runFeature(feature: Feature): void;
  newArticle(): void;
  saveNow(): void;
  deleteOpenArticle(): void;
  startComment(): void;
  panels: { list: boolean; details: boolean; review: boolean };
  toggleList(): void;
  toggleDetails(): void;
  toggleReview(): void;
  focusList(): void;
  focusEditor(): void;
}

/**
 * The window's menus (File, Edit, Format, Insert, View, Tools): every command of
 * the app with its shortcut, so everything is reachable from the keyboard. The
 * features registry adds its entries to the menu each names.
 */
export function buildMenus(ctx: AppMenuContext): Menu[] {
  const { t, editor } = ctx;
  const noArticle = !editor;
  const featureItems = (menu: Feature['menu']): MenuItem[] =>
    FEATURES.filter((f) => f.menu === menu).map((f) => ({
      id: `feature-${f.id}`,
      label: t(f.labelKey),
      shortcut: f.shortcut ? shortcutLabel(f.shortcut) : undefined,
      disabled: !!f.needsArticle && noArticle,
      run: () => ctx.runFeature(f),
    }));
  const withFeatures = (items: MenuItem[], menu: Feature['menu']): MenuItem[] => {
    const extra = featureItems(menu);
    return extra.length ? [...items, { id: `sep-${menu}`, separator: true }, ...extra] : items;
  };
  const formatItem = (id: keyof typeof SHORTCUTS & keyof typeof commands, labelKey: string): MenuItem => ({
    id,
    label: t(labelKey),
    shortcut: shortcutLabel(SHORTCUTS[id]),
    disabled: noArticle,
    run: () => editor?.run(commands[id]),
  });
  const menus: Menu[] = [
    {
      id: 'file',
      label: t('menu.file'),
      items: withFeatures(
        [
          { id: 'new', label: t('menu.newArticle'), run: ctx.newArticle },
          { id: 'save', label: t('menu.saveNow'), shortcut: shortcutLabel('Mod-s'), disabled: noArticle, run: ctx.saveNow },
          { id: 'delete', label: t('menu.deleteArticle'), disabled: noArticle, run: ctx.deleteOpenArticle },
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
          { id: 'find', label: t('editorTools.findLabel'), shortcut: shortcutLabel(FEATURE_SHORTCUTS.find), disabled: noArticle, run: () => editor?.run(openFind) },
          {
            id: 'suggest-mode',
            label: t('suggest.menu'),
            shortcut: shortcutLabel(FEATURE_SHORTCUTS.suggestMode),
            disabled: noArticle,
            checked: !!editor?.suggesting,
            run: () => void editor?.toggleSuggesting(),
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
        { id: 'link', label: t('toolbar.link'), shortcut: shortcutLabel(SHORTCUTS.link), disabled: noArticle, run: () => editor?.requestLink() },
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
          { id: 'comment', label: t('review.comments.addOnSelection'), shortcut: shortcutLabel(COMMENT_SHORTCUT), disabled: noArticle, run: ctx.startComment },
        ],
        'insert',
      ),
    },
    {
      id: 'view',
      label: t('menu.view'),
      items: withFeatures(
        [
          { id: 'toggle-list', label: t('menu.toggleList'), checked: ctx.panels.list, run: ctx.toggleList },
          { id: 'toggle-details', label: t('menu.toggleDetails'), checked: ctx.panels.details && !ctx.panels.review, run: ctx.toggleDetails },
          {
            id: 'toggle-review',
            label: t('review.pane.menu'),
            shortcut: shortcutLabel(REVIEW_PANE_SHORTCUT),
            checked: ctx.panels.review,
            disabled: noArticle,
            run: ctx.toggleReview,
          },
          { id: 'sep-focus', separator: true },
          { id: 'focus-list', label: t('menu.focusList'), disabled: !ctx.panels.list, run: () => setTimeout(ctx.focusList) },
          { id: 'focus-editor', label: t('menu.focusEditor'), disabled: noArticle, run: () => setTimeout(ctx.focusEditor) },
          { id: 'sep-lang', separator: true },
          { id: 'language', label: t('menu.language'), run: () => void setUiLanguage(ctx.language === 'vi' ? 'en' : 'vi') },
        ],
        'view',
      ),
    },
  ];
  const tools = featureItems('tools');
  if (tools.length) menus.push({ id: 'tools', label: t('menu.tools'), items: tools });
  return menus;
}
