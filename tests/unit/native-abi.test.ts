import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addonAbi, assertBuiltForElectron, electronAbi } from '../../scripts/native-abi';
import { tempDir } from '../support/temp';

const ROOT = join(import.meta.dirname, '..', '..');
const NODE_BUILD = join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');

/** A file shaped like an addon's symbol table: some bytes, the registration symbol, more bytes. */
function fakeAddon(dir: string, symbols: string[]): string {
  const path = join(dir, 'addon.node');
  writeFileSync(path, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]), ...symbols.map((s) => Buffer.from(`\0${s}\0`, 'latin1')), Buffer.alloc(64)]));
  return path;
}

describe('native addon ABI check (release)', () => {
  it("reads the module version better-sqlite3's Node build registers: this Node's", () => {
    expect(addonAbi(NODE_BUILD)).toBe(Number(process.versions.modules));
  });

  it("takes Electron's module version from Electron's own package", () => {
    const electron = electronAbi(ROOT);
    expect(electron.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(electron.abi).toBeGreaterThan(Number(process.versions.modules));
  });

  it("refuses the Node build for Electron, naming both numbers and the missing headers", () => {
    const electron = electronAbi(ROOT);
    expect(() => assertBuiltForElectron(NODE_BUILD, electron)).toThrow(
      new RegExp(`needs module version ${electron.abi}: it was built for module version ${process.versions.modules} \\(this Node's`),
    );
  });

  it("accepts an addon registered for Electron's version, on any platform's spelling", () => {
    const { dir, cleanup } = tempDir();
    try {
      const electron = { version: '45.5.0', abi: 150 };
      expect(() => assertBuiltForElectron(fakeAddon(dir, ['node_register_module_v150']), electron)).not.toThrow();
      mkdirSync(join(dir, 'mac'));
      expect(() => assertBuiltForElectron(fakeAddon(join(dir, 'mac'), ['_node_register_module_v150']), electron)).not.toThrow();
      expect(() => assertBuiltForElectron(fakeAddon(dir, ['napi_register_module_v1']), electron)).toThrow(/registers no module version/);
      expect(() => assertBuiltForElectron(fakeAddon(dir, ['node_register_module_v150', 'node_register_module_v115']), electron)).toThrow(/several module versions \(150, 115\)/);
    } finally {
      cleanup();
    }
  });
});
