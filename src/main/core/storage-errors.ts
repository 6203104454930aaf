/**
 * One readable sentence for a failure of the disk or the database file, or null
 * when `err` is not one. Both hosts and the CLI use it, so the user reads the
 * same words wherever the write failed; none of them leaves anything half-written
 * (SQLite rolls the transaction back, durable writes go through a temporary file).
 */
export function describeStorageError(err: unknown): string | null {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'The disk is full; nothing was saved. Free some space and try again.';
  if (code.startsWith('SQLITE_READONLY')) return 'The database is open read-only (its file or folder cannot be written); nothing was saved.';
  if (code === 'EROFS') return 'The disk is read-only; nothing was saved.';
  if (code === 'EACCES' || code === 'EPERM') {
    const path = (err as { path?: unknown }).path;
    return `No permission to write${typeof path === 'string' ? ` ${path}` : ''}; nothing was saved.`;
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return `The disk failed while writing (${code}); nothing was saved. Check the disk, then run newsroom check.`;
  return null;
}
