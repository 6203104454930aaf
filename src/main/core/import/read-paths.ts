import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { ImportError } from './errors';
import { IMPORT_LIMITS } from './limits';
import { cleanLine } from './parsed';
import { checkSize, type ImportSource } from './read';

/**
 * Import sources read by path in the host process (the CLI; never a page): a file,
 * or a story folder with its sub-folders, as a reporter's zip unpacks. Every size
 * is checked before the file is read, so a huge file is refused unread.
 */

/** Files of a story folder, checked by size before reading. */
function readFolder(dir: string): ImportSource {
  const files: { path: string; bytes: Uint8Array }[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        if (files.length >= IMPORT_LIMITS.folderFiles) throw new ImportError(`${dir} holds more than ${IMPORT_LIMITS.folderFiles} files; a story folder has one article and its photos.`, 'folder');
        const size = statSync(full).size;
        if (size > IMPORT_LIMITS.docxBytes) throw new ImportError(`${entry.name} in ${basename(dir)} is too large to import; nothing was imported.`, 'too_large');
        files.push({ path: cleanLine(relative(dir, full).split('\\').join('/')), bytes: readFileSync(full) });
      }
    }
  };
  walk(dir);
  return { kind: 'folder', name: cleanLine(basename(resolve(dir))), files };
}

/** One path as an import source; throws {@link ImportError} with a sentence when it cannot be one. */
export function sourceForPath(path: string): ImportSource {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new ImportError(`${path}: no such file or folder`, 'empty');
  }
  if (stats.isDirectory()) return readFolder(path);
  checkSize(basename(path), stats.size);
  return { kind: 'file', name: cleanLine(basename(path)), bytes: readFileSync(path) };
}

/** Sources at least this large report their progress (a long Word file takes seconds). */
export const PROGRESS_FROM_BYTES = 1024 * 1024;

/** Total bytes of a source, to decide whether its import is long enough to report progress. */
export function sourceBytes(source: ImportSource): number {
  return source.kind === 'file' ? source.bytes.length : source.files.reduce((n, f) => n + f.bytes.length, 0);
}
