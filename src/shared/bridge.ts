import type { ApiResult, CallName } from './api';

/** Application-menu commands the shell sends to the page (File → New, Edit → Find, …). */
export const MENU_COMMANDS = ['new-article', 'save', 'find', 'import', 'open-package', 'export', 'insert-photo', 'review', 'toggle-details', 'suggest-mode', 'about'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * What the Electron preload exposes as `window.newsroom`: one function per API
 * call and a menu subscription that passes only the command name. The browser
 * host has no bridge; the page talks HTTP instead.
 */
export interface NewsroomBridge {
  readonly host: 'electron';
  readonly api: { readonly [N in CallName]: (input: unknown) => Promise<ApiResult<unknown>> };
  /** Calls `listener` with each menu command; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** The system's folder chooser; the chosen folder's full path, or null when cancelled. */
  chooseFolder(request: { title: string }): Promise<string | null>;
}

/** IPC channel of an API call. */
export const callChannel = (name: CallName) => `api:${name}`;
export const MENU_CHANNEL = 'menu:command';
export const CHOOSE_FOLDER_CHANNEL = 'dialog:choose-folder';
