import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A fresh temporary folder and a cleanup function. */
export function tempDir(prefix = 'newsroom-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const SEED_NAME = join('shared', 'seeds', '000_1125d15221aff6fc.txt');

/** The nearest `shared/seeds` above the checkout: beside it, or higher up for a worktree in a subfolder. */
function findSeed(from: string): string {
  for (let dir = join(from, '..', '..', '..'); ; dir = dirname(dir)) {
    if (existsSync(join(dir, SEED_NAME))) return join(dir, SEED_NAME);
    if (dirname(dir) === dir) return join(from, '..', '..', '..', SEED_NAME);
  }
}

/** The real article from our first newsroom. */
export const SEED_PATH = findSeed(import.meta.dirname);
