import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary folder and a cleanup function. */
export function tempDir(prefix = 'newsroom-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The real article from our first newsroom, in the `shared` folder beside the
 * checkout (or one level further up, for a worktree kept in a subfolder).
 */
const SEED_CANDIDATES = [1, 2].map((up) => join(import.meta.dirname, '..', '..', ...Array<string>(up).fill('..'), 'shared', 'seeds', '000_1125d15221aff6fc.txt'));
export const SEED_PATH = SEED_CANDIDATES.find((p) => existsSync(p)) ?? SEED_CANDIDATES[0]!;
