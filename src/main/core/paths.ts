import { homedir } from 'node:os';
import { join } from 'node:path';

/** Application name; also the folder name Electron uses for `userData`. */
export const APP_NAME = 'Newsroom';

/** The per-user data folder, the same place Electron's `app.getPath('userData')` points. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_NAME);
}

/** Database path: an explicit `--db`, else `NEWSROOM_DB`, else `newsroom.db` in the data folder. */
export function resolveDatabasePath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return explicit || env.NEWSROOM_DB || join(defaultDataDir(env), 'newsroom.db');
}
