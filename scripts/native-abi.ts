// The ABI a native addon was built for, read from the addon itself, and the ABI
// the installed Electron needs, read from Electron's own package. node-gyp
// "succeeds" against Node's headers when Electron's cannot be fetched, leaving an
// addon that loads in Node and fails in the app: the release refuses that here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The module version an addon registers as: every addon built on Node's own API
 * (better-sqlite3 is one) exports `node_register_module_v<N>` (`_node_…` on
 * macOS), where N is the ABI of the headers it was compiled against. Null when
 * the file names none (an N-API addon, or not an addon).
 */
export function addonAbi(addonPath: string): number | null {
  const text = readFileSync(addonPath).toString('latin1');
  const versions = new Set([...text.matchAll(/node_register_module_v(\d+)/g)].map((m) => Number(m[1])));
  if (versions.size > 1) throw new Error(`${addonPath} registers several module versions (${[...versions].join(', ')}); it is not one clean build.`);
  return versions.size ? [...versions][0]! : null;
}

/** The installed Electron's version and module ABI, from `electron/package.json` and the `abi_version` file Electron's package ships. */
export function electronAbi(root: string): { version: string; abi: number } {
  const dir = join(root, 'node_modules', 'electron');
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  const abi = Number(readFileSync(join(dir, 'abi_version'), 'utf8').trim());
  if (!Number.isInteger(abi) || abi <= 0) throw new Error(`node_modules/electron/abi_version does not hold a module version; reinstall electron ${version}.`);
  return { version, abi };
}

/** Throws a sentence naming both numbers unless the addon was built for `electron`'s ABI. */
export function assertBuiltForElectron(addonPath: string, electron: { version: string; abi: number }): void {
  const built = addonAbi(addonPath);
  if (built === electron.abi) return;
  const hint =
    built === null
      ? 'it registers no module version'
      : `it was built for module version ${built}${built === Number(process.versions.modules) ? " (this Node's, not Electron's: node-gyp could not fetch Electron's headers)" : ''}`;
  throw new Error(`${addonPath} cannot load in Electron ${electron.version}, which needs module version ${electron.abi}: ${hint}.`);
}
