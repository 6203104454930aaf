import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where a README screenshot goes: `docs/` when `UPDATE_SCREENSHOTS=1` (a deliberate
 * refresh, committed with the change that alters the screen), else beside the
 * test results, so an ordinary test run leaves the working tree clean.
 */
export function screenshotPath(name: string): string {
  const root = join(import.meta.dirname, '..', '..');
  const dir = process.env.UPDATE_SCREENSHOTS === '1' ? join(root, 'docs') : join(root, 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
