import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHOOSE_FOLDER_CHANNEL } from '../../shared/bridge';
import { isAppUrl } from './app-url';

/** Longest dialog title taken from the page. */
const MAX_TITLE = 200;

/**
 * Native dialogs the page may ask for. Only the app's own frames may ask; the
 * page passes a title and gets back a path the user chose, nothing more.
 */
export function registerDialogs(): void {
  ipcMain.handle(CHOOSE_FOLDER_CHANNEL, async (event: IpcMainInvokeEvent, input: unknown) => {
    if (!isAppUrl(event.senderFrame?.url ?? '')) return null;
    const raw = (input as { title?: unknown } | null)?.title;
    const title = typeof raw === 'string' ? raw.slice(0, MAX_TITLE) : '';
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options = { title, properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });
}
