import { z } from 'zod';

/**
 * Photos in the media store: the contract types and the limits every layer agrees on.
 * A media id is the SHA-256 of the original file's bytes (lower-case hex), so the same
 * photo imported twice is stored once.
 */

export const MEDIA_ID_PATTERN = /^[0-9a-f]{64}$/;
export const MediaId = z.string().regex(MEDIA_ID_PATTERN, 'media id must be a SHA-256 hex string');

/** Largest original accepted. The issue asks for at least 50 MB; RAW-sized JPEGs from pro bodies reach ~60 MB. */
export const MAX_MEDIA_BYTES = 100 * 1024 * 1024;
/** Largest image accepted, in pixels (the issue asks for at least 60 MP). Anything bigger is treated as a decompression bomb. */
export const MAX_MEDIA_PIXELS = 100_000_000;
/** Long edge of the cached editor preview. */
export const PREVIEW_LONG_EDGE = 1600;
/** Below this long edge a photo looks soft on the web; the figure warns. */
export const WEB_MIN_LONG_EDGE = 1200;

/** Formats accepted in the store. */
export const MEDIA_FORMATS = ['jpeg', 'png', 'webp', 'heif'] as const;
export type MediaFormat = (typeof MEDIA_FORMATS)[number];

/** What may be read back: the untouched original or the cached preview. */
export const MEDIA_VARIANTS = ['original', 'preview'] as const;
export type MediaVariant = (typeof MEDIA_VARIANTS)[number];

/** The bytes of one photo variant and the type to serve them as. */
export const MediaBytes = z.object({
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes must be the file bytes'),
  mimeType: z.string().regex(/^image\/[\w.+-]+$/, 'mimeType must be an image type'),
});
export type MediaBytes = z.infer<typeof MediaBytes>;

/**
 * Descriptive metadata the photographer wrote (IPTC/XMP), NFC and free of control
 * characters. Safe to show anyone and to hand off.
 */
export const MediaDescription = z.object({
  caption: z.string(),
  creator: z.string(),
  creditLine: z.string(),
  copyright: z.string(),
  headline: z.string(),
  title: z.string(),
});
export type MediaDescription = z.infer<typeof MediaDescription>;

/** One stored photo, as the UI sees it. Location and serial numbers are only flagged, never sent. */
export const MediaInfo = z.object({
  id: MediaId,
  format: z.enum(MEDIA_FORMATS),
  mimeType: z.string(),
  /** Pixel size as displayed (EXIF orientation applied). */
  width: z.number().int(),
  height: z.number().int(),
  byteSize: z.number().int(),
  fileName: z.string(),
  createdAt: z.string(),
  description: MediaDescription,
  /** The original carries GPS data; it stays on this machine. */
  hasLocation: z.boolean(),
  /** The original carries a camera or lens serial number; it stays on this machine. */
  hasSerialNumber: z.boolean(),
});
export type MediaInfo = z.infer<typeof MediaInfo>;

/** Text to prefill a new figure with, built from the description. */
export const FigurePrefill = z.object({ caption: z.string(), credit: z.string(), alt: z.string() });
export type FigurePrefill = z.infer<typeof FigurePrefill>;

/** Result of an import: the stored photo, what to prefill, and whether it was already there. */
export const ImportedMedia = z.object({ media: MediaInfo, prefill: FigurePrefill, duplicate: z.boolean() });
export type ImportedMedia = z.infer<typeof ImportedMedia>;

/**
 * The credit line a figure starts with. Vietnamese papers write "Ảnh: <name>"; when the
 * photographer also filled the credit line (agency, paper) it follows after a slash.
 */
export function creditFromDescription(d: Pick<MediaDescription, 'creator' | 'creditLine'>): string {
  const creator = d.creator.trim();
  const line = d.creditLine.trim();
  if (!creator) return line;
  if (!line) return `Ảnh: ${creator}`;
  return line.includes(creator) ? line : `Ảnh: ${creator}/${line}`;
}

/** Prefill for a new figure: caption from the description (else headline/title), credit from creator and credit line. */
export function prefillFromDescription(d: MediaDescription): FigurePrefill {
  return { caption: d.caption || d.headline || d.title, credit: creditFromDescription(d), alt: '' };
}

/**
 * The sentence for a refused photo, the same wherever it was offered (upload, drop,
 * story folder): "“x.jpg” was not added: it is a PDF document, not a photo."
 */
export function rejectionMessage(fileName: string, reason: string): string {
  const name = fileName ? `“${fileName}”` : 'The file';
  return `${name} was not added: ${reason}.`;
}

/** True when the long edge is below what looks sharp on the web. */
export function isTooSmallForWeb(width: number, height: number): boolean {
  return Math.max(width, height) < WEB_MIN_LONG_EDGE;
}

/** Byte size the way Vietnamese UIs write it: `2,4 MB`, `830 KB`. */
export function formatByteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value < 10 ? 1 : 0;
  return `${value.toFixed(digits).replace('.', ',')} ${units[unit]}`;
}

/**
 * The article's lead image: the desk's choice while that photo is still in the article,
 * otherwise the first figure's photo (the default), or null without photos.
 */
export function leadMediaId(featuredMediaId: string | null | undefined, figureMediaIds: readonly string[]): string | null {
  if (featuredMediaId && figureMediaIds.includes(featuredMediaId)) return featuredMediaId;
  return figureMediaIds[0] ?? null;
}
