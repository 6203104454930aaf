import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/main/cli/main';
import { APP_VERSION } from '../../src/main/core/version';
import { SEED_PATH, tempDir } from '../support/temp';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

describe('newsroom CLI', () => {
  it('keeps APP_VERSION equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });

  it('imports the seed and exports an index.html holding its NFC text', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const db = join(dir, 'n.db');
      const a = io();
      expect(await main(['import', SEED_PATH, '--db', db, '--json'], a.io)).toBe(0);
      const [{ id }] = JSON.parse(a.out.join('\n')) as [{ id: string }];
      const b = io();
      expect(await main(['export', id, '--out', join(dir, 'out'), '--db', db], b.io)).toBe(0);
      const html = readFileSync(join(dir, 'out', 'tung-buoc-dap-ung-yeu-cau-cua-nen-hanh-chinh-hien-dai', 'index.html'), 'utf8');
      expect(html).toContain('Từng bước đáp ứng yêu cầu của nền hành chính hiện đại'.normalize('NFC'));
      expect(html).toContain('Tiến Thành');
      expect(html).toBe(html.normalize('NFC'));
    } finally {
      cleanup();
    }
  });

  it('reports an unknown command on one line with a non-zero exit', async () => {
    const a = io();
    expect(await main(['frobnicate'], a.io)).toBe(2);
    expect(a.err).toHaveLength(1);
    expect(a.err[0]).toMatch(/unknown command/);
  });
});
