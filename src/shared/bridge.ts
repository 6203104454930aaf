import type { ApiResult, CallName } from './api';

/** Application-menu commands the shell sends to the page (File → New, Edit → Find, …). */
export const MENU_COMMANDS = ['new-article', 'save', 'find', 'import', 'open-package', 'send-review', 'send-desk', 'export', 'insert-photo', 'review', 'toggle-details', 'review-pane', 'comment', 'suggest-mode', 'proofing-panel', 'proofing-rules', 'new-from-template', 'recent', 'print', 'export-pdf', 'export-word', 'templates', 'zoom-in', 'zoom-out', 'zoom-reset', 'command-palette', 'keyboard-help', 'about'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * What the Electron preload exposes as `window.newsroom`: one function per API
 * call and a menu subscription that passes only the command name. The browser
 * host has no bridge; the page talks HTTP instead.
 */
export interface NewsroomBridge {
  readonly host: 'electron';
  /** One function per call a page may make (`PAGE_CALL_NAMES`); host-only calls are absent. */
  readonly api: { readonly [N in CallName]?: (input: unknown) => Promise<ApiResult<unknown>> };
  /** Calls `listener` with each menu command; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** The system's folder chooser; the chosen folder's full path, or null when cancelled. */
  chooseFolder(request: { title: string }): Promise<string | null>;
  /**
   * The system's file chooser for photos; the chosen files' names and paths (none
   * when cancelled), for the `importMediaFile` call, which reads each file in the
   * main process. A page may only open its own file chooser in direct answer to a
   * click, which a command from the application menu is not.
   */
  chooseImageFiles(request: { title: string }): Promise<ChosenFile[]>;
  /**
   * Calls `listener` with each `.newsroom` file the system asked the app to open
   * (a double-click, "Open with", a second launch given a file), in order; files
   * that arrived before the page subscribed are delivered on subscribing.
   * Returns an unsubscribe function.
   */
  onOpenFile(listener: (file: OpenedFile) => void): () => void;
  /**
   * Print the window's print layout to a PDF file the user names in the system's
   * save dialog (`webContents.printToPDF`); the saved path, or null when cancelled.
   */
  exportPdf(request: { title: string; fileName: string }): Promise<string | null>;
}

/** A file the system handed the app to open: its bytes, or why they could not be read. */
export type OpenedFile = { name: string; data: Uint8Array } | { name: string; problem: 'missing' | 'too-large' };

/** A photo the user chose in the desktop file chooser: imported by path, never read by the page. */
export interface ChosenFile {
  name: string;
  path: string;
}

/** Photo types the desktop file chooser and story folders take (HEIC for iPhone photos; the core says clearly if it cannot decode one). */
export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'avif', 'heic', 'heif'] as const;

/** IPC channel of an API call. */
export const callChannel = (name: CallName) => `api:${name}`;
export const MENU_CHANNEL = 'menu:command';
export const CHOOSE_FOLDER_CHANNEL = 'dialog:choose-folder';
export const CHOOSE_IMAGES_CHANNEL = 'dialog:choose-images';
export const OPEN_FILE_CHANNEL = 'shell:open-file';
export const EXPORT_PDF_CHANNEL = 'print:export-pdf';
