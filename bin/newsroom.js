#!/usr/bin/env node
// The `newsroom` command runs the TypeScript sources through tsx, so it works
// straight after `npm ci` without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
