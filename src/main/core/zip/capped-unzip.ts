import { Unzip, UnzipInflate, unzipSync, type UnzipFileInfo } from 'fflate';

/**
 * Inflating a zip without trusting it (handoff packages and Word files share this
 * reader). The zip's central directory is read first (nothing inflated) so every
 * declared size can be checked against the caller's limits; then the entries are
 * inflated as a stream, a small slice of the file at a time, counting every byte
 * that comes out against what that entry declared. An entry that inflates past its
 * declaration (a decompression bomb lying about its size) is stopped within one
 * slice, so memory stays bounded by the limits.
 *
 * Problems are reported as a {@link ZipProblem}; each caller turns it into its own
 * error and sentence (a package is "refused", a Word file "not imported").
 */

/** What went wrong, with the entry it concerns. */
export type ZipProblem =
  | { kind: 'unreadable'; detail: string }
  | { kind: 'hidden' | 'twice' | 'missing'; entry: string }
  | { kind: 'damaged'; entry: string; detail: string }
  | { kind: 'overflow'; entry: string; declared: number }
  | { kind: 'mismatch'; entry: string; declared: number; actual: number };

/** Builds the caller's error for a problem; the reader throws what it returns. */
export type ZipFailure = (problem: ZipProblem) => Error;

/** An entry name as it can be shown in a sentence: control characters replaced, at most 120 characters. */
export const printableName = (name: string): string => name.replace(/[\u0000-\u001f]/g, '?').slice(0, 120);

/** Compressed bytes fed to the inflater at a time: at most ~1032× this comes out before the count is checked. */
const SLICE_BYTES = 16 * 1024;

/** Declared facts of every entry, from the central directory, in archive order. */
export function listEntries(bytes: Uint8Array, fail: ZipFailure): UnzipFileInfo[] {
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter(file) {
        entries.push({ ...file });
        return false; // list only: nothing is inflated
      },
    });
  } catch (err) {
    throw fail({ kind: 'unreadable', detail: (err as Error).message });
  }
  return entries;
}

/**
 * Inflate the listed entries, each capped at its declared size (which the caller
 * has already checked). Fails for an entry not in the central directory, one that
 * appears twice, one that inflates to more or fewer bytes than declared, or damage.
 */
export function inflateEntries(bytes: Uint8Array, declared: ReadonlyMap<string, number>, fail: ZipFailure): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let failure: ZipProblem | null = null;
  const unzip = new Unzip((file) => {
    if (failure) return;
    const cap = declared.get(file.name);
    if (cap === undefined) {
      failure = { kind: 'hidden', entry: file.name };
      return;
    }
    if (out.has(file.name)) {
      failure = { kind: 'twice', entry: file.name };
      return;
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) {
        failure = { kind: 'damaged', entry: file.name, detail: err.message };
        return;
      }
      total += chunk.length;
      if (total > cap) {
        failure = { kind: 'overflow', entry: file.name, declared: cap };
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
      if (final) {
        if (total !== cap) {
          failure = { kind: 'mismatch', entry: file.name, declared: cap, actual: total };
          return;
        }
        out.set(file.name, concat(chunks, total));
      }
    };
    try {
      file.start();
    } catch (err) {
      failure = { kind: 'damaged', entry: file.name, detail: (err as Error).message };
    }
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !failure; at += SLICE_BYTES) {
      const end = Math.min(at + SLICE_BYTES, bytes.length);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch (err) {
    failure ??= { kind: 'unreadable', detail: (err as Error).message };
  }
  if (failure) throw fail(failure);
  for (const name of declared.keys()) {
    if (!out.has(name)) throw fail({ kind: 'missing', entry: name });
  }
  return out;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const whole = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    whole.set(c, at);
    at += c.length;
  }
  return whole;
}
