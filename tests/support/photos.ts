import { execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';
import { join } from 'node:path';
import sharp from 'sharp';

/** Test photos made on the fly with sharp; IPTC/XMP written with Debian's exiftool. */

export interface PhotoOptions {
  width?: number;
  height?: number;
  /** Noise makes the JPEG big and realistic; a flat colour compresses to almost nothing. */
  noise?: boolean;
  quality?: number;
  color?: string;
}

export async function makeJpeg(options: PhotoOptions = {}): Promise<Buffer> {
  const { width = 2400, height = 1600, noise = false, quality = 85, color = '#4a7' } = options;
  const image = noise
    ? sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    : sharp({ create: { width, height, channels: 3, background: color } });
  return image.jpeg({ quality }).toBuffer();
}

export async function makePng(options: PhotoOptions & { alpha?: boolean } = {}): Promise<Buffer> {
  const { width = 1600, height = 1200, alpha = false, color = '#a47' } = options;
  return sharp({ create: { width, height, channels: alpha ? 4 : 3, background: alpha ? { r: 200, g: 50, b: 50, alpha: 0.5 } : color } })
    .png()
    .toBuffer();
}

export interface Iptc {
  caption?: string;
  byline?: string;
  credit?: string;
  copyright?: string;
  headline?: string;
  title?: string;
  gps?: { lat: number; lon: number };
  serial?: string;
  lensSerial?: string;
  orientation?: number;
  /** Write only IPTC IIM (no XMP), to prove the IIM decoding. */
  iimOnly?: boolean;
}

/** Write IPTC IIM (UTF-8) and XMP into a copy of `image` with exiftool; returns the new bytes. */
export function withMetadata(image: Buffer, dir: string, meta: Iptc): Buffer {
  const file = join(dir, `meta-${Math.random().toString(36).slice(2)}.jpg`);
  writeFileSync(file, image);
  const args = ['-q', '-overwrite_original', '-charset', 'iptc=UTF8', '-codedcharacterset=utf8'];
  const set = (tag: string, value: string | undefined) => {
    if (value !== undefined) args.push(`-${tag}=${value}`);
  };
  set('IPTC:Caption-Abstract', meta.caption);
  set('IPTC:By-line', meta.byline);
  set('IPTC:Credit', meta.credit);
  set('IPTC:CopyrightNotice', meta.copyright);
  set('IPTC:Headline', meta.headline);
  set('IPTC:ObjectName', meta.title);
  if (!meta.iimOnly) {
    set('XMP-dc:Description', meta.caption);
    set('XMP-dc:Creator', meta.byline);
    set('XMP-photoshop:Credit', meta.credit);
    set('XMP-dc:Rights', meta.copyright);
    set('XMP-photoshop:Headline', meta.headline);
    set('XMP-dc:Title', meta.title);
  }
  if (meta.gps) {
    args.push(`-GPSLatitude=${Math.abs(meta.gps.lat)}`, `-GPSLatitudeRef=${meta.gps.lat >= 0 ? 'N' : 'S'}`);
    args.push(`-GPSLongitude=${Math.abs(meta.gps.lon)}`, `-GPSLongitudeRef=${meta.gps.lon >= 0 ? 'E' : 'W'}`);
  }
  set('ExifIFD:SerialNumber', meta.serial);
  set('ExifIFD:LensSerialNumber', meta.lensSerial);
  if (meta.orientation) args.push(`-IFD0:Orientation#=${meta.orientation}`);
  execFileSync('exiftool', [...args, file]);
  return readFileSync(file);
}

/** Every tag exiftool finds in `bytes`, as `Group:Tag` → value. */
export function readTags(bytes: Buffer, dir: string): Record<string, unknown> {
  const file = join(dir, `read-${Math.random().toString(36).slice(2)}.bin`);
  writeFileSync(file, bytes);
  const out = execFileSync('exiftool', ['-j', '-G', '-a', file], { encoding: 'utf8' });
  return (JSON.parse(out) as Record<string, unknown>[])[0]!;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed) >>> 0);
  return Buffer.concat([length, typed, crc]);
}

/** A tiny PNG whose header claims 30000 × 30000 pixels: a decompression bomb. */
export function pngBomb(side = 30000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const row = Buffer.alloc(side * 3 + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(row)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export const SVG_WITH_SCRIPT = Buffer.from(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(document.cookie)</script><rect width="100" height="100"/></svg>\n',
);

/** A PDF document given a .jpg name. */
export const PDF_RENAMED = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/** A valid JPEG with a web page and script appended after the image: a JPEG/HTML polyglot. */
export async function polyglotJpegHtml(): Promise<Buffer> {
  return Buffer.concat([await makeJpeg({ width: 1400, height: 1000 }), Buffer.from('<html><body><script>alert(1)</script></body></html>')]);
}

/** A JPEG that also reads as a PDF (PDF header within the first kilobyte, in a comment segment). */
export async function polyglotJpegPdf(): Promise<Buffer> {
  const jpeg = await makeJpeg({ width: 1400, height: 1000 });
  const comment = Buffer.from('%PDF-1.4\n% polyglot\n', 'latin1');
  const segment = Buffer.concat([Buffer.from([0xff, 0xfe, 0, comment.length + 2]), comment]);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}
