import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateEntries, listEntries } from '../zip/capped-unzip';

/**
 * Export replaces only what it wrote itself. A bundle is recognised by its
 * manifest (`manifest-sha256.txt`): every file it lists is there with that
 * checksum, and nothing else is; a batch's `index.json` by its exact shape. Any
 * other folder or file at the target is the user's, and the export is refused so
 * not one byte of it is lost.
 */

export const MANIFEST_NAME = 'manifest-sha256.txt';

/** Larger than any bundle export writes: a zip this big (or declaring this much inside) is not read, it is refused. */
const MAX_ZIP_BYTES = 1024 * 1024 * 1024;

/** The capped reader's failure for an ownership check: any problem means "not a zip export wrote". */
class NotOwnZip extends Error {}

const MANIFEST_LINE = /^([0-9a-f]{64}) {2}([a-z0-9][a-z0-9._/-]*)$/;

/** The export target exists and holds something Newsroom did not write. */
export class ForeignTargetError extends Error {
  override name = 'ForeignTargetError';
  constructor(readonly path: string) {
    super(`${path} already exists and holds files Newsroom did not write, so the export left it untouched; move it away or choose another output folder.`);
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The manifest's entries (path → sha256), or null when it is not a manifest export writes. */
function parseManifest(bytes: Uint8Array): Map<string, string> | null {
  const text = Buffer.from(bytes).toString('utf8');
  if (!text.endsWith('\n')) return null;
  const entries = new Map<string, string>();
  for (const line of text.slice(0, -1).split('\n')) {
    const m = MANIFEST_LINE.exec(line);
    if (!m || m[2] === MANIFEST_NAME || m[2]!.split('/').some((s) => s === '..' || s === '.') || entries.has(m[2]!)) return null;
    entries.set(m[2]!, m[1]!);
  }
  return entries;
}

/** Every entry under `dir` as relative paths; null when something is neither a plain file nor a folder (a link, a socket). */
function listTree(dir: string, prefix = ''): { files: string[]; dirs: string[] } | null {
  const files: string[] = [];
  const dirs: string[] = [];
  for (const name of readdirSync(dir)) {
    const rel = prefix + name;
    const stat = lstatSync(join(dir, name));
    if (stat.isFile()) files.push(rel);
    else if (stat.isDirectory()) {
      dirs.push(rel);
      const inner = listTree(join(dir, name), `${rel}/`);
      if (!inner) return null;
      files.push(...inner.files);
      dirs.push(...inner.dirs);
    } else return null;
  }
  return { files, dirs };
}

/** The folders a set of file paths implies (`images/a.jpg` → `images`). */
function impliedDirs(paths: Iterable<string>): Set<string> {
  const dirs = new Set<string>();
  for (const p of paths) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return dirs;
}

/** True when `path` is a bundle folder export wrote and nobody changed since. */
export function isOwnBundleFolder(path: string): boolean {
  if (!lstatSync(path).isDirectory()) return false;
  const tree = listTree(path);
  if (!tree || !tree.files.includes(MANIFEST_NAME)) return false;
  const listed = parseManifest(readFileSync(join(path, MANIFEST_NAME)));
  if (!listed || tree.files.length !== listed.size + 1) return false;
  const dirs = impliedDirs(listed.keys());
  if (tree.dirs.length !== dirs.size || !tree.dirs.every((d) => dirs.has(d))) return false;
  for (const [file, hash] of listed) {
    if (!tree.files.includes(file) || sha256(readFileSync(join(path, file))) !== hash) return false;
  }
  return true;
}

/** True when `path` is a bundle zip export wrote: the same manifest rule applied to its entries. */
export function isOwnBundleZip(path: string): boolean {
  const stat = lstatSync(path);
  if (!stat.isFile() || stat.size > MAX_ZIP_BYTES) return false;
  let entries: Map<string, Uint8Array>;
  try {
    // The shared capped reader: sizes are checked from the central directory before
    // anything is inflated, so a foreign zip at the target cannot fill memory.
    const bytes = readFileSync(path);
    const fail = () => new NotOwnZip();
    const declared = new Map(listEntries(bytes, fail).map((e) => [e.name, e.originalSize] as const));
    if (declared.size === 0 || [...declared.values()].reduce((a, b) => a + b, 0) > MAX_ZIP_BYTES) return false;
    entries = inflateEntries(bytes, declared, fail);
  } catch (err) {
    if (err instanceof NotOwnZip) return false;
    throw err;
  }
  const manifest = entries.get(MANIFEST_NAME);
  const listed = manifest ? parseManifest(manifest) : null;
  if (!listed || entries.size !== listed.size + 1) return false;
  return [...listed].every(([file, hash]) => entries.get(file) !== undefined && sha256(entries.get(file)!) === hash);
}

/** Refuse (with {@link ForeignTargetError}) when `path` exists and is not a bundle folder export wrote. */
export function assertReplaceableFolder(path: string): void {
  if (existsOrLink(path) && !isOwnBundleFolder(path)) throw new ForeignTargetError(path);
}

/** Refuse (with {@link ForeignTargetError}) when `path` exists and is not a bundle zip export wrote. */
export function assertReplaceableZip(path: string): void {
  if (existsOrLink(path) && !isOwnBundleZip(path)) throw new ForeignTargetError(path);
}

/** True when `path` is a batch list export wrote: JSON with exactly its three keys. */
export function isOwnBatchIndex(path: string): boolean {
  const stat = lstatSync(path);
  if (!stat.isFile() || stat.size > MAX_ZIP_BYTES) return false;
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const keys = Object.keys(value).sort().join(',');
    return keys === 'articles,profile,profileVersion' && Array.isArray((value as { articles: unknown }).articles);
  } catch {
    return false;
  }
}

/** Refuse (with {@link ForeignTargetError}) when `path` exists and is not a batch `index.json` export wrote. */
export function assertReplaceableIndex(path: string): void {
  if (existsOrLink(path) && !isOwnBatchIndex(path)) throw new ForeignTargetError(path);
}

/** A dangling symbolic link counts as present: it is the user's, not ours. */
function existsOrLink(path: string): boolean {
  if (existsSync(path)) return true;
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
