import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** A file of a bundle: a relative path made of safe names, and its bytes. */
export interface BundleFile {
  path: string;
  bytes: Buffer;
}

const SAFE_SEGMENT = /^[a-z0-9][a-z0-9._-]*$/;

/** Refuse any relative path that could leave its folder (`..`, absolute, odd characters). */
export function assertSafeRelativePath(path: string): void {
  const segments = path.split('/');
  if (!segments.every((s) => SAFE_SEGMENT.test(s) && !s.includes('..'))) throw new Error(`unsafe file name in bundle: ${JSON.stringify(path)}`);
}

/** Join `name` under `root`, refusing anything that resolves outside it. */
export function inside(root: string, name: string): string {
  const target = resolve(root, name);
  const rel = relative(root, target);
  if (!rel || rel.startsWith('..') || rel.includes(`..${sep}`) || resolve(root, rel) !== target) throw new Error(`refusing to write outside ${root}: ${name}`);
  return target;
}

function writeFileSynced(path: string, bytes: Buffer): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Hidden work folders beside a target; left over only if a process was killed. */
const tempName = (name: string, kind: 'tmp' | 'old') => `.${name}.${kind}-${randomBytes(6).toString('hex')}`;

/**
 * A previous export killed between its two renames leaves the old bundle under a
 * `.name.old-*` folder and no `name`: put it back. Stale temporary folders go.
 */
export function recoverInterrupted(root: string, name: string): void {
  if (!existsSync(root)) return;
  for (const entry of readdirSync(root)) {
    if (entry.startsWith(`.${name}.tmp-`)) rmSync(join(root, entry), { recursive: true, force: true });
  }
  const olds = readdirSync(root).filter((e) => e.startsWith(`.${name}.old-`));
  for (const old of olds) {
    if (!existsSync(join(root, name))) renameSync(join(root, old), join(root, name));
    else rmSync(join(root, old), { recursive: true, force: true });
  }
}

/**
 * Write `files` as the folder `root/name`, atomically: everything goes to a
 * temporary folder beside the target, is fsynced, then renamed into place. An
 * existing bundle is swapped out by rename and deleted only after the new one is
 * in place, so a failure at any point leaves either the old or the new bundle.
 */
export function writeFolderAtomically(root: string, name: string, files: BundleFile[]): string {
  mkdirSync(root, { recursive: true });
  const target = inside(root, name);
  recoverInterrupted(root, name);
  const temp = inside(root, tempName(name, 'tmp'));
  mkdirSync(temp);
  try {
    const dirs = new Set<string>([temp]);
    for (const file of files) {
      assertSafeRelativePath(file.path);
      const path = inside(temp, file.path);
      if (!dirs.has(dirname(path))) {
        mkdirSync(dirname(path), { recursive: true });
        dirs.add(dirname(path));
      }
      writeFileSynced(path, file.bytes);
    }
    for (const dir of dirs) fsyncDir(dir);
  } catch (err) {
    rmSync(temp, { recursive: true, force: true });
    throw err;
  }
  const old = existsSync(target) ? inside(root, tempName(name, 'old')) : null;
  if (old) renameSync(target, old);
  try {
    renameSync(temp, target);
  } catch (err) {
    if (old) renameSync(old, target);
    rmSync(temp, { recursive: true, force: true });
    throw err;
  }
  fsyncDir(root);
  if (old) rmSync(old, { recursive: true, force: true });
  return target;
}

/** Write one file atomically (temporary file beside it, fsync, rename over). */
export function writeFileAtomically(root: string, name: string, bytes: Buffer): string {
  mkdirSync(root, { recursive: true });
  const target = inside(root, name);
  const temp = inside(root, tempName(name, 'tmp'));
  try {
    writeFileSynced(temp, bytes);
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
  fsyncDir(root);
  return target;
}
