import type { EditorController } from '../editor/controller';
import type { Feature } from '../features/index';
import type { ThemeChoice } from '../appearance/theme';

/** The menus of the window, in the order the menu bar shows them. */
export const COMMAND_MENUS = ['file', 'edit', 'format', 'insert', 'view', 'tools', 'help'] as const;
export type CommandMenu = (typeof COMMAND_MENUS)[number];

/**
 * What a command acts on and reads its state from; the app builds it on every
 * render, so `enabled` and `checked` always see the current window.
 */
export interface CommandContext {
  /** The open article's editor, if any. */
  editor: EditorController | null;
  language: string;
  panels: { list: boolean; details: boolean; review: boolean };
  theme: ThemeChoice;
  runFeature(feature: Feature): void;
  newArticle(): void;
  saveNow(): void;
  deleteOpenArticle(): void;
  startComment(): void;
  toggleList(): void;
  toggleDetails(): void;
  toggleReview(): void;
  focusList(): void;
  focusEditor(): void;
  setTheme(choice: ThemeChoice): void;
  /** +1 larger, -1 smaller, 0 back to 100 %. */
  zoom(step: 1 | -1 | 0): void;
  openPalette(): void;
  openKeyboardHelp(): void;
  showAbout(): void;
}

/**
 * One command of the app: the single description the menu bar, the toolbar,
 * keyboard shortcuts, the command palette, the keyboard help and (through
 * `shared/menu-commands.ts`) the Electron menu all read.
 */
export interface AppCommand {
  /** Unique id; for a command the Electron menu also sends, its `MenuCommand` name. */
  id: string;
  /** i18n key of the label. */
  labelKey: string;
  /** The shortcut in ProseMirror key notation ("Mod-Shift-p"), shown wherever the command is. */
  shortcut?: string;
  /** Further keys for the same command (F1 besides Ctrl+/), bound and listed in the help. */
  moreKeys?: readonly string[];
  /**
   * Who listens for the keys: 'app' binds them window-wide; 'editor' means the
   * editor's keymap handles them while the text has focus (undo, bold, find…),
   * so the window must not take them too.
   */
  keysIn?: 'app' | 'editor';
  /** The menu that lists it; none: only the palette, the keys and the help. */
  menu?: CommandMenu;
  /** Commands of one group sit together in their menu; a separator parts groups. */
  group?: string;
  enabled?(ctx: CommandContext): boolean;
  /** A toggle's state (shown as a check mark); undefined for a plain action. */
  checked?(ctx: CommandContext): boolean;
  run(ctx: CommandContext): void;
}

/** Whether `command` can run now. */
export function isEnabled(command: AppCommand, ctx: CommandContext): boolean {
  return command.enabled ? command.enabled(ctx) : true;
}
