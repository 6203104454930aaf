import { crc32, inflateSync } from 'node:zlib';

/**
 * The chunk lists of PNG and WebP files, read and written back. Metadata lives in
 * chunks of its own in both (PNG `eXIf`/`iTXt`, WebP `EXIF`/`XMP `), so privacy work
 * is a matter of dropping or replacing chunks, never of touching pixels.
 */

export interface Chunk {
  type: string;
  data: Buffer;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The chunks of a PNG, up to and including IEND. Throws on a length that runs past the end. */
export function readPngChunks(png: Buffer): Chunk[] {
  const chunks: Chunk[] = [];
  let offset = PNG_SIGNATURE.length;
  while (offset + 12 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    if (offset + 12 + length > png.length) throw new Error(`PNG chunk ${type} runs past the end of the file`);
    chunks.push({ type, data: png.subarray(offset + 8, offset + 8 + length) });
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  return chunks;
}

/** A PNG from its chunks, each with its length and CRC computed afresh. */
export function writePng(chunks: Chunk[]): Buffer {
  const parts: Buffer[] = [PNG_SIGNATURE];
  for (const { type, data } of chunks) {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(data, crc32(Buffer.from(type, 'latin1'))) >>> 0);
    parts.push(head, data, crc);
  }
  return Buffer.concat(parts);
}

/** True when `bytes` is a RIFF WebP. */
export function isWebp(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP';
}

/** The chunks of a WebP (inside RIFF). Throws on a size that runs past the end. */
export function readWebpChunks(webp: Buffer): Chunk[] {
  const chunks: Chunk[] = [];
  const end = Math.min(webp.length, 8 + webp.readUInt32LE(4));
  let offset = 12;
  while (offset + 8 <= end) {
    const type = webp.toString('latin1', offset, offset + 4);
    const size = webp.readUInt32LE(offset + 4);
    if (offset + 8 + size > end) throw new Error(`WebP chunk ${type.trim()} runs past the end of the file`);
    chunks.push({ type, data: webp.subarray(offset + 8, offset + 8 + size) });
    offset += 8 + size + (size & 1); // chunks are padded to an even size
  }
  return chunks;
}

/** VP8X feature flags that announce metadata chunks. */
export const VP8X_EXIF = 0x08;
export const VP8X_XMP = 0x04;

/**
 * A WebP from its chunks, with the RIFF size recomputed and the VP8X flags made to say
 * exactly which metadata chunks are present (a reader trusts the flags).
 */
export function writeWebp(chunks: Chunk[]): Buffer {
  const has = (type: string) => chunks.some((c) => c.type === type);
  const parts: Buffer[] = [];
  for (const chunk of chunks) {
    let data = chunk.data;
    if (chunk.type === 'VP8X' && data.length >= 1) {
      data = Buffer.from(data);
      data[0] = (data[0]! & ~(VP8X_EXIF | VP8X_XMP)) | (has('EXIF') ? VP8X_EXIF : 0) | (has('XMP ') ? VP8X_XMP : 0);
    }
    const head = Buffer.alloc(8);
    head.write(chunk.type, 0, 'latin1');
    head.writeUInt32LE(data.length, 4);
    parts.push(head, data);
    if (data.length & 1) parts.push(Buffer.from([0]));
  }
  const body = Buffer.concat(parts);
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(4 + body.length, 4);
  riff.write('WEBP', 8, 'latin1');
  return Buffer.concat([riff, body]);
}

/** True when `bytes` is a PNG. */
export function isPng(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8)).equals(PNG_SIGNATURE);
}

/**
 * The EXIF block ImageMagick keeps in a PNG text chunk (`Raw profile type exif` or
 * `APP1`, in tEXt, zTXt or iTXt): a header line, the length, then the bytes in hex.
 * exifr does not read these; null when the PNG has none.
 */
export function pngRawProfileExif(chunks: Chunk[]): Buffer | null {
  for (const { type, data } of chunks) {
    if (type !== 'tEXt' && type !== 'zTXt' && type !== 'iTXt') continue;
    const keywordEnd = data.indexOf(0);
    if (!/^Raw profile type (exif|APP1)$/i.test(data.toString('latin1', 0, keywordEnd))) continue;
    let text: Buffer;
    if (type === 'tEXt') text = data.subarray(keywordEnd + 1);
    else if (type === 'zTXt') text = inflateSync(data.subarray(keywordEnd + 2));
    else text = Buffer.from(iTXtText(data), 'utf8');
    const [, , , ...hex] = text.toString('latin1').split('\n');
    const bytes = Buffer.from(hex.join('').replace(/\s+/g, ''), 'hex');
    if (bytes.length) return bytes;
  }
  return null;
}

/** The keyword of the iTXt chunk that holds a PNG's XMP packet. */
export const PNG_XMP_KEYWORD = 'XML:com.adobe.xmp';

/** The text of an iTXt chunk (keyword, compression flag and method, language, translated keyword, text), inflated if compressed. */
export function iTXtText(data: Buffer): string {
  let at = data.indexOf(0) + 1;
  const compressed = data[at] === 1;
  at += 2;
  at = data.indexOf(0, at) + 1; // language tag
  at = data.indexOf(0, at) + 1; // translated keyword
  const text = data.subarray(at);
  return (compressed ? inflateSync(text) : text).toString('utf8');
}

/** The XMP packet of a PNG's iTXt chunk, compressed or not; null when there is none. */
export function pngXmp(chunks: Chunk[]): string | null {
  const chunk = chunks.find((c) => c.type === 'iTXt' && c.data.toString('latin1', 0, c.data.indexOf(0)) === PNG_XMP_KEYWORD);
  return chunk ? iTXtText(chunk.data) : null;
}
