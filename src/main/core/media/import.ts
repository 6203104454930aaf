import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_MEDIA_BYTES, prefillFromDescription, type ImportedMedia } from '../../../shared/media';
import { cleanText } from '../../../shared/text';
import { toIsoWithOffset } from '../../../shared/dates';
import type { Core } from '../core';
import { MediaRejectedError } from './errors';
import { checkPhotoBytes, decodePhoto, TOO_LARGE, type DecodedPhoto } from './check';
import { makePreview } from './images';
import { mimeTypeOf } from './sniff';
import type { MediaStore } from './store';

/** A file name from outside, made safe to store and show. */
function cleanFileName(name: string): string {
  return basename(cleanText(name).replace(/\\/g, '/')).slice(0, 255);
}

/**
 * Import one photo: check it is really a photo we accept, decode it fully (which
 * proves it is complete and makes the preview), read its IPTC/XMP, then store the
 * original untouched. Everything is checked before anything is written, so a refused
 * file leaves no trace. Throws {@link MediaRejectedError} with a readable sentence.
 */
export interface ImportMediaOptions {
  /**
   * Store under this id instead of the bytes' SHA-256: a copy received with its GPS and
   * serial numbers stripped keeps the id of the photographer's original, so documents
   * that name it still find it.
   */
  id?: string;
  /**
   * What `checkPhoto` already found for exactly these bytes (an import's preview
   * checks each photo to write its report); the store then keeps it rather than decoding
   * the photo a second time.
   */
  checked?: DecodedPhoto;
}

export async function importMediaBytes(store: MediaStore, input: Uint8Array, fileName = '', options: ImportMediaOptions = {}): Promise<ImportedMedia> {
  const name = cleanFileName(fileName);
  const format = checkPhotoBytes(input, name);

  // Same bytes, same id: a photo already in the store was checked when it arrived.
  const id = options.id ?? createHash('sha256').update(input).digest('hex');
  const existing = store.get(id);
  if (existing) {
    if (!(await store.readPreview(id))) {
      const preview = await makePreview(input, existing.format);
      store.putPreview(id, preview.bytes, preview.mimeType);
    }
    return { media: existing, prefill: prefillFromDescription(existing.description), duplicate: true };
  }

  const { facts, preview, metadata } = options.checked ?? (await decodePhoto(input, format, name));
  store.add(
    {
      id,
      format: facts.format,
      mimeType: mimeTypeOf(input, facts.format),
      width: facts.width,
      height: facts.height,
      byteSize: input.length,
      fileName: name,
      createdAt: toIsoWithOffset(new Date()),
      description: metadata.description,
      privateMetadata: metadata.private,
      previewMime: preview.mimeType,
    },
    input,
    preview.bytes,
  );
  const media = store.get(id)!;
  return { media, prefill: prefillFromDescription(media.description), duplicate: false };
}

/** Import a file by path (the Electron shell's native dialog, the CLI). */
export async function importMediaFile(core: Pick<Core, 'media'>, path: string): Promise<ImportedMedia> {
  const name = basename(path);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new MediaRejectedError('it is not a file', name);
    size = info.size;
  } catch (err) {
    if (err instanceof MediaRejectedError) throw err;
    throw new MediaRejectedError(`it cannot be read (${(err as { code?: string }).code ?? 'error'})`, name);
  }
  // Check the size before reading, so a 4 GB video chosen by mistake is not loaded into memory.
  if (size > MAX_MEDIA_BYTES) {
    throw new MediaRejectedError(TOO_LARGE, name);
  }
  return importMediaBytes(core.media, await readFile(path), name);
}
