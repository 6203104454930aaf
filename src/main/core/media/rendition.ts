import type { Core } from '../core';
import type { MediaDescription } from '../../../shared/media';
import { makeRendition } from './images';
import type { PrivateMetadata } from './metadata';

/**
 * What leaves the machine (exports, handoff packages). Renditions are re-encoded with
 * every metadata block dropped, so GPS and serial numbers can never ride along.
 */
export async function exportRendition(
  core: Pick<Core, 'media'>,
  id: string,
  options: { longEdge?: number; format?: 'jpeg' | 'webp'; quality?: number } = {},
): Promise<{ bytes: Buffer; mimeType: string } | null> {
  const original = await core.media.readOriginal(id);
  if (!original || !core.media.get(id)) return null;
  const format = options.format ?? 'jpeg';
  const bytes = await makeRendition(original, { longEdge: options.longEdge ?? 2048, format, quality: options.quality });
  return { bytes, mimeType: format === 'webp' ? 'image/webp' : 'image/jpeg' };
}

/**
 * Metadata for a handoff package. Location and serial numbers are included only when
 * the desk opts in (`includePrivate`); otherwise only the photographer's description.
 */
export function handoffMetadata(
  core: Pick<Core, 'media'>,
  id: string,
  options: { includePrivate?: boolean } = {},
): { description: MediaDescription; private?: PrivateMetadata } | null {
  const info = core.media.get(id);
  if (!info) return null;
  if (!options.includePrivate) return { description: info.description };
  return { description: info.description, private: core.media.privateMetadata(id) ?? {} };
}
