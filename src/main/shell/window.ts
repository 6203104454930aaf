import { BrowserWindow, nativeTheme, shell } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from '../../shared/bridge';
import { join } from 'node:path';
import { safeHref } from '../../shared/links';
import { APP_URL, isAppUrl } from './app-url';
import { loadWindowState, trackWindowState } from './window-state';

/**
 * The main window: isolated, sandboxed, no Node in the page. Navigation away
 * from the app and new windows are refused; http(s)/mailto links open in the
 * system browser after validation.
 */
export function createMainWindow(options: { preloadPath: string; stateDir: string }): BrowserWindow {
  const state = loadWindowState(options.stateDir);
  const win = new BrowserWindow({
    ...(state.restored ? state.bounds : { width: state.bounds.width, height: state.bounds.height }),
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Newsroom',
    // The page's background before it paints, light or dark as the system is (the page's own theme follows).
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1a1917' : '#f6f4ef',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  if (state.maximized) win.maximize();
  trackWindowState(win, options.stateDir);

  const openOutside = (url: string) => {
    const href = safeHref(url);
    if (href) void shell.openExternal(href);
  };
  win.webContents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openOutside(url);
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  // Ctrl+wheel and pinch zoom the page the page's way (CSS zoom, remembered), like Ctrl+= and Ctrl+-.
  win.webContents.on('zoom-changed', (_event, direction: 'in' | 'out') => {
    const command: MenuCommand = direction === 'in' ? 'zoom-in' : 'zoom-out';
    win.webContents.send(MENU_CHANNEL, command);
  });
  // The page holds the close while a save is pending and flushes it; give that a
  // second, then close regardless: anything still unsaved is in the recovery journal.
  let heldOnce = false;
  win.webContents.on('will-prevent-unload', (event) => {
    if (heldOnce) {
      event.preventDefault();
      return;
    }
    heldOnce = true;
    setTimeout(() => win.close(), 1000);
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_URL);
  return win;
}

/** Paths of the built preload and renderer, relative to the built main entry (out/main). */
export function builtPaths(mainDir: string): { preloadPath: string; rendererDir: string } {
  return { preloadPath: join(mainDir, '..', 'preload', 'index.cjs'), rendererDir: join(mainDir, '..', 'renderer') };
}
