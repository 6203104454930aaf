import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { build } from 'vite';

/**
 * The bare-ProseMirror baseline page (tests/bench/typing-baseline: same schema,
 * stylesheet and document as the editor, no app around it), which the editor
 * benches measure ours against.
 */

/** Where a page reaches the baseline once `serveBaseline` has routed it. */
export const BASELINE_URL = 'http://baseline.test/';

/** Build the baseline page into `outDir`. */
export async function buildBaseline(outDir: string): Promise<void> {
  await build({ configFile: false, root: join(import.meta.dirname, 'typing-baseline'), base: './', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/**
 * Serve the built baseline at BASELINE_URL from memory on a page or a whole
 * context, plus `extra` files (path → body) such as a document to fetch.
 */
export async function serveBaseline(target: Pick<Page, 'route'>, builtDir: string, extra: Record<string, { body: string; contentType: string }> = {}): Promise<void> {
  await target.route(`${BASELINE_URL}**`, async (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/$/, '/index.html');
    const file = extra[path];
    if (file) return route.fulfill(file);
    try {
      await route.fulfill({ body: readFileSync(join(builtDir, path)), contentType: TYPES[extname(path)] ?? 'application/octet-stream' });
    } catch {
      await route.fulfill({ status: 404, body: '' });
    }
  });
}
