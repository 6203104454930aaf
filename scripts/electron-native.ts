// better-sqlite3 for Electron's ABI, kept apart from the Node build that `npm test`
// and the CLI use: a copy of the package is placed in its own small project under
// node_modules/.cache/newsroom-electron/<electron version>/ and rebuilt there by
// @electron/rebuild (prebuilt binary first, compiled otherwise). The shell loads it
// from there (src/main/shell/native-binding.ts) through better-sqlite3's
// `nativeBinding` option. Only `npm start` runs this, never an install script: a
// failed native build must not fail `npm ci`.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rebuild, type RebuildOptions } from '@electron/rebuild';
import { assertBuiltForElectron, electronAbi } from './native-abi';

/** Where the Electron build of the addon lives below the project root, for `electronVersion`. */
export function electronSqliteDir(root: string, electronVersion: string): string {
  return join(root, 'node_modules', '.cache', 'newsroom-electron', electronVersion);
}

export interface EnsureOptions {
  /** Project root (holds node_modules). */
  root: string;
  log?: (line: string) => void;
  /** The rebuild step; tests pass a stand-in. */
  build?: (options: RebuildOptions) => Promise<unknown>;
}

/**
 * Path of the Electron build of better-sqlite3, building it first if needed; null
 * (after logging why) when the build fails or produces an addon for another ABI,
 * in which case nothing is left behind for the shell to load.
 */
export async function ensureElectronSqlite({ root, log = console.error, build = rebuild }: EnsureOptions): Promise<string | null> {
  const electron = electronAbi(root);
  const dir = electronSqliteDir(root, electron.version);
  const binding = join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) {
    try {
      assertBuiltForElectron(binding, electron);
      return binding;
    } catch (err) {
      log(`${(err as Error).message} Rebuilding it.`);
    }
  }
  log(`Building the database driver for Electron ${electron.version} (once)…`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'newsroom-electron-sqlite', private: true, dependencies: { 'better-sqlite3': '*' } }));
  cpSync(join(root, 'node_modules', 'better-sqlite3'), join(dir, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (src) => !src.includes(join('better-sqlite3', 'build')),
  });
  try {
    await build({ buildPath: dir, electronVersion: electron.version, onlyModules: ['better-sqlite3'], force: true });
    assertBuiltForElectron(binding, electron);
    return binding;
  } catch (err) {
    log(`The database driver could not be built for Electron ${electron.version}: ${(err as Error).message}`);
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}
