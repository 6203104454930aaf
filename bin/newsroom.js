#!/usr/bin/env node
// The `newsroom` command runs the CLI built with the app (out/cli/main.js, made by
// `npm run build` and by the `prepare` script that `npm ci` runs), on plain Node.
import { existsSync } from 'node:fs';

const built = new URL('../out/cli/main.js', import.meta.url);
if (!existsSync(built)) {
  console.error('newsroom: the command has not been built yet (out/cli/main.js is missing). Run "npm run build:cli" in the Newsroom folder.');
  process.exit(1);
}
const { main } = await import(built.href);
process.exitCode = await main(process.argv.slice(2));
