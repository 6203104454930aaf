// better-sqlite3 for Electron's ABI, kept apart from the Node build that `npm test`
// and the CLI use: a copy of the package is built for Electron under
// node_modules/.cache/newsroom-electron/<electron version>/, where the shell looks
// for it (src/main/shell/native-binding.ts) and loads it through better-sqlite3's
// `nativeBinding` option. Rebuilding in place (as
// @electron/rebuild does) would break the Node build.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** Path of the Electron build of better-sqlite3, building it first if needed; null when that fails. */
export function ensureElectronSqlite(log = console.error) {
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const dir = join(root, 'node_modules/.cache/newsroom-electron', electronVersion);
  const binding = join(dir, 'better-sqlite3/build/Release/better_sqlite3.node');
  if (existsSync(binding)) return binding;
  log(`Building the database driver for Electron ${electronVersion} (once)…`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pkgDir = join(dir, 'better-sqlite3');
  cpSync(join(root, 'node_modules/better-sqlite3'), pkgDir, { recursive: true, filter: (src) => !src.includes(`${'better-sqlite3'}/build`) });
  const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion, npm_config_disturl: 'https://electronjs.org/headers' };
  const prebuilt = spawnSync(process.execPath, [join(root, 'node_modules/prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion], { cwd: pkgDir, env, stdio: 'ignore' });
  if (prebuilt.status !== 0) {
    const npmDir = join(process.execPath, '..', '..', 'lib', 'node_modules', 'npm');
    const gyp = join(npmDir, 'node_modules/node-gyp/bin/node-gyp.js');
    const built = spawnSync(process.execPath, [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: pkgDir, env, stdio: 'ignore' });
    if (built.status !== 0) {
      rmSync(dir, { recursive: true, force: true });
      return null;
    }
  }
  return existsSync(binding) ? binding : null;
}
