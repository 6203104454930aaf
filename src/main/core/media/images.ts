import sharp from 'sharp';
import { MAX_MEDIA_PIXELS, PREVIEW_LONG_EDGE, type MediaFormat } from '../../../shared/media';
import { MediaRejectedError } from './errors';

/**
 * Pixel work with sharp. sharp decodes and resizes on libuv's thread pool, so none of
 * this blocks the event loop that serves the UI. Output never carries the original's
 * metadata (sharp drops EXIF, IPTC and XMP unless asked to keep them), which is what
 * keeps GPS and serial numbers out of previews and renditions.
 */

export interface ImageFacts {
  format: MediaFormat;
  /** Pixel size as displayed: EXIF orientation applied. */
  width: number;
  height: number;
}

type SharpImage = ReturnType<typeof sharp>;
type SharpMetadata = Awaited<ReturnType<SharpImage['metadata']>>;

const SHARP_FORMAT: Record<string, MediaFormat> = { jpeg: 'jpeg', png: 'png', webp: 'webp', heif: 'heif' };

/** Read the header only: format and size, refusing anything above the pixel budget before a full decode. */
export async function probeImage(bytes: Uint8Array, expected: MediaFormat): Promise<ImageFacts> {
  let meta: SharpMetadata;
  try {
    // Header-only read; the pixel limit is enforced below with a readable message.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw new MediaRejectedError(`the image header cannot be read (${shortReason(err)})`);
  }
  const format = SHARP_FORMAT[meta.format ?? ''];
  if (!format || format !== expected) throw new MediaRejectedError(`the file claims to be ${expected.toUpperCase()} but decodes as ${meta.format ?? 'something else'}`);
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) throw new MediaRejectedError('the image has no pixel size');
  if (width * height > MAX_MEDIA_PIXELS) {
    const mp = Math.round((width * height) / 1e6);
    throw new MediaRejectedError(`the image is ${width} × ${height} pixels (${mp} megapixels); the limit is ${MAX_MEDIA_PIXELS / 1e6} megapixels`);
  }
  return { format, width, height };
}

function pipeline(bytes: Uint8Array): SharpImage {
  // failOn 'warning': a truncated or corrupt photo is refused, not shown half grey.
  return sharp(bytes, { limitInputPixels: MAX_MEDIA_PIXELS, failOn: 'warning', sequentialRead: true }).rotate();
}

/**
 * The editor preview: long edge ≤ 1600 px, orientation applied, no metadata. JPEG for
 * opaque photos (fastest to encode and decode), WebP when the image has transparency.
 * Decoding the whole image here is also what proves the file is complete.
 */
export async function makePreview(bytes: Uint8Array, format: MediaFormat): Promise<{ bytes: Buffer; mimeType: string }> {
  try {
    const { hasAlpha, width = 0, height = 0 } = await sharp(bytes, { limitInputPixels: false }).metadata();
    const edge = previewEdge(format, Math.max(width, height), width * height);
    const image = pipeline(bytes).resize(edge, edge, { fit: 'inside', withoutEnlargement: true });
    if (hasAlpha) return { bytes: await image.webp({ quality: 82 }).toBuffer(), mimeType: 'image/webp' };
    return { bytes: await image.flatten({ background: '#ffffff' }).jpeg({ quality: 82 }).toBuffer(), mimeType: 'image/jpeg' };
  } catch (err) {
    if (err instanceof MediaRejectedError) throw err;
    throw decodeFailure(err, format);
  }
}

/** Above this many pixels, decoding dominates the import; see {@link previewEdge}. */
const LARGE_PHOTO_PIXELS = 16_000_000;

/**
 * Long edge of the preview. Normally 1600 px. For large JPEGs, libjpeg can decode at
 * 1/2, 1/4 or 1/8 scale far faster than at full size; we pick the strongest of those
 * that still leaves at least 1200 px, so a 6000 px photo previews at 1500 px (decoded
 * at 1/4) instead of being decoded whole and then shrunk. Still within the 1600 px cap.
 */
export function previewEdge(format: MediaFormat, longEdge: number, pixels: number): number {
  if (format !== 'jpeg' || pixels <= LARGE_PHOTO_PIXELS) return PREVIEW_LONG_EDGE;
  const shrink = [8, 4, 2].find((s) => longEdge / s >= 1200) ?? 1;
  return Math.min(PREVIEW_LONG_EDGE, Math.floor(longEdge / shrink));
}

/**
 * A rendition for leaving the machine (export, handoff): re-encoded, orientation applied,
 * every metadata block (GPS, serial numbers, maker notes) dropped.
 */
export async function makeRendition(bytes: Uint8Array, options: { longEdge: number; format: 'jpeg' | 'webp'; quality?: number }): Promise<Buffer> {
  const image = pipeline(bytes).resize(options.longEdge, options.longEdge, { fit: 'inside', withoutEnlargement: true });
  const quality = options.quality ?? 85;
  return options.format === 'webp' ? image.webp({ quality }).toBuffer() : image.flatten({ background: '#ffffff' }).jpeg({ quality, mozjpeg: true }).toBuffer();
}

function decodeFailure(err: unknown, format: MediaFormat): MediaRejectedError {
  const reason = shortReason(err);
  // The bundled libheif decodes AV1 (AVIF) but has no HEVC decoder: iPhone HEIC photos cannot be read here.
  // libvips puts that last in a multi-line message, so the whole message is searched.
  if (format === 'heif' && /HEVC|compression format has not been built in/i.test(String((err as Error)?.message ?? err))) {
    return new MediaRejectedError(
      `this HEIC/HEIF photo cannot be decoded here (the built-in image library has no HEVC decoder: ${reason}); export it as JPEG from Photos or the phone and try again`,
    );
  }
  if (/premature end|truncated|unexpected end|not enough data|short read|end of stream/i.test(reason)) {
    return new MediaRejectedError('the image is truncated (the file ends before the picture does); copy it again from the camera or sender');
  }
  if (/pixel limit/i.test(reason)) return new MediaRejectedError(`the image is larger than ${MAX_MEDIA_PIXELS / 1e6} megapixels`);
  return new MediaRejectedError(`the image is damaged and cannot be decoded (${reason})`);
}

function shortReason(err: unknown): string {
  return String((err as Error)?.message ?? err)
    .split('\n')[0]!
    .replace(/^Vips\w*:\s*/, '')
    .slice(0, 160);
}
