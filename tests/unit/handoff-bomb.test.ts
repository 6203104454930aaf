import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rawZip, zeros } from '../support/zip-bomb';
import { tempDir } from '../support/temp';

const CHILD = join(import.meta.dirname, '..', 'support', 'open-package-rss.ts');
const MB = 1024 * 1024;

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** Open `bytes` as a package in a fresh Node process; what it said and how much its peak memory grew. */
function openInChild(bytes: Uint8Array): { refused: string | null; peakGrowthMb: number } {
  const file = join(dir, 'bomb.newsroom');
  writeFileSync(file, bytes);
  const out = execFileSync(process.execPath, ['--import', 'tsx', CHILD, file], { encoding: 'utf8', maxBuffer: MB });
  return JSON.parse(out.trim()) as { refused: string | null; peakGrowthMb: number };
}

describe('decompression bombs', () => {
  it('a ~2 MB package declaring 1.9 GB is refused before inflating, with peak memory growth under 300 MB', () => {
    // 19 photos of 100 MB zeros each, every one within the per-photo limit: ~2 MB on disk, 1.9 GB inflated.
    const body = zeros(100 * MB);
    const entries = Array.from({ length: 19 }, (_, i) => ({ name: `media/${i.toString(16).padStart(64, '0')}`, ...body, declaredSize: 100 * MB }));
    const bomb = rawZip(entries);
    expect(bomb.length).toBeLessThan(2.5 * MB);
    const { refused, peakGrowthMb } = openInChild(bomb);
    expect(refused).toMatch(/^the package declares more than \d+ bytes in total$/);
    expect(peakGrowthMb).toBeLessThan(300);
  });

  it('an entry that inflates past the size it declares is stopped while inflating, with peak memory growth under 300 MB', () => {
    // One entry declaring 1 KB that inflates to 400 MB (more than every limit).
    const body = zeros(400 * MB);
    const bomb = rawZip([{ name: 'history.json', ...body, declaredSize: 1024 }]);
    const { refused, peakGrowthMb } = openInChild(bomb);
    expect(refused).toBe('entry "history.json" inflates to more than the 1024 bytes it declares; the package was refused as a decompression bomb');
    expect(peakGrowthMb).toBeLessThan(300);
  });
});
