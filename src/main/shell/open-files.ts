import { open, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { App, BrowserWindow } from 'electron';
import { OPEN_FILE_CHANNEL, type OpenedFile } from '../../shared/bridge';
import { LIMITS, PACKAGE_EXTENSION } from '../core/handoff/format';

/**
 * The `.newsroom` files a command line names, made absolute against the folder it
 * was given in. `argv[0]` is the executable; options (`--…`, and the path after
 * `--db`) are not files to open.
 */
export function packageArguments(argv: readonly string[], workingDirectory: string): string[] {
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--db') i++;
    else if (!arg.startsWith('-') && arg.toLowerCase().endsWith(PACKAGE_EXTENSION)) files.push(resolve(workingDirectory, arg));
  }
  return files;
}

/** A package file's bytes for the page, or why it cannot have them; a file over the package limit is never read. */
export async function readOpenedFile(path: string): Promise<OpenedFile> {
  const name = basename(path);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return { name, problem: 'missing' };
  if (info.size > LIMITS.packageBytes) return { name, problem: 'too-large' };
  const file = await open(path, 'r').catch(() => null);
  if (!file) return { name, problem: 'missing' };
  try {
    const data = new Uint8Array(info.size);
    let read = 0;
    while (read < data.length) {
      const { bytesRead } = await file.read(data, read, data.length - read, read);
      if (!bytesRead) break;
      read += bytesRead;
    }
    return { name, data: data.subarray(0, read) };
  } finally {
    await file.close();
  }
}

export interface FileOpening {
  /** The window's page has loaded: hand it what is waiting, and from now on each file as it comes. */
  windowReady(window: BrowserWindow): void;
}

/**
 * Opening `.newsroom` files from the system: the first launch's own arguments, a
 * second launch's (Windows and Linux start a new process per double-click; it
 * gets no lock, quits, and this one receives its argv in `second-instance`), and
 * macOS's `open-file` (which can come before the app is ready, so this must be
 * installed at start). Files wait until the window's page has loaded, then go to
 * it in order; a second launch also brings the window to the front.
 */
export function installFileOpening(app: Pick<App, 'on'>, argv: readonly string[], workingDirectory: string): FileOpening {
  const waiting = packageArguments(argv, workingDirectory);
  let target: BrowserWindow | null = null;
  let sending = Promise.resolve();

  const deliver = () => {
    const window = target;
    if (!window) return;
    const paths = waiting.splice(0);
    sending = sending.then(async () => {
      for (const path of paths) {
        const file = await readOpenedFile(path);
        if (!window.isDestroyed()) window.webContents.send(OPEN_FILE_CHANNEL, file);
      }
    });
  };
  const bringToFront = () => {
    if (!target || target.isDestroyed()) return;
    if (target.isMinimized()) target.restore();
    target.show();
    target.focus();
  };

  app.on('second-instance', (_event, commandLine, secondDirectory) => {
    bringToFront();
    waiting.push(...packageArguments(commandLine, secondDirectory));
    deliver();
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    waiting.push(path);
    deliver();
    bringToFront();
  });

  return {
    windowReady(window) {
      target = window;
      window.on('closed', () => {
        if (target === window) target = null;
      });
      deliver();
    },
  };
}
