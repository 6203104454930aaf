import type { UnzipFileInfo } from 'fflate';
import { inflateEntries, listEntries, printableName, type ZipProblem } from '../zip/capped-unzip';
import { ImportError } from './errors';
import { formatBytes, IMPORT_LIMITS } from './limits';

/**
 * Read a .docx (a zip) defensively, through the same capped reader as handoff
 * packages: the central directory is inspected first and the file refused when
 * its declared sizes or compression ratios say "zip bomb"; then each entry is
 * inflated in slices and stopped the moment it produces more than it declared,
 * so a lying header cannot exhaust memory or time either.
 */
export interface ZipLimits {
  entries: number;
  totalBytes: number;
  entryBytes: number;
  maxRatio: number;
}

/** Entries smaller than this are never judged by their ratio (tiny XML compresses extremely well). */
const RATIO_FLOOR = 1024 * 1024;

function corrupt(name: string, why: string): ImportError {
  return new ImportError(`${name} is not a readable Word document (${why}); nothing was imported.`, 'corrupt');
}

function bomb(name: string, why: string): ImportError {
  return new ImportError(`${name} was refused: ${why}. It looks like a zip bomb, not a Word document; nothing was imported.`, 'zip_bomb');
}

/** The Word file's sentence for each problem the shared zip reader finds. */
function wordZipFailure(name: string) {
  return (problem: ZipProblem): ImportError => {
    switch (problem.kind) {
      case 'unreadable':
        return corrupt(name, 'no zip directory');
      case 'overflow':
        return bomb(name, `${printableName(problem.entry)} unpacks to more than the ${formatBytes(problem.declared)} it declares`);
      case 'mismatch':
        return corrupt(name, `entry ${printableName(problem.entry)} is shorter than it declares`);
      case 'hidden':
        return corrupt(name, `entry ${printableName(problem.entry)} is missing from the zip directory`);
      case 'twice':
        return corrupt(name, `entry ${printableName(problem.entry)} appears twice`);
      case 'missing':
      case 'damaged':
        return corrupt(name, `entry ${printableName(problem.entry)} is damaged`);
    }
  };
}

function checkDeclared(entries: UnzipFileInfo[], limits: ZipLimits, name: string): void {
  if (entries.length > limits.entries) throw bomb(name, `it holds ${entries.length} files (a Word document has a few dozen)`);
  let total = 0;
  for (const e of entries) {
    total += e.originalSize;
    if (e.originalSize > limits.entryBytes) throw bomb(name, `${printableName(e.name)} would unpack to ${formatBytes(e.originalSize)}`);
    if (e.originalSize > RATIO_FLOOR && e.originalSize > e.size * limits.maxRatio) {
      throw bomb(name, `${printableName(e.name)} is compressed ${Math.round(e.originalSize / Math.max(1, e.size))} to 1`);
    }
    if (e.compression !== 0 && e.compression !== 8) throw corrupt(name, `entry ${printableName(e.name)} uses an unsupported compression method`);
    if (e.compression === 0 && e.size !== e.originalSize) throw corrupt(name, `entry ${printableName(e.name)} has inconsistent sizes`);
  }
  if (total > limits.totalBytes) throw bomb(name, `it would unpack to ${formatBytes(total)} (limit ${formatBytes(limits.totalBytes)})`);
}

/** Every file in the zip, by path, after the size checks. */
export function readZipSafely(bytes: Uint8Array, name: string, limits: ZipLimits = {
  entries: IMPORT_LIMITS.docxEntries,
  totalBytes: IMPORT_LIMITS.docxUncompressedBytes,
  entryBytes: IMPORT_LIMITS.docxEntryBytes,
  maxRatio: IMPORT_LIMITS.docxMaxRatio,
}): Map<string, Uint8Array> {
  const fail = wordZipFailure(name);
  const entries = listEntries(bytes, fail);
  if (entries.length === 0) throw corrupt(name, 'no zip directory');
  checkDeclared(entries, limits, name);
  const declared = new Map<string, number>();
  for (const e of entries) {
    if (declared.has(e.name)) throw fail({ kind: 'twice', entry: e.name });
    declared.set(e.name, e.originalSize);
  }
  const files = inflateEntries(bytes, declared, fail);
  for (const entryName of [...files.keys()]) if (entryName.endsWith('/')) files.delete(entryName);
  return files;
}
