import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import type { DatabaseCheck } from '../db/check';
import { MediaStore, mediaDirFor } from './store';

const MAX_LISTED = 20;

/** SHA-256 of a file, read as a stream (photos can be 100 MB); null when it is missing. */
async function hashFile(path: string): Promise<string | null> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  return hash.digest('hex');
}

/**
 * `newsroom check`'s media check: a photo's id is the SHA-256 of its original, so
 * every original file must exist and hash to its id. A file that does not was
 * altered or replaced (a planted photo from an older package, a disk error), and
 * documents naming that id would show the wrong pixels. `--quick` only checks the
 * files exist.
 */
export const mediaFilesCheck: DatabaseCheck = {
  name: 'media files',
  async run({ db, databasePath, quick }) {
    const store = new MediaStore(db, mediaDirFor(databasePath));
    const problems: string[] = [];
    for (const { id } of db.prepare('SELECT id FROM media ORDER BY id').all() as { id: string }[]) {
      const path = store.originalPath(id);
      const actual = quick ? (existsSync(path) ? id : null) : await hashFile(path);
      if (actual === null) problems.push(`photo ${id}: its original file is missing (${path})`);
      else if (actual !== id) problems.push(`photo ${id}: its file does not match its id (the bytes hash to ${actual}); it was altered or replaced`);
      if (problems.length >= MAX_LISTED) break;
    }
    return problems;
  },
};
