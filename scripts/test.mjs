#!/usr/bin/env node
// `npm test`: layer lint, typecheck, unit tests, build, e2e tests, package layout. Prints one
// `stage: N passed, N failed` line per stage and a closing total CI can read.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';

const only = process.argv.slice(2);
const want = (stage) => only.length === 0 || only.includes(stage);
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(cmd, args, env = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function record(stage, passed, failed, skipped = 0) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${stage}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

mkdirSync('test-results', { recursive: true });

if (want('lint')) {
  const code = run('npx', ['eslint', '--max-warnings=0', '.']);
  record('lint', code === 0 ? 1 : 0, code === 0 ? 0 : 1);
}

if (want('typecheck')) {
  const node = run('npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
  const web = run('npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']);
  const tests = run('npx', ['tsc', '-p', 'tsconfig.tests.json', '--noEmit']);
  record('typecheck', (node === 0) + (web === 0) + (tests === 0), (node !== 0) + (web !== 0) + (tests !== 0));
}

if (want('unit')) {
  // Some unit tests run the `newsroom` command as a separate process (another user, a
  // closed pipe): it runs the built CLI, so build it from the sources being tested.
  if (run('npm', ['run', '--silent', 'build:cli']) !== 0) record('build:cli', 0, 1);
  const out = 'test-results/unit.json';
  rmSync(out, { force: true });
  const code = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    record('unit', r.numPassedTests, r.numFailedTests + (code !== 0 && r.numFailedTests === 0 ? 1 : 0), r.numPendingTests + r.numTodoTests);
  } else record('unit', 0, 1);
}

if (want('e2e')) {
  const build = run('npx', ['electron-vite', 'build']);
  if (build !== 0) record('build', 0, 1);
  else {
    const out = 'test-results/e2e.json';
    rmSync(out, { force: true });
    const code = run('npx', ['playwright', 'test']);
    if (existsSync(out)) {
      const s = JSON.parse(readFileSync(out, 'utf8')).stats;
      record('e2e', s.expected, s.unexpected + s.flaky + (code !== 0 && s.unexpected === 0 ? 1 : 0), s.skipped);
    } else record('e2e', 0, 1);
  }
}

if (want('package')) {
  // The desktop package's layout, around a stand-in Electron (scripts/package-check.ts, about 15 s).
  const out = 'test-results/package-check.json';
  rmSync(out, { force: true });
  const code = run('npx', ['tsx', 'scripts/package-check.ts']);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    record('package', r.passed, r.failed + (code !== 0 && r.failed === 0 ? 1 : 0));
  } else record('package', 0, 1);
}

console.log('\n' + lines.join('\n'));
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed ? 1 : 0);
