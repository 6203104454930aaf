import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type OpenDialogOptions } from 'electron';
import { CHOOSE_FOLDER_CHANNEL, CHOOSE_IMAGES_CHANNEL, IMAGE_EXTENSIONS, type ChosenFile } from '../../shared/bridge';
import { isAppUrl } from './app-url';
import type { ChosenPaths } from './chosen-paths';

/** Longest dialog title taken from the page. */
const MAX_TITLE = 200;
/** At most this many files per choice. */
const MAX_FILES = 100;

function titleOf(input: unknown): string {
  const raw = (input as { title?: unknown } | null)?.title;
  return typeof raw === 'string' ? raw.slice(0, MAX_TITLE) : '';
}

function show(event: IpcMainInvokeEvent, options: OpenDialogOptions) {
  const owner = BrowserWindow.fromWebContents(event.sender);
  return owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options);
}

/**
 * Native dialogs the page may ask for. Only the app's own frames may ask; the
 * page passes a title and gets back a path the user chose, nothing more. Chosen
 * photos are remembered in `chosen`, so the page can import exactly those by path
 * (`importMediaFile`): the main process reads one file at a time, after checking
 * its size, instead of loading every chosen file to send its bytes.
 */
export function registerDialogs(chosen: ChosenPaths): void {
  ipcMain.handle(CHOOSE_FOLDER_CHANNEL, async (event: IpcMainInvokeEvent, input: unknown) => {
    if (!isAppUrl(event.senderFrame?.url ?? '')) return null;
    const result = await show(event, { title: titleOf(input), properties: ['openDirectory', 'createDirectory'] });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });

  ipcMain.handle(CHOOSE_IMAGES_CHANNEL, async (event: IpcMainInvokeEvent, input: unknown): Promise<ChosenFile[]> => {
    if (!isAppUrl(event.senderFrame?.url ?? '')) return [];
    const result = await show(event, { title: titleOf(input), properties: ['openFile', 'multiSelections'], filters: [{ name: 'Images', extensions: [...IMAGE_EXTENSIONS] }] });
    if (result.canceled) return [];
    const files: ChosenFile[] = [];
    for (const path of result.filePaths.slice(0, MAX_FILES)) {
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) continue;
      files.push({ name: basename(path), path });
    }
    chosen.add(files.map((f) => f.path));
    return files;
  });
}
