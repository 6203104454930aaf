import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary folder and a cleanup function. */
export function tempDir(prefix = 'newsroom-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The real article from our first newsroom. */
export const SEED_PATH = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds', '000_1125d15221aff6fc.txt');
