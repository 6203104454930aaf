#!/usr/bin/env node
// `npm run package:check`: proves the desktop package's layout on a machine that
// cannot download Electron. It builds the app, lays it out with electron-builder
// around a stand-in Electron (scripts/electron-stand-in.ts) into
// dist/linux-unpacked, and checks the result with @electron/asar. What only a
// real Electron can prove (the app starting, the rebuilt driver loading) is left
// to the release workflow (README "Releasing").
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import asar from '@electron/asar';
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants.js';
import { electronSqliteBinding } from '../src/main/shell/native-binding';
import { writeElectronStandIn } from './electron-stand-in';
import { addonAbi, electronAbi } from './native-abi';

const ROOT = resolve(import.meta.dirname, '..');
const APP_DIR = join(ROOT, 'dist', 'linux-unpacked');
const RESOURCES = join(APP_DIR, 'resources');
const ARCHIVE = join(RESOURCES, 'app.asar');
const UNPACKED = join(RESOURCES, 'app.asar.unpacked');
/** What the app may weigh on Linux x64 (archive plus unpacked natives, Electron itself not counted); 42 MB when the budget was set. */
const BUDGET_MB = 60;
/** Native code: addons and shared libraries, which cannot load from inside the archive. */
const NATIVE = /\.node$|\.so(\.\d+)*$|\.dylib$|\.dll$/;

function run(what: string, args: string[]): void {
  const started = Date.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ELECTRON_BUILDER_CACHE: join(ROOT, '.tmp', 'electron-builder-cache') } });
  if (r.status !== 0) {
    console.error(`package:check: ${what} failed (exit ${r.status ?? r.signal}).`);
    process.exit(1);
  }
  console.log(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Every file under `dir`, as paths relative to it with forward slashes. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

const electron = electronAbi(ROOT);
run('build (electron-vite)', [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
const standIn = writeElectronStandIn(join(ROOT, '.tmp', 'electron-stand-in'));
rmSync(APP_DIR, { recursive: true, force: true });
run('electron-builder --linux dir', [
  join(ROOT, 'node_modules/electron-builder/cli.js'),
  '--linux',
  'dir',
  '--publish',
  'never',
  '-c.npmRebuild=false',
  `-c.electronDist=${standIn}`,
  `-c.electronVersion=${electron.version}`,
]);

// The archive's files (directories left out), each with whether it is unpacked beside it.
const archived = asar
  .listPackage(ARCHIVE, { isPack: false })
  .map((p) => p.replace(/^[\\/]/, '').split('\\').join('/'))
  .map((path) => ({ path, stat: asar.statFile(ARCHIVE, path, false) as { files?: unknown; unpacked?: boolean; size?: number } }))
  .filter((e) => !e.stat.files);
const unpacked = filesUnder(UNPACKED);
const shipped = [...new Set([...archived.map((e) => e.path), ...unpacked])];
const ours = shipped.filter((p) => !p.startsWith('node_modules/'));

const results: { name: string; ok: boolean; detail: string }[] = [];
function check(name: string, verify: () => string): void {
  try {
    results.push({ name, ok: true, detail: verify() });
  } catch (err) {
    results.push({ name, ok: false, detail: (err as Error).message });
  }
}
function refuse(found: string[], what: string): void {
  if (found.length) throw new Error(`${found.length} ${what}: ${found.slice(0, 5).join(', ')}${found.length > 5 ? ', …' : ''}`);
}

check('main, preload and renderer bundles are in the archive', () => {
  const manifest = JSON.parse(asar.extractFile(ARCHIVE, 'package.json').toString('utf8')) as { main: string };
  const html = asar.extractFile(ARCHIVE, 'out/renderer/index.html').toString('utf8');
  const scripts = [...html.matchAll(/src="\.\/([^"]+\.js)"/g)].map((m) => `out/renderer/${m[1]}`);
  const needed = [manifest.main.replace(/^\.\//, ''), 'out/preload/index.cjs', 'out/renderer/index.html', ...scripts];
  refuse(needed.filter((p) => !archived.some((e) => e.path === p)), 'bundle files missing');
  if (!scripts.length) throw new Error('out/renderer/index.html loads no script');
  return needed.join(', ');
});

check('only the built app of ours is inside (no sources, no tests)', () => {
  refuse(ours.filter((p) => p !== 'package.json' && !/^out\/(main|preload|renderer)\//.test(p)), 'files outside out/{main,preload,renderer}');
  refuse(shipped.filter((p) => /(^|\/)(tests?|__tests__)\/|\.(test|spec|bench)\.[cm]?[jt]sx?$/.test(p) && !p.startsWith('node_modules/')), 'test files of ours');
  return `${ours.length} files of ours`;
});

check('no source maps of ours', () => {
  refuse(ours.filter((p) => p.endsWith('.map')), 'source maps');
  return 'none';
});

check('no dev dependency and no esbuild inside', () => {
  // The lockfile marks every package only development needs (`dev: true`). electron-builder may move a
  // nested copy to another folder, so a shipped package is matched by name and version, not by place.
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; dev?: boolean }> };
  const nameAt = (key: string) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
  const locked = new Map<string, boolean[]>();
  for (const [key, meta] of Object.entries(lock.packages)) {
    if (!key.includes('node_modules/')) continue;
    const id = `${nameAt(key)}@${meta.version}`;
    locked.set(id, [...(locked.get(id) ?? []), !!meta.dev]);
  }
  const manifests = shipped.filter((p) => /^(node_modules\/(@[^/]+\/)?[^/]+\/)+package\.json$/.test(p));
  const inside = manifests.map((p) => {
    const { name, version } = JSON.parse((existsSync(join(UNPACKED, p)) ? readFileSync(join(UNPACKED, p)) : asar.extractFile(ARCHIVE, p)).toString('utf8')) as { name: string; version: string };
    return `${name}@${version}`;
  });
  refuse(inside.filter((id) => !locked.has(id)), 'packages the lockfile does not list');
  refuse(inside.filter((id) => locked.get(id)?.every(Boolean) || /^(electron|esbuild|@esbuild\/[^@]+)@/.test(id)), 'dev-only packages');
  return `${new Set(inside).size} production packages`;
});

check('every package the main bundle imports is inside, with the file it loads', () => {
  // The main bundle is ESM: a bare `import … from "pkg"` loads the package's `exports["."].import`
  // (or `module`/`main`) entry. A package, or the entry file an exclusion pattern removed, that is
  // missing here would only fail when the real app starts.
  const bundle = asar.extractFile(ARCHIVE, 'out/main/index.js').toString('utf8');
  const specifiers = [
    ...bundle.matchAll(/^\s*(?:import|export)\b[^;"]*?\bfrom\s*"([^"]+)"/gm),
    ...bundle.matchAll(/^\s*import\s*"([^"]+)"/gm),
    ...bundle.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g),
  ].map((m) => m[1]!);
  const packages = [...new Set(specifiers.filter((spec) => !/^(\.|\/|node:)/.test(spec) && spec !== 'electron').map((spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/')))];
  const inArchive = (p: string) => archived.some((e) => e.path === p) || unpacked.includes(p);
  const missing = packages.filter((name) => {
    const manifestPath = `node_modules/${name}/package.json`;
    if (!inArchive(manifestPath)) return true;
    const manifest = JSON.parse((existsSync(join(UNPACKED, manifestPath)) ? readFileSync(join(UNPACKED, manifestPath)) : asar.extractFile(ARCHIVE, manifestPath)).toString('utf8')) as {
      main?: string;
      module?: string;
      exports?: unknown;
    };
    const dot = (manifest.exports as Record<string, unknown> | undefined)?.['.'] ?? manifest.exports;
    const pick = (e: unknown): string | undefined => (typeof e === 'string' ? e : e && typeof e === 'object' ? pick((e as Record<string, unknown>).import ?? (e as Record<string, unknown>).node ?? (e as Record<string, unknown>).default) : undefined);
    const entry = (pick(dot) ?? manifest.main ?? 'index.js').replace(/^\.\//, '');
    const candidates = [entry, `${entry}.js`, `${entry}/index.js`].map((f) => `node_modules/${name}/${f}`);
    return !candidates.some(inArchive);
  });
  refuse(missing, 'imported packages (or their entry files) missing');
  return `${packages.length} packages: ${packages.join(', ')}`;
});

check("nothing of better-sqlite3's sources or build tree", () => {
  refuse(
    shipped.filter((p) => p.startsWith('node_modules/better-sqlite3/') && /^node_modules\/better-sqlite3\/(deps|src|build)\//.test(p) && p !== 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
    'files of its sources',
  );
  return 'only lib/, package.json and build/Release/better_sqlite3.node';
});

check('native files are unpacked beside the archive', () => {
  const natives = archived.filter((e) => NATIVE.test(e.path));
  refuse(natives.filter((e) => !e.stat.unpacked || !existsSync(join(UNPACKED, e.path))).map((e) => e.path), 'native files packed inside the archive');
  const required = [
    /^node_modules\/better-sqlite3\/build\/Release\/better_sqlite3\.node$/,
    /^node_modules\/@img\/sharp-linux-x64\/lib\/sharp-linux-x64[^/]*\.node$/,
    /^node_modules\/@img\/sharp-libvips-linux-x64\/lib\/libvips-cpp\.so[.\d]*$/,
  ];
  refuse(required.filter((r) => !unpacked.some((p) => r.test(p))).map(String), 'required native files not unpacked');
  return natives.map((e) => e.path.split('/').pop()).join(', ');
});

check(`app size within ${BUDGET_MB} MB (Electron not counted)`, () => {
  const bytes = statSync(ARCHIVE).size + unpacked.reduce((sum, p) => sum + statSync(join(UNPACKED, p)).size, 0);
  const mb = bytes / 1024 / 1024;
  if (mb > BUDGET_MB) throw new Error(`${mb.toFixed(1)} MB`);
  return `${mb.toFixed(1)} MB (archive ${(statSync(ARCHIVE).size / 1024 / 1024).toFixed(1)} MB)`;
});

check('fuses are flipped in the packaged executable', () => {
  const binary = readFileSync(join(APP_DIR, 'newsroom'));
  const wire = binary.subarray(binary.indexOf(SENTINEL) + SENTINEL.length + 2);
  const wanted: [string, number, FuseState][] = [
    ['RunAsNode', 0, FuseState.DISABLE],
    ['EnableCookieEncryption', 1, FuseState.ENABLE],
    ['EnableNodeOptionsEnvironmentVariable', 2, FuseState.DISABLE],
    ['EnableNodeCliInspectArguments', 3, FuseState.DISABLE],
    ['EnableEmbeddedAsarIntegrityValidation', 4, FuseState.ENABLE],
    ['OnlyLoadAppFromAsar', 5, FuseState.ENABLE],
  ];
  refuse(wanted.filter(([, i, state]) => wire[i] !== state).map(([name]) => name), 'fuses not as configured');
  return wanted.map(([name, , state]) => `${name} ${state === FuseState.ENABLE ? 'on' : 'off'}`).join(', ');
});

check("the app's own lookup finds the unpacked database driver", () => {
  const found = electronSqliteBinding({ packaged: true, resourcesPath: RESOURCES, appPath: ARCHIVE, electronVersion: electron.version });
  if (!found.startsWith(UNPACKED + sep) || !statSync(found).isFile()) throw new Error(`resolved to ${found}`);
  const abi = addonAbi(found);
  // Built for Node here (npmRebuild=false, no Electron headers); `npm run release` rebuilds it and refuses any other ABI.
  return `${relative(ROOT, found)} (module version ${abi}; Electron ${electron.version} needs ${electron.abi}, which the release build makes)`;
});

for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.detail}`);
const failed = results.filter((r) => !r.ok).length;
mkdirSync(join(ROOT, 'test-results'), { recursive: true });
writeFileSync(join(ROOT, 'test-results', 'package-check.json'), JSON.stringify({ passed: results.length - failed, failed, results }, null, 2));
console.log(`package:check: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
