import sharp from 'sharp';
import { MAX_MEDIA_PIXELS, type MediaDescription, type MediaFormat } from '../../../shared/media';
import { iTXtText, PNG_XMP_KEYWORD, readPngChunks, readWebpChunks, writePng, writeWebp, type Chunk } from './containers';
import { buildExif, emptyExif, EXIF_HEADER } from './exif-block';
import { findHeifMetadataItems, type HeifItem } from './heif-items';
import { extractMetadata } from './metadata';
import { buildXmp, removePrivateXmp } from './xmp';

/**
 * Remove location and serial numbers from an original that must leave the machine
 * (handoff packages sent without the desk's opt-in). The caption, credit, pixels and
 * orientation stay; only the private parts go:
 *
 *  - JPEG, PNG, WebP are rewritten *without re-encoding*: the EXIF block is replaced by
 *    a fresh one holding only orientation, caption, creator and copyright (no GPS, no
 *    serials, no maker notes, no thumbnail); XMP loses its GPS, serial-number and owner
 *    properties (or, when they cannot be cut out cleanly, is replaced by a fresh packet
 *    with the description only). JPEG also loses extended XMP, the multi-picture index
 *    and anything after the picture's end (phones append more images there, each with
 *    its own EXIF). PNG also loses ImageMagick's raw EXIF/XMP text chunks. WebP gets its
 *    VP8X flags and RIFF size fixed to match.
 *  - HEIC/AVIF: the bytes of the `Exif` and XMP items are overwritten *in place* (same
 *    length, so no offset in the container changes) with the fresh EXIF block and the
 *    cleaned XMP, padded. Only when that cannot be done (an unreadable container, a
 *    replacement that does not fit) is the photo re-encoded as AVIF, orientation
 *    applied and the description written back as XMP; AV1 encoding is slow (about 13 s
 *    for 12 megapixels on a 2-core machine), hence the last resort.
 *
 * The result has different bytes, hence a different SHA-256 than the stored id: a
 * caller shipping it must carry the mapping. Returns null only when the photo cannot
 * be re-encoded on this machine (a HEIC the bundled decoder cannot read).
 */
export async function stripPrivateMetadata(bytes: Uint8Array, format: MediaFormat): Promise<Uint8Array | null> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept = await keptMetadata(buffer);
  if (format === 'jpeg') return stripJpeg(buffer, kept);
  if (format === 'png') return stripPng(buffer, kept);
  if (format === 'webp') return stripWebp(buffer, kept);
  return stripHeifInPlace(buffer, kept) ?? reencodeHeif(buffer, kept.description);
}

interface KeptMetadata {
  description: MediaDescription;
  /** The EXIF block that replaces the original's, or null when there is nothing to keep. */
  exif: Buffer | null;
}

async function keptMetadata(buffer: Buffer): Promise<KeptMetadata> {
  const { description } = await extractMetadata(buffer);
  let orientation = 1;
  try {
    orientation = (await sharp(buffer, { limitInputPixels: false }).metadata()).orientation ?? 1;
  } catch {
    orientation = 1;
  }
  const exif = buildExif({ orientation, imageDescription: description.caption, artist: description.creator, copyright: description.copyright });
  return { description, exif };
}

/** The XMP to ship in place of `xml`: cleaned, or rebuilt from the description when cleaning is not safe. */
function outgoingXmp(xml: string, description: MediaDescription): string | null {
  return removePrivateXmp(xml) ?? buildXmp(description);
}

const XMP_ID = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
const XMP_EXT_ID = Buffer.from('http://ns.adobe.com/xmp/extension/\0', 'latin1');
const MPF_ID = Buffer.from('MPF\0', 'latin1');

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

const startsWith = (data: Buffer, prefix: Buffer) => data.subarray(0, prefix.length).equals(prefix);

/**
 * Offset just after the primary picture's End Of Image marker, walking the entropy-coded
 * data from `offset` (the first Start Of Scan); the file's length if there is none.
 */
function endOfPicture(jpeg: Buffer, offset: number): number {
  let at = offset;
  while (at + 1 < jpeg.length) {
    if (jpeg[at] !== 0xff) {
      at++;
      continue;
    }
    const marker = jpeg[at + 1]!;
    if (marker === 0x00 || marker === 0xff || (marker >= 0xd0 && marker <= 0xd7)) {
      at += marker === 0xff ? 1 : 2; // stuffed byte, fill byte or restart marker: still scan data
      continue;
    }
    if (marker === 0xd9) return at + 2;
    if (at + 4 > jpeg.length) break;
    at += 2 + jpeg.readUInt16BE(at + 2); // a table or the next scan's header (progressive JPEG)
  }
  return jpeg.length;
}

function stripJpeg(jpeg: Buffer, kept: KeptMetadata): Uint8Array {
  const parts: Buffer[] = [jpeg.subarray(0, 2)];
  let offset = 2;
  let wroteExif = false;
  while (offset + 4 <= jpeg.length) {
    if (jpeg[offset] !== 0xff) throw new Error('not a well-formed JPEG segment list');
    const marker = jpeg[offset + 1]!;
    if (marker === 0xff) {
      offset++; // fill byte
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break; // start of scan / end: the picture follows
    const length = jpeg.readUInt16BE(offset + 2);
    const payload = jpeg.subarray(offset + 4, offset + 2 + length);
    const whole = jpeg.subarray(offset, offset + 2 + length);
    offset += 2 + length;
    if (marker === 0xe1 && startsWith(payload, EXIF_HEADER)) {
      if (!wroteExif && kept.exif) parts.push(segment(0xe1, Buffer.concat([EXIF_HEADER, kept.exif])));
      wroteExif = true;
      continue;
    }
    if (marker === 0xe1 && startsWith(payload, XMP_EXT_ID)) continue;
    if (marker === 0xe1 && startsWith(payload, XMP_ID)) {
      const xmp = outgoingXmp(payload.subarray(XMP_ID.length).toString('utf8'), kept.description);
      if (xmp) parts.push(segment(0xe1, Buffer.concat([XMP_ID, Buffer.from(xmp, 'utf8')])));
      continue;
    }
    if (marker === 0xe2 && startsWith(payload, MPF_ID)) continue; // indexes the appended pictures we cut
    parts.push(whole);
  }
  parts.push(jpeg.subarray(offset, endOfPicture(jpeg, offset)));
  return Buffer.concat(parts);
}

function iTXtChunk(keyword: string, text: string): Chunk {
  return { type: 'iTXt', data: Buffer.concat([Buffer.from(`${keyword}\0\0\0\0\0`, 'latin1'), Buffer.from(text, 'utf8')]) };
}

const keywordOf = (data: Buffer) => data.subarray(0, Math.max(0, data.indexOf(0))).toString('latin1');

function stripPng(png: Buffer, kept: KeptMetadata): Uint8Array {
  const out: Chunk[] = [];
  for (const chunk of readPngChunks(png)) {
    const isText = chunk.type === 'tEXt' || chunk.type === 'zTXt' || chunk.type === 'iTXt';
    const keyword = isText ? keywordOf(chunk.data) : '';
    if (chunk.type === 'eXIf') {
      if (kept.exif) out.push({ type: 'eXIf', data: kept.exif });
    } else if (chunk.type === 'iTXt' && keyword === PNG_XMP_KEYWORD) {
      const xmp = outgoingXmp(iTXtText(chunk.data), kept.description);
      if (xmp) out.push(iTXtChunk(PNG_XMP_KEYWORD, xmp));
    } else if (!(isText && /^Raw profile type (exif|xmp|APP1)$/i.test(keyword))) {
      out.push(chunk);
    }
  }
  return writePng(out);
}

function stripWebp(webp: Buffer, kept: KeptMetadata): Uint8Array {
  const out: Chunk[] = [];
  for (const chunk of readWebpChunks(webp)) {
    if (chunk.type === 'EXIF') {
      if (kept.exif) out.push({ type: 'EXIF', data: kept.exif });
    } else if (chunk.type === 'XMP ') {
      const xmp = outgoingXmp(chunk.data.toString('utf8'), kept.description);
      if (xmp) out.push({ type: 'XMP ', data: Buffer.from(xmp, 'utf8') });
    } else {
      out.push(chunk);
    }
  }
  return writeWebp(out);
}

/** The EXIF item's payload: a 4-byte offset to the TIFF header (0 here), then the TIFF block. */
const exifItemPayload = (exif: Buffer | null) => Buffer.concat([Buffer.alloc(4), exif ?? emptyExif()]);

/** Overwrite the Exif and XMP items of a HEIC/AVIF in place; null when that is not possible. */
function stripHeifInPlace(heif: Buffer, kept: KeptMetadata): Uint8Array | null {
  let items: HeifItem[];
  try {
    items = findHeifMetadataItems(heif);
  } catch {
    return null;
  }
  const out = Buffer.from(heif);
  for (const item of items) {
    const current = Buffer.concat(item.extents.map((x) => heif.subarray(x.offset, x.offset + x.length)));
    const replacement = item.kind === 'exif' ? exifItemPayload(kept.exif) : Buffer.from(outgoingXmp(current.toString('utf8'), kept.description) ?? '', 'utf8');
    if (replacement.length > current.length) return null;
    // TIFF readers follow offsets, so zeros after the block are never read; XMP allows trailing white space.
    const padded = Buffer.alloc(current.length, item.kind === 'xmp' ? 0x20 : 0);
    replacement.copy(padded);
    let written = 0;
    for (const x of item.extents) {
      padded.copy(out, x.offset, written, written + x.length);
      written += x.length;
    }
  }
  return out;
}

/** High enough that a re-encoded photo is not visibly softer than the original. */
const REENCODE_QUALITY = 90;

async function reencodeHeif(heif: Buffer, description: MediaDescription): Promise<Uint8Array | null> {
  let image = sharp(heif, { limitInputPixels: MAX_MEDIA_PIXELS }).rotate();
  const xmp = buildXmp(description);
  if (xmp) image = image.withXmp(xmp);
  try {
    return await image.heif({ compression: 'av1', quality: REENCODE_QUALITY }).toBuffer();
  } catch {
    return null; // e.g. HEVC-coded HEIC: the bundled image library cannot decode it
  }
}
