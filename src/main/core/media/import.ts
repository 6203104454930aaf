import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_MEDIA_BYTES, prefillFromDescription, type ImportedMedia, type MediaFormat } from '../../../shared/media';
import { cleanText } from '../../../shared/text';
import { toIsoWithOffset } from '../../../shared/dates';
import type { Core } from '../core';
import { MediaRejectedError, rejectionMessage } from './errors';
import { findHiddenContent, sniffImage } from './sniff';
import { makePreview, probeImage } from './images';
import { extractMetadata } from './metadata';
import type { MediaStore } from './store';

/** Why a file over the limit is refused (the editor translates it by this wording). */
const TOO_LARGE = `the file is larger than the ${MAX_MEDIA_BYTES / 1024 / 1024} MB limit`;

const MIME_TYPES: Record<MediaFormat, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', heif: 'image/heif' };

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
}

export async function importMediaBytes(store: MediaStore, input: Uint8Array, fileName = '', options: ImportMediaOptions = {}): Promise<ImportedMedia> {
  const name = cleanFileName(fileName);
  const refuse = (reason: string) => new MediaRejectedError(rejectionMessage(name, reason));
  if (input.length === 0) throw refuse('the file is empty (0 bytes)');
  if (input.length > MAX_MEDIA_BYTES) {
    throw refuse(TOO_LARGE);
  }
  const sniffed = sniffImage(input);
  if (!sniffed.ok) throw refuse(sniffed.reason);

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

  let facts, preview, metadata;
  try {
    // The header check runs first: a decompression bomb is refused before any decoding.
    facts = await probeImage(input, sniffed.format);
  } catch (err) {
    if (err instanceof MediaRejectedError) throw refuse(err.reason);
    throw err;
  }
  // Decoding runs on sharp's worker threads; scan the bytes for hidden content meanwhile.
  const work = Promise.all([makePreview(input, facts.format), extractMetadata(input)]);
  work.catch(() => {}); // awaited below; never an unhandled rejection if we refuse first
  const hidden = findHiddenContent(input);
  try {
    [preview, metadata] = await work;
  } catch (err) {
    if (hidden) throw refuse(hidden);
    if (err instanceof MediaRejectedError) throw refuse(err.reason);
    throw err;
  }
  if (hidden) throw refuse(hidden);
  store.add(
    {
      id,
      format: facts.format,
      mimeType: MIME_TYPES[facts.format],
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
    if (!info.isFile()) throw new MediaRejectedError(rejectionMessage(name, 'it is not a file'));
    size = info.size;
  } catch (err) {
    if (err instanceof MediaRejectedError) throw err;
    throw new MediaRejectedError(rejectionMessage(name, `it cannot be read (${(err as { code?: string }).code ?? 'error'})`));
  }
  // Check the size before reading, so a 4 GB video chosen by mistake is not loaded into memory.
  if (size > MAX_MEDIA_BYTES) {
    throw new MediaRejectedError(rejectionMessage(name, TOO_LARGE));
  }
  return importMediaBytes(core.media, await readFile(path), name);
}
