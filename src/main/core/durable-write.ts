import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * fsync a file or a folder by path. A folder's fsync makes the names created or
 * renamed in it durable: without it a power cut can lose a rename whose file data
 * was already on disk. Linux and macOS flush through a read-only descriptor;
 * Windows cannot open a folder this way and journals names itself (NTFS), so
 * folders are skipped there.
 */
export function fsyncPath(path: string, kind: 'file' | 'folder' = 'file'): void {
  if (kind === 'folder' && process.platform === 'win32') return;
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Write a file so that a reader sees either nothing or all of it, and it survives
 * power loss: written to a unique temporary name beside it, fsynced, renamed over,
 * then the folder fsynced so the new name itself is on disk before we return
 * (callers record the file in the database next: never a row without its file).
 */
export function writeFileDurably(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const fd = openSync(temp, 'wx');
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(temp, path);
  fsyncPath(dirname(path), 'folder');
}
