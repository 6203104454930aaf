import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createCore, type Core } from './core/core';
import { DatabaseOpenError } from './core/db/errors';
import { registerIpc } from './shell/ipc';
import { installMenu } from './shell/menu';
import { registerSchemes, serveRenderer } from './shell/protocol';
import { builtPaths, createMainWindow } from './shell/window';

/** `--db PATH` on the command line, as the CLI takes it. */
function dbArgument(argv: string[]): string | undefined {
  const i = argv.indexOf('--db');
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith('--db='))?.slice(5);
}

registerSchemes();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: Core | null = null;
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.whenReady().then(() => {
    const databasePath = dbArgument(process.argv) || process.env.NEWSROOM_DB || join(app.getPath('userData'), 'newsroom.db');
    try {
      core = createCore({ databasePath, host: 'electron', nativeBinding: process.env.NEWSROOM_SQLITE_BINDING || undefined });
    } catch (err) {
      const message = err instanceof DatabaseOpenError ? err.message : `Newsroom could not open its database: ${(err as Error).message}`;
      dialog.showErrorBox('Newsroom', message);
      app.exit(1);
      return;
    }
    const { preloadPath, rendererDir } = builtPaths(import.meta.dirname);
    serveRenderer(rendererDir);
    registerIpc(core);
    installMenu(() => mainWindow, app.getLocale());
    mainWindow = createMainWindow({ preloadPath, stateDir: app.getPath('userData') });
    mainWindow.on('closed', () => (mainWindow = null));
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core?.close());
}
