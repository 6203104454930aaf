import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where the running Electron app is, as `app` and `process` report it. */
export interface ElectronLayout {
  /** `app.isPackaged`. */
  packaged: boolean;
  /** `process.resourcesPath`: the packaged app's resources folder. */
  resourcesPath: string;
  /** `app.getAppPath()`: the project folder in development. */
  appPath: string;
  /** `process.versions.electron`. */
  electronVersion: string;
}

const ADDON = join('better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

/**
 * The better-sqlite3 addon built for this Electron's ABI (the one in
 * `node_modules` is built for Node, for the CLI and tests). A packaged app
 * carries it unpacked beside its archive
 * (`<resources>/app.asar.unpacked/node_modules/better-sqlite3/…`); in
 * development `npm start` (scripts/electron-native.ts) builds it once into
 * `node_modules/.cache/newsroom-electron/<electron version>/node_modules/better-sqlite3/…`.
 * Throws a sentence naming the place looked at when it is missing, instead of
 * the driver's ABI error.
 */
export function electronSqliteBinding(layout: ElectronLayout, exists: (path: string) => boolean = existsSync): string {
  const path = layout.packaged
    ? join(layout.resourcesPath, 'app.asar.unpacked', 'node_modules', ADDON)
    : join(layout.appPath, 'node_modules', '.cache', 'newsroom-electron', layout.electronVersion, 'node_modules', ADDON);
  if (exists(path)) return path;
  throw new Error(
    layout.packaged
      ? `The database driver is missing from this installation (${path}). Reinstall Newsroom.`
      : `The database driver for Electron ${layout.electronVersion} has not been built (${path}). Start the app with "npm start", which builds it.`,
  );
}
