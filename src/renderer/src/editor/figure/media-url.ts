import type { MediaVariant } from '../../../../shared/media';
import { detectHost } from '../../api/client';

/**
 * The one place media URLs are built. The browser host serves photos same-origin at
 * `/media/<variant>/<id>` (the access cookie rides along); the Electron shell serves
 * them on its privileged `newsroom-media://<variant>/<id>` scheme. Both are allowed
 * by the renderer's CSP (`img-src 'self' newsroom-media:`).
 */
export function mediaUrl(id: string, variant: MediaVariant = 'preview'): string {
  const safeId = encodeURIComponent(id);
  return detectHost() === 'electron' ? `newsroom-media://${variant}/${safeId}` : `/media/${variant}/${safeId}`;
}
