/**
 * The Hunspell dictionaries behind spelling, read once per process and only when a
 * check first needs them (opening the store or the CLI never pays for them).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nspell from 'nspell';
import type { Speller } from '../../../shared/proofing/spelling';

const require = createRequire(import.meta.url);
const cache = new Map<string, Speller>();

function load(packageName: 'dictionary-vi' | 'dictionary-en'): Speller {
  let speller = cache.get(packageName);
  if (!speller) {
    const dir = dirname(require.resolve(packageName));
    speller = nspell({ aff: readFileSync(join(dir, 'index.aff')), dic: readFileSync(join(dir, 'index.dic')) });
    cache.set(packageName, speller);
  }
  return speller;
}

export const vietnameseSpeller = (): Speller => load('dictionary-vi');
export const englishSpeller = (): Speller => load('dictionary-en');
