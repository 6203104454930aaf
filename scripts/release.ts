#!/usr/bin/env node
// `npm run release`: the installers for this machine's platform and architecture
// (Windows NSIS, macOS dmg, Linux deb + AppImage; electron-builder.yml), as the
// release workflow runs it on each of its machines. Native modules cannot be
// cross-compiled, so each machine builds only its own architecture.
//
// better-sqlite3 is rebuilt for the packaged Electron with @electron/rebuild, in
// place, and its ABI is checked before and after packaging: node-gyp "succeeds"
// against Node's headers when Electron's cannot be fetched, and that addon would
// only fail on a reporter's machine. Afterwards node_modules holds the Electron
// build; `npm rebuild better-sqlite3` brings back the Node build the tests use.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { rebuild } from '@electron/rebuild';
import { assertBuiltForElectron, electronAbi } from './native-abi';

const ROOT = resolve(import.meta.dirname, '..');
const ADDON = join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const PLATFORM_FLAG: Partial<Record<NodeJS.Platform, string>> = { win32: '--win', darwin: '--mac', linux: '--linux' };

function fail(message: string): never {
  console.error(`release: ${message}`);
  process.exit(1);
}

function run(what: string, args: string[]): void {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) fail(`${what} failed (exit ${r.status ?? r.signal}).`);
}

const platformFlag = PLATFORM_FLAG[process.platform] ?? fail(`no installer is built on ${process.platform}.`);
const arch = process.arch;
if (arch !== 'x64' && arch !== 'arm64') fail(`no installer is built for ${arch}.`);
const electron = electronAbi(ROOT);
const extraArgs = process.argv.slice(2);

run('the app build', [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);

console.log(`Rebuilding better-sqlite3 for Electron ${electron.version} (module version ${electron.abi}, ${arch})…`);
await rebuild({ buildPath: ROOT, electronVersion: electron.version, arch, onlyModules: ['better-sqlite3'], force: true });
try {
  assertBuiltForElectron(join(ROOT, ADDON), electron);
} catch (err) {
  fail((err as Error).message);
}

run('electron-builder', [join(ROOT, 'node_modules/electron-builder/cli.js'), platformFlag, `--${arch}`, '--publish', 'never', ...extraArgs]);

// What was packaged, not only what was built: every unpacked copy of the addon under dist/.
const packaged = readdirSync(join(ROOT, 'dist'), { recursive: true, encoding: 'utf8' })
  .filter((p) => p.endsWith(ADDON) && p.includes(`app.asar.unpacked${sep}`))
  .map((p) => join(ROOT, 'dist', p));
if (!packaged.length) fail(`no packaged ${ADDON} was found under dist/: the database driver would be missing from the installers.`);
for (const addon of packaged) {
  try {
    assertBuiltForElectron(addon, electron);
  } catch (err) {
    fail((err as Error).message);
  }
}
console.log(`release: installers in dist/; the database driver in each is built for Electron ${electron.version} (module version ${electron.abi}).`);
console.log('release: node_modules now holds the Electron build of better-sqlite3; run "npm rebuild better-sqlite3" before running the tests again.');
