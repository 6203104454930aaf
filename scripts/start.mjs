#!/usr/bin/env node
// `npm start`: build, then launch the Electron app. Where the Electron runtime
// cannot be obtained (no download possible), say so in one line and start the
// browser host instead.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const electronVite = fileURLToPath(new URL('../node_modules/electron-vite/bin/electron-vite.js', import.meta.url));
const build = spawnSync(process.execPath, [electronVite, 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) {
  console.error('newsroom: the build failed (see above).');
  process.exit(1);
}

// Resolving `electron` downloads its binary on first use; do that in a child so a
// failure is one quiet line here instead of a stack trace.
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { encoding: 'utf8', timeout: 120_000 });
const electronPath = probe.status === 0 ? probe.stdout.trim() : '';
// The build script shares the release's ABI check (scripts/native-abi.ts), so it is TypeScript.
const { ensureElectronSqlite } = await tsImport('./electron-native.ts', import.meta.url);
const sqliteBinding = electronPath ? await ensureElectronSqlite({ root: fileURLToPath(new URL('..', import.meta.url)) }) : null;

let child;
if (electronPath && sqliteBinding) {
  // The shell finds the driver built above by itself (src/main/shell/native-binding.ts).
  child = spawn(electronPath, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
} else {
  console.log(
    electronPath
      ? 'The database driver could not be built for Electron; starting Newsroom in your browser instead.'
      : 'The Electron runtime is not available on this machine (it could not be downloaded); starting Newsroom in your browser instead.',
  );
  child = spawn(process.execPath, ['bin/newsroom.js', 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
