import { commandShortcut } from '../../../shared/menu-commands';
import type { MenuCommand } from '../../../shared/bridge';
import { commands as editorCommands } from '../editor/commands';
import { SHORTCUTS } from '../editor/keymap';
import { openFind } from '../editor/plugins/index';
import { FEATURES, type Feature } from '../features/index';
import { setUiLanguage } from '../i18n/index';
import type { ThemeChoice } from '../appearance/theme';
import type { AppCommand, CommandContext } from './types';

const hasArticle = (ctx: CommandContext) => !!ctx.editor;

/** A command the Electron menu also sends: its shortcut comes from `shared/menu-commands.ts`. */
function menuCommand(id: MenuCommand, command: Omit<AppCommand, 'id' | 'shortcut'>): AppCommand {
  const shortcut = commandShortcut(id);
  return { id, ...(shortcut ? { shortcut } : {}), ...command };
}

/** A ProseMirror command on the open article, bound by the editor's own keymap. */
function editorCommand(id: keyof typeof SHORTCUTS & keyof typeof editorCommands, labelKey: string, menu: AppCommand['menu'], group: string): AppCommand {
  return { id, labelKey, shortcut: SHORTCUTS[id], keysIn: 'editor', menu, group, enabled: hasArticle, run: (ctx) => void ctx.editor?.run(editorCommands[id]) };
}

function themeCommand(choice: ThemeChoice): AppCommand {
  return { id: `theme-${choice}`, labelKey: `appearance.theme.${choice}`, menu: 'view', group: 'theme', checked: (ctx) => ctx.theme === choice, run: (ctx) => ctx.setTheme(choice) };
}

/** A feature's entry (export view, import review…), listed in the menu it names. */
export function featureCommand(feature: Feature): AppCommand {
  return {
    id: feature.id,
    labelKey: feature.labelKey,
    ...(feature.shortcut ? { shortcut: feature.shortcut } : {}),
    menu: feature.menu,
    group: 'features',
    ...(feature.needsArticle ? { enabled: hasArticle } : {}),
    run: (ctx) => ctx.runFeature(feature),
  };
}

/**
 * Every command of the app, in menu order. To add one, append an entry here (or,
 * for a screen of its own, a feature to `FEATURES`); menus, palette, keys and
 * keyboard help follow.
 */
export const APP_COMMANDS: readonly AppCommand[] = [
  // File
  menuCommand('new-article', { labelKey: 'menu.newArticle', menu: 'file', group: 'article', run: (ctx) => ctx.newArticle() }),
  menuCommand('save', { labelKey: 'menu.saveNow', menu: 'file', group: 'article', enabled: hasArticle, run: (ctx) => ctx.saveNow() }),
  { id: 'delete-article', labelKey: 'menu.deleteArticle', menu: 'file', group: 'article', enabled: hasArticle, run: (ctx) => ctx.deleteOpenArticle() },
  // Edit
  editorCommand('undo', 'menu.undo', 'edit', 'history'),
  editorCommand('redo', 'menu.redo', 'edit', 'history'),
  menuCommand('find', { labelKey: 'editorTools.findLabel', keysIn: 'editor', menu: 'edit', group: 'find', enabled: hasArticle, run: (ctx) => void ctx.editor?.run(openFind) }),
  menuCommand('suggest-mode', {
    labelKey: 'suggest.menu',
    keysIn: 'editor',
    menu: 'edit',
    group: 'find',
    enabled: hasArticle,
    checked: (ctx) => !!ctx.editor?.suggesting,
    run: (ctx) => void ctx.editor?.toggleSuggesting(),
  }),
  // Format
  editorCommand('bold', 'toolbar.bold', 'format', 'marks'),
  editorCommand('italic', 'toolbar.italic', 'format', 'marks'),
  { id: 'link', labelKey: 'toolbar.link', shortcut: SHORTCUTS.link, keysIn: 'editor', menu: 'format', group: 'marks', enabled: hasArticle, run: (ctx) => ctx.editor?.requestLink() },
  editorCommand('paragraph', 'toolbar.paragraph', 'format', 'blocks'),
  editorCommand('heading2', 'toolbar.heading2', 'format', 'blocks'),
  editorCommand('heading3', 'toolbar.heading3', 'format', 'blocks'),
  editorCommand('bulletList', 'toolbar.bulletList', 'format', 'blocks'),
  editorCommand('orderedList', 'toolbar.orderedList', 'format', 'blocks'),
  editorCommand('blockquote', 'toolbar.blockquote', 'format', 'blocks'),
  // Insert
  editorCommand('horizontalRule', 'toolbar.horizontalRule', 'insert', 'text'),
  menuCommand('comment', { labelKey: 'review.comments.addOnSelection', menu: 'insert', group: 'text', enabled: hasArticle, run: (ctx) => ctx.startComment() }),
  // View
  { id: 'toggle-list', labelKey: 'menu.toggleList', menu: 'view', group: 'panels', checked: (ctx) => ctx.panels.list, run: (ctx) => ctx.toggleList() },
  menuCommand('toggle-details', { labelKey: 'menu.toggleDetails', menu: 'view', group: 'panels', checked: (ctx) => ctx.panels.details && !ctx.panels.review, run: (ctx) => ctx.toggleDetails() }),
  menuCommand('review-pane', { labelKey: 'review.pane.menu', menu: 'view', group: 'panels', enabled: hasArticle, checked: (ctx) => ctx.panels.review, run: (ctx) => ctx.toggleReview() }),
  { id: 'focus-list', labelKey: 'menu.focusList', menu: 'view', group: 'focus', enabled: (ctx) => ctx.panels.list, run: (ctx) => ctx.focusList() },
  { id: 'focus-editor', labelKey: 'menu.focusEditor', menu: 'view', group: 'focus', enabled: hasArticle, run: (ctx) => ctx.focusEditor() },
  menuCommand('zoom-in', { labelKey: 'appearance.zoomIn', moreKeys: ['Mod-+'], menu: 'view', group: 'zoom', run: (ctx) => ctx.zoom(1) }),
  menuCommand('zoom-out', { labelKey: 'appearance.zoomOut', menu: 'view', group: 'zoom', run: (ctx) => ctx.zoom(-1) }),
  menuCommand('zoom-reset', { labelKey: 'appearance.zoomReset', menu: 'view', group: 'zoom', run: (ctx) => ctx.zoom(0) }),
  themeCommand('system'),
  themeCommand('light'),
  themeCommand('dark'),
  { id: 'language', labelKey: 'menu.language', menu: 'view', group: 'language', run: (ctx) => void setUiLanguage(ctx.language === 'vi' ? 'en' : 'vi') },
  // Help
  menuCommand('command-palette', { labelKey: 'palette.menu', menu: 'help', group: 'help', run: (ctx) => ctx.openPalette() }),
  menuCommand('keyboard-help', { labelKey: 'keyboardHelp.menu', moreKeys: ['F1'], menu: 'help', group: 'help', run: (ctx) => ctx.openKeyboardHelp() }),
  menuCommand('about', { labelKey: 'menu.about', menu: 'help', group: 'about', run: (ctx) => ctx.showAbout() }),
];

/** The built-in commands followed by one per feature: the registry every surface reads. */
export function allCommands(features: readonly Feature[] = FEATURES): AppCommand[] {
  return [...APP_COMMANDS, ...features.map(featureCommand)];
}

/** The registry's command with this id, if any. */
export function commandById(id: string, commands: readonly AppCommand[] = allCommands()): AppCommand | undefined {
  return commands.find((c) => c.id === id);
}
