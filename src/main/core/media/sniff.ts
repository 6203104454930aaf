import type { MediaFormat } from '../../../shared/media';

/**
 * Decide what a file really is from its bytes, never from its name or the type the
 * browser claims: a PDF renamed to .jpg is still a PDF.
 */
export type SniffResult = { ok: true; format: MediaFormat } | { ok: false; reason: string };

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, start: number, end: number) => Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, Math.min(end, bytes.length) - start)).toString('latin1');

/** ISO-BMFF brands that mean HEIC/HEIF or AVIF stills (one library, libheif, reads both). */
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'avif', 'avis']);

/** ISO-BMFF brands of AV1-coded stills: stored as `heif`, served as `image/avif`. */
const AVIF_BRANDS = new Set(['avif', 'avis']);

/** The MIME type of a sniffed photo: AVIF and HEIC share the `heif` format but not their type. */
export function mimeTypeOf(bytes: Uint8Array, format: MediaFormat): string {
  if (format === 'heif') return AVIF_BRANDS.has(ascii(bytes, 8, 12)) ? 'image/avif' : 'image/heif';
  return { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }[format];
}

export function sniffImage(bytes: Uint8Array): SniffResult {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ok: true, format: 'jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, format: 'png' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { ok: true, format: 'webp' };
  if (ascii(bytes, 4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(bytes, 8, 12))) return { ok: true, format: 'heif' };
  return { ok: false, reason: describeOther(bytes) };
}

/** A readable reason for a file that is not a photo we accept. */
function describeOther(bytes: Uint8Array): string {
  const head = ascii(bytes, 0, 1024);
  const text = head.replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (head.startsWith('%PDF')) return 'it is a PDF document, not a photo';
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return 'it is an SVG drawing; SVG can carry scripts and is not accepted';
  if (text.startsWith('<!doctype') || text.startsWith('<html') || text.startsWith('<script')) return 'it is a web page (HTML), not a photo';
  if (head.startsWith('GIF8')) return 'GIF images are not accepted; save the photo as JPEG or PNG';
  if (head.startsWith('BM')) return 'BMP images are not accepted; save the photo as JPEG or PNG';
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return 'TIFF images are not accepted; save the photo as JPEG';
  if (head.startsWith('PK\x03\x04')) return 'it is a ZIP archive or office document, not a photo';
  if (ascii(bytes, 4, 8) === 'ftyp') return 'it is a video or an unsupported image container, not a photo';
  return 'it is not a JPEG, PNG, WebP, AVIF or HEIC photo';
}

/**
 * Markers of active content that has no business inside a photo. Long enough (with the
 * following delimiter) that compressed pixel data practically never matches by chance.
 */
const HIDDEN_CONTENT = /<(script|html|\?php)[\s>]|<!doctype html/i;

/**
 * Find content hidden inside an otherwise valid image (a polyglot): HTML or script that
 * a browser could be tricked into running, a PDF header in the first kilobyte (where PDF
 * readers look), or a ZIP directory at the end. Returns a reason, or null if clean.
 */
export function findHiddenContent(bytes: Uint8Array): string | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // latin1 keeps one character per byte, so a regex over it is a byte search.
  const text = buffer.toString('latin1');
  const found = HIDDEN_CONTENT.exec(text);
  if (found) return `the file hides ${found[1] === 'script' ? 'a script' : found[1] === '?php' ? 'PHP code' : 'a web page'} inside the image (a polyglot)`;
  if (text.slice(0, 1024).includes('%PDF-')) return 'the file is also a PDF document (a polyglot)';
  if (text.slice(-65_557).includes('PK\x05\x06')) return 'the file is also a ZIP archive (a polyglot)';
  return null;
}
