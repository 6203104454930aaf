import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { tempDir } from './temp';

/**
 * A fresh temporary folder, and a database path in it that nothing has created
 * yet, for each test of the calling file or `describe` block; the folder is
 * removed after every test. Read `dir` and `db` inside tests only.
 */
export function tempDbPerTest(prefix?: string): { readonly dir: string; readonly db: string } {
  let current: { dir: string; cleanup(): void } | null = null;
  beforeEach(() => {
    current = tempDir(prefix);
  });
  afterEach(() => {
    current?.cleanup();
    current = null;
  });
  const dir = () => {
    if (!current) throw new Error('tempDbPerTest: the folder exists only while a test runs');
    return current.dir;
  };
  return {
    get dir() {
      return dir();
    },
    get db() {
      return join(dir(), 'n.db');
    },
  };
}
