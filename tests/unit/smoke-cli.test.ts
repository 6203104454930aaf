import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/main/cli/main';
import { APP_VERSION } from '../../src/main/core/version';
import { SEED_PATH, tempDir } from '../support/temp';
import { makePhoto } from './export-fixtures';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

const SLUG = 'tung-buoc-dap-ung-yeu-cau-cua-nen-hanh-chinh-hien-dai';

describe('newsroom CLI, import then export', () => {
  it('keeps APP_VERSION equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });

  it('refuses to export the seed while its photo is missing, naming the problem', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const db = join(dir, 'n.db');
      const a = io();
      expect(await main(['import', SEED_PATH, '--db', db, '--json'], a.io)).toBe(0);
      const [{ id }] = JSON.parse(a.out.join('\n')) as [{ id: string }];
      const b = io();
      expect(await main(['export', id, '--out', join(dir, 'out'), '--db', db], b.io)).not.toBe(0);
      expect([...b.out, ...b.err].join('\n')).toMatch(/Figure 1 has no photo yet/);
      expect(existsSync(join(dir, 'out', SLUG))).toBe(false);
    } finally {
      cleanup();
    }
  });

  it('exports the seed with its photo to an index.html holding the text in NFC', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const db = join(dir, 'n.db');
      const story = join(dir, 'story');
      mkdirSync(story);
      copyFileSync(SEED_PATH, join(story, 'bai.txt'));
      writeFileSync(join(story, 'anh.jpg'), await makePhoto(dir, { credit: 'Tiến Thành' }));
      const a = io();
      expect(await main(['import', story, '--db', db, '--json'], a.io), a.err.join('\n')).toBe(0);
      const [{ id }] = JSON.parse(a.out.join('\n')) as [{ id: string }];
      const b = io();
      expect(await main(['export', id, '--out', join(dir, 'out'), '--db', db], b.io), b.err.join('\n')).toBe(0);
      const html = readFileSync(join(dir, 'out', SLUG, 'index.html'), 'utf8');
      const seed = readFileSync(SEED_PATH, 'utf8').normalize('NFC');
      expect(html).toBe(html.normalize('NFC'));
      expect(html).toContain('Từng bước đáp ứng yêu cầu của nền hành chính hiện đại');
      // Every body paragraph of the seed is in the page, as the paper wrote it.
      for (const line of seed.split('\n').slice(6, 16).filter((l) => l.length > 200)) {
        expect(html).toContain(line.slice(0, 120));
      }
      expect(html).toContain('Tiến Thành');
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
