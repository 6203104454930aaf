import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fsyncPath } from '../durable-write';
import { assertReplaceableFolder } from './ownership';

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

function writeFileOnce(path: string, bytes: Buffer, sync: boolean): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    if (sync) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** fsync a folder, making renames inside it durable. */
export function syncFolder(path: string): void {
  fsyncPath(path, 'folder');
}

/**
 * Hidden work folders beside a target: `.name.tmp` while writing, `.name.old` while
 * swapping. Fixed names keep recovery to two existence checks (no directory scan,
 * which grows with every bundle in a batch folder).
 */
const workName = (name: string, kind: 'tmp' | 'old') => `.${name}.${kind}`;

/**
 * A previous export killed between its two renames leaves the old bundle under
 * `.name.old` and no `name`: put it back. A half-written `.name.tmp` goes.
 */
export function recoverInterrupted(root: string, name: string): void {
  rmSync(join(root, workName(name, 'tmp')), { recursive: true, force: true });
  const old = join(root, workName(name, 'old'));
  if (!existsSync(old)) return;
  if (!existsSync(join(root, name))) renameSync(old, join(root, name));
  else rmSync(old, { recursive: true, force: true });
}

/** A bundle written to its temporary folder, not yet in place. */
export interface StagedFolder {
  root: string;
  target: string;
  temp: string;
  /** Every file and folder written, for a later fsync. */
  written: string[];
}

/**
 * Write `files` into the temporary folder beside `root/name`. With `sync` each
 * file is fsynced as it is written; a batch passes false and calls
 * {@link syncStaged} once for all its bundles, which is much cheaper.
 */
export function stageFolder(root: string, name: string, files: BundleFile[], options: { sync: boolean }): StagedFolder {
  mkdirSync(root, { recursive: true });
  const target = inside(root, name);
  recoverInterrupted(root, name);
  const temp = inside(root, workName(name, 'tmp'));
  mkdirSync(temp);
  const written: string[] = [];
  try {
    const dirs = new Set<string>([temp]);
    for (const file of files) {
      assertSafeRelativePath(file.path);
      const path = inside(temp, file.path);
      if (!dirs.has(dirname(path))) {
        mkdirSync(dirname(path), { recursive: true });
        dirs.add(dirname(path));
      }
      writeFileOnce(path, file.bytes, options.sync);
      written.push(path);
    }
    if (options.sync) for (const dir of dirs) fsyncPath(dir, 'folder');
    written.push(...dirs);
  } catch (err) {
    rmSync(temp, { recursive: true, force: true });
    throw err;
  }
  return { root, target, temp, written };
}

/**
 * Flush staged bundles to disk: every file and folder, with the fsyncs issued
 * concurrently so the file system commits them together (ext4 and others group
 * concurrent fsyncs into one journal commit: ~10× faster than one after another).
 */
export async function syncStaged(staged: StagedFolder[]): Promise<void> {
  const paths = staged.flatMap((s) => s.written);
  const results = await Promise.allSettled(
    paths.map(async (path) => {
      const handle = await open(path, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Throw a staged bundle away (its export failed). */
export function discardStaged(staged: StagedFolder): void {
  rmSync(staged.temp, { recursive: true, force: true });
}

/**
 * Put a staged (and synced) bundle in place. An existing bundle is swapped out by
 * rename and deleted only after the new one is in place, so a failure at any
 * point leaves either the old or the new bundle. Anything at the target that is
 * not a bundle export wrote is refused ({@link assertReplaceableFolder}).
 */
export function commitStaged(staged: StagedFolder, options: { syncRoot: boolean } = { syncRoot: true }): string {
  const { root, target, temp } = staged;
  assertReplaceableFolder(target);
  const old = existsSync(target) ? inside(root, workName(relative(root, target), 'old')) : null;
  if (old) renameSync(target, old);
  try {
    renameSync(temp, target);
  } catch (err) {
    if (old) renameSync(old, target);
    rmSync(temp, { recursive: true, force: true });
    throw err;
  }
  if (options.syncRoot) fsyncPath(root, 'folder');
  if (old) rmSync(old, { recursive: true, force: true });
  return target;
}

/**
 * Write `files` as the folder `root/name`, atomically: into a temporary folder
 * beside the target, fsynced, then renamed into place.
 */
export async function writeFolderAtomically(root: string, name: string, files: BundleFile[]): Promise<string> {
  const staged = stageFolder(root, name, files, { sync: false });
  try {
    await syncStaged([staged]);
  } catch (err) {
    discardStaged(staged);
    throw err;
  }
  return commitStaged(staged);
}

/** Write one file atomically (temporary file beside it, fsync, rename over). */
export function writeFileAtomically(root: string, name: string, bytes: Buffer): string {
  mkdirSync(root, { recursive: true });
  const target = inside(root, name);
  const temp = inside(root, workName(name, 'tmp'));
  rmSync(temp, { force: true });
  try {
    writeFileOnce(temp, bytes, true);
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
  fsyncPath(root, 'folder');
  return target;
}
