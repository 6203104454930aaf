import { readFileSync, statSync } from 'node:fs';
import type { Core } from '../core';
import { applyPackage, type UnpackResult } from './apply';
import { HandoffError, LIMITS } from './format';
import { buildPackage, type BuiltPackage, type PackOptions } from './pack';
import { readPackage } from './read';
import { writeFileDurably } from '../durable-write';

export { HandoffError } from './format';
export type { UnpackResult } from './apply';
export { buildPackage } from './pack';

/** "Send for review" / "Send to desk" to a file. */
export async function packArticleToFile(core: Core, articleId: string, outPath: string, purpose: 'review' | 'desk' = 'review', options: PackOptions = {}): Promise<BuiltPackage & { path: string }> {
  const built = await buildPackage(core, articleId, purpose, options);
  writeFileDurably(outPath, built.bytes);
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
