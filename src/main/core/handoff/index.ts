import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import type { Core } from '../core';
import { applyPackage, type UnpackResult } from './apply';
import { HandoffError, LIMITS } from './format';
import { buildPackage, type BuiltPackage } from './pack';
import { readPackage } from './read';

export { HandoffError } from './format';
export type { UnpackResult } from './apply';
export { buildPackage } from './pack';

/** Write the package so a reader sees either nothing or the whole file. */
function writeDurably(path: string, bytes: Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  const fd = openSync(temp, 'w');
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
}

/** "Send for review" / "Send to desk" to a file. */
export async function packArticleToFile(core: Core, articleId: string, outPath: string, purpose: 'review' | 'desk' = 'review'): Promise<BuiltPackage & { path: string }> {
  const built = await buildPackage(core, articleId, purpose);
  writeDurably(outPath, built.bytes);
  return { ...built, path: outPath };
}

/** Open a package from its bytes: check everything, then bring it in all at once. */
export async function unpackBytes(core: Core, bytes: Uint8Array): Promise<UnpackResult> {
  return applyPackage(core, readPackage(bytes));
}

export async function unpackFile(core: Core, path: string): Promise<UnpackResult> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new HandoffError(`${path}: no such file`);
  }
  if (size > LIMITS.packageBytes) throw new HandoffError(`the package is too large (${size} bytes; the limit is ${LIMITS.packageBytes})`);
  return unpackBytes(core, readFileSync(path));
}
