import type { ApiResult } from './api';
import type { MediaBytes } from './media';

/**
 * One answer to "show me this photo" for every host: the Electron shell's
 * newsroom-media:// handler and the browser host's GET /media/ route both ask the
 * core through the `readMedia` call and send back exactly what this returns, so
 * the two can never drift apart in status or headers.
 */
export interface MediaAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

/** Sends one call through the core's dispatch (validation, typed errors). */
type CallReadMedia = (name: 'readMedia', input: unknown) => Promise<ApiResult<unknown>>;

/** Headers of a served photo. */
export function mediaHeaders(media: MediaBytes): Record<string, string> {
  return {
    'Content-Type': media.mimeType,
    'Content-Length': String(media.bytes.length),
    'X-Content-Type-Options': 'nosniff',
    // Opened on its own, an image still gets no script and no plugins.
    'Content-Security-Policy': "default-src 'none'; sandbox",
    // Shown in the page, never offered as a download, whatever the type.
    'Content-Disposition': 'inline',
    // Content-addressed: the bytes behind a URL never change.
    'Cache-Control': 'private, max-age=31536000, immutable',
  };
}

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };

/**
 * Read `variant` of photo `id` and build the response. A malformed id or variant
 * and an unknown photo all answer 404 (a host need not tell them apart); a storage
 * failure answers 500 with the core's sentence.
 */
export async function answerMediaRead(call: CallReadMedia, variant: string, id: string): Promise<MediaAnswer> {
  const result = await call('readMedia', { id, variant });
  if (result.ok) {
    const media = result.value as MediaBytes;
    return { status: 200, headers: mediaHeaders(media), body: media.bytes };
  }
  if (result.error.code === 'not_found' || result.error.code === 'invalid_input') return { status: 404, headers: TEXT, body: 'Not found' };
  return { status: 500, headers: TEXT, body: result.error.message };
}
