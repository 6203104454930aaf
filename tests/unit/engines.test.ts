import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

const root = join(import.meta.dirname, '..', '..');
const manifest = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as { engines?: Record<string, string>; version?: string };

/** The runtime and tools the app, its build, its tests and its packaging run on; each declares the Node versions it supports (@electron/fuses declares none). */
const TOOLS = ['electron', 'electron-vite', 'vite', '@vitejs/plugin-react', 'vitest', 'eslint', 'typescript-eslint', 'better-sqlite3', 'sharp', '@playwright/test', 'electron-builder', '@electron/rebuild', '@electron/asar'];

describe('package.json engines', () => {
  const ours = manifest('package.json').engines ?? {};

  it.each(TOOLS)('promises only Node versions that %s supports', (tool) => {
    const theirs = manifest(join('node_modules', tool, 'package.json')).engines?.node;
    expect(theirs, `${tool} declares its Node versions`).toBeTruthy();
    expect(semver.subset(ours.node!, theirs!), `${ours.node} within ${tool}'s ${theirs}`).toBe(true);
  });

  it('asks for the npm the lockfile is written with, on a Node that npm supports', () => {
    const lock = manifest('package-lock.json') as { lockfileVersion?: number };
    expect(lock.lockfileVersion).toBe(3);
    expect(ours.npm).toBe('>=11');
    // npm 11 itself runs on ^20.17.0 || >=22.9.0.
    expect(semver.subset(ours.node!, '^20.17.0 || >=22.9.0')).toBe(true);
  });

});
