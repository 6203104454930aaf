import { app, dialog, session, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { Core } from './core/core';
import { useNativeBinding } from './core/db/driver';
import { backupAfterOpen, backupAtQuit } from './core/backup/session';
import { ChosenPaths } from './shell/chosen-paths';
import { registerDialogs } from './shell/dialogs';
import { registerIpc } from './shell/ipc';
import { registerPdfExport } from './shell/pdf';
import { installMenu } from './shell/menu';
import { electronSqliteBinding } from './shell/native-binding';
import { openCoreWithRecovery } from './shell/open-database';
import { installFileOpening } from './shell/open-files';
import { installPermissionPolicy } from './shell/permissions';
import { registerSchemes, serveMedia, serveRenderer } from './shell/protocol';
import { builtPaths, createMainWindow } from './shell/window';

/** `--db PATH` on the command line, as the CLI takes it. */
function dbArgument(argv: string[]): string | undefined {
  const i = argv.indexOf('--db');
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith('--db='))?.slice(5);
}

/** Load better-sqlite3's Electron build for every connection; false (after saying why) when it is missing. */
function useElectronSqlite(): boolean {
  try {
    useNativeBinding(
      electronSqliteBinding({ packaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath(), electronVersion: process.versions.electron ?? '' }),
    );
    return true;
  } catch (err) {
    dialog.showErrorBox('Newsroom', (err as Error).message);
    return false;
  }
}

registerSchemes();

if (!useElectronSqlite()) {
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: Core | null = null;
  let mainWindow: BrowserWindow | null = null;
  let quitting = false;

  // A second launch (a double-clicked package, on Windows and Linux) focuses this window and hands it its file.
  const fileOpening = installFileOpening(app, process.argv, process.cwd());

  void app.whenReady().then(async () => {
    const databasePath = dbArgument(process.argv) || process.env.NEWSROOM_DB || join(app.getPath('userData'), 'newsroom.db');
    const vietnamese = app.getLocale().toLowerCase().startsWith('vi');
    installPermissionPolicy(session.defaultSession);
    core = await openCoreWithRecovery(databasePath, vietnamese);
    if (!core) {
      app.exit(1);
      return;
    }
    const opened = core;
    backupAfterOpen(opened).catch((err: unknown) => console.error(`daily backup failed: ${(err as Error).message}`));
    const { preloadPath, rendererDir } = builtPaths(import.meta.dirname);
    serveRenderer(rendererDir);
    serveMedia((name, input) => opened.call(name, input));
    const chosenPhotos = new ChosenPaths();
    registerIpc(opened, chosenPhotos);
    registerDialogs(chosenPhotos);
    registerPdfExport();
    installMenu(() => mainWindow, app.getLocale());
    mainWindow = createMainWindow({ preloadPath, stateDir: app.getPath('userData') });
    mainWindow.on('closed', () => (mainWindow = null));
    const shown = mainWindow;
    shown.webContents.once('did-finish-load', () => fileOpening.windowReady(shown));
  });

  app.on('window-all-closed', () => app.quit());

  // Windows close first (the page flushes unsaved edits as it unloads); then the day's
  // backup is refreshed and the database closed before the process ends.
  app.on('will-quit', (event) => {
    if (quitting || !core) return;
    event.preventDefault();
    quitting = true;
    const closing = core;
    backupAtQuit(closing)
      .catch((err: unknown) => console.error(`backup at quit failed: ${(err as Error).message}`))
      .finally(() => {
        closing.close();
        core = null;
        app.quit();
      });
  });
}
