import { MEDIA_ID_PATTERN, MEDIA_VARIANTS, type MediaVariant } from '../../../shared/media';
import type { Core } from '../core';
import { makePreview } from './images';

export interface MediaBytes {
  bytes: Uint8Array;
  mimeType: string;
}

/**
 * Bytes of one stored photo for display: the cached preview (rebuilt once if the cache
 * file went missing) or the untouched original. Unknown ids and variants give null, so
 * hosts answer 404 without telling a bad request from a missing file.
 */
export async function readMedia(core: Pick<Core, 'media'>, id: string, variant: string): Promise<MediaBytes | null> {
  if (!MEDIA_ID_PATTERN.test(id) || !(MEDIA_VARIANTS as readonly string[]).includes(variant)) return null;
  const info = core.media.get(id);
  if (!info) return null;
  if ((variant as MediaVariant) === 'original') {
    const bytes = await core.media.readOriginal(id);
    return bytes ? { bytes, mimeType: info.mimeType } : null;
  }
  const cached = await core.media.readPreview(id);
  const cachedMime = core.media.previewMime(id);
  if (cached && cachedMime) return { bytes: cached, mimeType: cachedMime };
  const original = await core.media.readOriginal(id);
  if (!original) return null;
  const preview = await makePreview(original, info.format);
  core.media.putPreview(id, preview.bytes, preview.mimeType);
  return { bytes: preview.bytes, mimeType: preview.mimeType };
}
