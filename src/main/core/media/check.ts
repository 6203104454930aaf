import { MAX_MEDIA_BYTES, type MediaFormat } from '../../../shared/media';
import { MediaRejectedError } from './errors';
import { makePreview, probeImage, type ImageFacts } from './images';
import { extractMetadata, type ExtractedMetadata } from './metadata';
import { findHiddenContent, sniffImage } from './sniff';

/**
 * The checks every photo passes before it is accepted, wherever it comes from (upload,
 * drop, story folder, handoff package), so a refusal reads the same everywhere.
 * Each throws {@link MediaRejectedError} carrying the full sentence for the reporter.
 */

/** Why a file over the limit is refused (the editor translates it by this wording). */
export const TOO_LARGE = `the file is larger than the ${MAX_MEDIA_BYTES / 1024 / 1024} MB limit`;

const refusal = (name: string, reason: string) => new MediaRejectedError(reason, name);

/** Cheap checks on the bytes alone: not empty, not too large, really a photo format we accept. */
export function checkPhotoBytes(input: Uint8Array, name: string): MediaFormat {
  if (input.length === 0) throw refusal(name, 'the file is empty (0 bytes)');
  if (input.length > MAX_MEDIA_BYTES) throw refusal(name, TOO_LARGE);
  const sniffed = sniffImage(input);
  if (!sniffed.ok) throw refusal(name, sniffed.reason);
  return sniffed.format;
}

export interface DecodedPhoto {
  facts: ImageFacts;
  preview: { bytes: Buffer; mimeType: string };
  metadata: ExtractedMetadata;
}

/**
 * Decode the photo fully (which proves it is complete and makes the preview), read its
 * metadata and look for hidden content. The header check runs first, so a
 * decompression bomb is refused before any decoding.
 */
export async function decodePhoto(input: Uint8Array, format: MediaFormat, name: string): Promise<DecodedPhoto> {
  let facts: ImageFacts;
  try {
    facts = await probeImage(input, format);
  } catch (err) {
    if (err instanceof MediaRejectedError) throw refusal(name, err.reason);
    throw err;
  }
  // Decoding runs on sharp's worker threads; scan the bytes for hidden content meanwhile.
  const work = Promise.all([makePreview(input, facts.format), extractMetadata(input)]);
  work.catch(() => {}); // awaited below; never an unhandled rejection if we refuse first
  const hidden = findHiddenContent(input);
  let preview, metadata;
  try {
    [preview, metadata] = await work;
  } catch (err) {
    if (hidden) throw refusal(name, hidden);
    if (err instanceof MediaRejectedError) throw refusal(name, err.reason);
    throw err;
  }
  if (hidden) throw refusal(name, hidden);
  return { facts, preview, metadata };
}

/** Every check, without storing anything: what the media store would say of this photo. */
export async function checkPhoto(input: Uint8Array, name: string): Promise<DecodedPhoto> {
  return decodePhoto(input, checkPhotoBytes(input, name), name);
}
