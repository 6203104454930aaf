import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RebuildOptions } from '@electron/rebuild';
import { electronSqliteDir, ensureElectronSqlite } from '../../scripts/electron-native';
import { electronAbi } from '../../scripts/native-abi';
import { tempDir } from '../support/temp';

const ROOT = join(import.meta.dirname, '..', '..');

/** A project root whose node_modules holds electron's package facts and a small better-sqlite3 copy. */
function project(dir: string): string {
  mkdirSync(join(dir, 'node_modules', 'electron'), { recursive: true });
  for (const f of ['package.json', 'abi_version']) cpSync(join(ROOT, 'node_modules', 'electron', f), join(dir, 'node_modules', 'electron', f));
  mkdirSync(join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release'), { recursive: true });
  writeFileSync(join(dir, 'node_modules', 'better-sqlite3', 'package.json'), '{"name":"better-sqlite3"}');
  writeFileSync(join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'node build');
  return dir;
}

/** A stand-in for @electron/rebuild that leaves an addon registering module version `abi`. */
const buildsFor = (abi: number, seen: RebuildOptions[] = []) => async (options: RebuildOptions) => {
  seen.push(options);
  const out = join(options.buildPath, 'node_modules', 'better-sqlite3', 'build', 'Release');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'better_sqlite3.node'), Buffer.from(`\u007fELF\0node_register_module_v${abi}\0`, 'latin1'));
};

describe('the Electron build of better-sqlite3 for npm start', () => {
  it('rebuilds a copy for the installed Electron through @electron/rebuild and returns it when its ABI is right', async () => {
    const { dir, cleanup } = tempDir('newsroom-electron-native-');
    try {
      const root = project(dir);
      const electron = electronAbi(root);
      const seen: RebuildOptions[] = [];
      const binding = await ensureElectronSqlite({ root, log: () => {}, build: buildsFor(electron.abi, seen) });
      expect(binding).toBe(join(electronSqliteDir(root, electron.version), 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
      expect(seen).toEqual([expect.objectContaining({ buildPath: electronSqliteDir(root, electron.version), electronVersion: electron.version, onlyModules: ['better-sqlite3'] })]);
      // The Node build the CLI and tests use is untouched.
      expect(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('node build');
    } finally {
      cleanup();
    }
  });

  it("refuses an addon built for Node's ABI instead of Electron's, says why, and leaves nothing to load", async () => {
    const { dir, cleanup } = tempDir('newsroom-electron-native-');
    try {
      const root = project(dir);
      const electron = electronAbi(root);
      const lines: string[] = [];
      const binding = await ensureElectronSqlite({ root, log: (l) => lines.push(l), build: buildsFor(Number(process.versions.modules)) });
      expect(binding).toBeNull();
      expect(lines.at(-1)).toContain(`which needs module version ${electron.abi}: it was built for module version ${process.versions.modules}`);
      expect(existsSync(electronSqliteDir(root, electron.version))).toBe(false);
    } finally {
      cleanup();
    }
  });

  it('is never run by an install script', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish']) expect(scripts[hook] ?? '', hook).not.toMatch(/electron-native|rebuild/);
  });
});
