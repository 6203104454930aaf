import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from './command';

/**
 * The checkout the CLI runs from: the nearest folder above this file holding
 * `package.json`. The same code runs built (`out/cli/main.js`) and from source in
 * tests (`src/main/cli/project.ts`), at different depths.
 */
function projectRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error(`no package.json above ${from}`);
}

export const PROJECT_ROOT = projectRoot(dirname(fileURLToPath(import.meta.url)));

/** Build main, preload and renderer into `out/` with electron-vite (a few seconds). */
export async function buildRenderer(): Promise<void> {
  try {
    const { build } = await import('electron-vite');
    await build({ root: PROJECT_ROOT, logLevel: 'warn' });
  } catch (err) {
    throw new CliError(`building the app failed: ${(err as Error).message.split('\n')[0]}`);
  }
}
