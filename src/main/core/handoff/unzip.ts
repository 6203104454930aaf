import { Unzip, UnzipInflate, unzipSync, type UnzipFileInfo } from 'fflate';
import { HandoffError } from './format';

/**
 * Inflating a package without trusting it. The zip's central directory is read
 * first (nothing inflated) so every declared size can be checked against the
 * limits; then the entries are inflated as a stream, a small slice of the file at
 * a time, counting every byte that comes out against what that entry declared. An
 * entry that inflates past its declaration (a decompression bomb lying about its
 * size) is stopped within one slice, so memory stays bounded by the limits.
 */

/** An entry name as it can be shown in a sentence: control characters replaced, at most 120 characters. */
export const printableName = (name: string): string => name.replace(/[\u0000-\u001f]/g, '?').slice(0, 120);

/** Compressed bytes fed to the inflater at a time: at most ~1032× this comes out before the count is checked. */
const SLICE_BYTES = 16 * 1024;

/** Declared facts of every entry, from the central directory, in archive order. */
export function listEntries(bytes: Uint8Array): UnzipFileInfo[] {
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter(file) {
        entries.push({ ...file });
        return false; // list only: nothing is inflated
      },
    });
  } catch (err) {
    throw new HandoffError(`the file is not a readable package (${(err as Error).message})`);
  }
  return entries;
}

/**
 * Inflate the listed entries, each capped at its declared size (which the caller
 * has already checked). Throws {@link HandoffError} for an entry not in the central
 * directory, one that inflates to more or fewer bytes than declared, or damage.
 */
export function inflateEntries(bytes: Uint8Array, declared: ReadonlyMap<string, number>): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let failure: string | null = null;
  const unzip = new Unzip((file) => {
    if (failure) return;
    const cap = declared.get(file.name);
    if (cap === undefined) {
      failure = `entry "${printableName(file.name)}" is hidden from the zip's directory`;
      return;
    }
    if (out.has(file.name)) {
      failure = `entry "${printableName(file.name)}" appears twice in the package`;
      return;
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) {
        failure = `entry "${printableName(file.name)}" is damaged (${err.message})`;
        return;
      }
      total += chunk.length;
      if (total > cap) {
        failure = `entry "${printableName(file.name)}" inflates to more than the ${cap} bytes it declares; the package was refused as a decompression bomb`;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
      if (final) {
        if (total !== cap) {
          failure = `entry "${printableName(file.name)}" inflates to ${total} bytes but declares ${cap}; the package is damaged`;
          return;
        }
        out.set(file.name, concat(chunks, total));
      }
    };
    try {
      file.start();
    } catch (err) {
      failure = `entry "${printableName(file.name)}" cannot be read (${(err as Error).message})`;
    }
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !failure; at += SLICE_BYTES) {
      const end = Math.min(at + SLICE_BYTES, bytes.length);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch (err) {
    failure ??= `the file is not a readable package (${(err as Error).message})`;
  }
  if (failure) throw new HandoffError(failure);
  for (const name of declared.keys()) {
    if (!out.has(name)) throw new HandoffError(`entry "${printableName(name)}" could not be read from the package; it is damaged`);
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
