import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type OpenDialogOptions } from 'electron';
import { CHOOSE_FOLDER_CHANNEL, CHOOSE_IMAGES_CHANNEL, IMAGE_EXTENSIONS, type ChosenFile } from '../../shared/bridge';
import { MAX_MEDIA_BYTES } from '../../shared/media';
import { isAppUrl } from './app-url';

/** Longest dialog title taken from the page. */
const MAX_TITLE = 200;
/**
 * A file over the media store's limit is handed on cut to one byte over it: the
 * store then refuses it with its usual "too large" message, and a huge file is
 * never read whole.
 */
const HANDED_BYTES = MAX_MEDIA_BYTES + 1;
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
 * page passes a title and gets back a path the user chose, nothing more.
 */
export function registerDialogs(): void {
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
      files.push({ name: basename(path), data: await readStart(path, Math.min(info.size, HANDED_BYTES)) });
    }
    return files;
  });
}

/** The first `length` bytes of a file. */
async function readStart(path: string, length: number): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const data = new Uint8Array(length);
    let read = 0;
    while (read < length) {
      const { bytesRead } = await file.read(data, read, length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return data.subarray(0, read);
  } finally {
    await file.close();
  }
}
