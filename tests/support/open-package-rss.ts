/**
 * Child process for the decompression-bomb test: opens one package file with
 * `readPackage` and prints how much the process's peak resident memory grew.
 *
 *     node --import tsx tests/support/open-package-rss.ts <file>
 *
 * Prints one JSON line: { refused: message | null, peakGrowthMb }.
 */
import { readFileSync } from 'node:fs';
import { readPackage } from '../../src/main/core/handoff/read';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: open-package-rss <file>\n');
  process.exit(2);
}
const bytes = new Uint8Array(readFileSync(file));
const before = process.resourceUsage().maxRSS; // KiB
let refused: string | null = null;
try {
  readPackage(bytes);
} catch (err) {
  refused = (err as Error).message;
}
const peakGrowthMb = (process.resourceUsage().maxRSS - before) / 1024;
process.stdout.write(`${JSON.stringify({ refused, peakGrowthMb })}\n`);
