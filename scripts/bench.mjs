#!/usr/bin/env node
// `npm run bench [name…]`: runs each tests/bench/*.bench.ts (or the named ones) in its
// own Node process through tsx. Each bench prints its own figures and targets.
// Options (`--articles 2000`) go to every bench that runs; the other words name benches.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith('--'));
const wanted = firstOption < 0 ? args : args.slice(0, firstOption);
const options = firstOption < 0 ? [] : args.slice(firstOption);
const files = readdirSync('tests/bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !wanted.length || wanted.some((w) => f.includes(w)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `tests/bench/${file}`, ...options], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
console.log(`\n${files.length - failed} benches ran, ${failed} failed`);
process.exit(failed ? 1 : 0);
