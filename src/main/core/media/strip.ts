import exifr from 'exifr';
import type { MediaFormat } from '../../../shared/media';

/**
 * Remove location and serial numbers from an original *without re-encoding it*, for
 * originals that must leave the machine (handoff packages sent without the desk's
 * opt-in). Pixels, ICC profile, IPTC caption/credit and orientation stay exactly as
 * they were; only the private parts go:
 *
 *  - JPEG: the EXIF block (GPS, serials, maker notes) is replaced by one holding only
 *    the orientation; XMP loses its GPS and serial-number properties (or, if they
 *    cannot be cut out cleanly, the whole XMP packet); extended XMP is dropped.
 *  - PNG: `eXIf`, XMP (`iTXt XML:com.adobe.xmp`) and ImageMagick's raw EXIF text go.
 *
 * The result has different bytes, hence a different SHA-256 than the stored id: a
 * caller shipping it must carry the mapping. Returns null for WebP and HEIF (their
 * containers are not rewritten here); use a re-encoded rendition for those.
 */
export async function stripPrivateMetadata(bytes: Uint8Array, format: MediaFormat): Promise<Uint8Array | null> {
  if (format === 'jpeg') return stripJpeg(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (format === 'png') return stripPng(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return null;
}

const EXIF_ID = Buffer.from('Exif\0\0', 'latin1');
const XMP_ID = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
const XMP_EXT_ID = Buffer.from('http://ns.adobe.com/xmp/extension/\0', 'latin1');

/** XMP properties that locate the photo or identify the camera. */
const PRIVATE_XMP = String.raw`(?:exif|exifEX|aux|tiff):(?:GPS\w*|\w*SerialNumber|OwnerName|CameraOwnerName)`;
const PRIVATE_ATTR = new RegExp(String.raw`\s${PRIVATE_XMP}\s*=\s*("[^"]*"|'[^']*')`, 'g');
const PRIVATE_ELEMENT = new RegExp(String.raw`<(${PRIVATE_XMP})\b[^>]*?(?:/>|>[\s\S]*?</\1\s*>)`, 'g');
const STILL_PRIVATE = new RegExp(PRIVATE_XMP);

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** A minimal big-endian EXIF block: IFD0 with the Orientation tag only. */
function orientationOnlyExif(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // IFD0 offset
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10); // Orientation
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14); // count
  tiff.writeUInt16BE(orientation, 18); // value, left-justified in the 4-byte field
  tiff.writeUInt32BE(0, 22); // no next IFD
  return Buffer.concat([EXIF_ID, tiff]);
}

function cleanXmp(payload: Buffer): Buffer | null {
  const xml = payload.subarray(XMP_ID.length).toString('utf8');
  if (!STILL_PRIVATE.test(xml)) return payload;
  const cleaned = xml.replace(PRIVATE_ATTR, '').replace(PRIVATE_ELEMENT, '');
  if (STILL_PRIVATE.test(cleaned)) return null;
  return Buffer.concat([XMP_ID, Buffer.from(cleaned, 'utf8')]);
}

async function stripJpeg(jpeg: Buffer): Promise<Uint8Array> {
  let orientation = 1;
  try {
    orientation = (await exifr.orientation(jpeg)) ?? 1;
  } catch {
    orientation = 1;
  }
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
    if (marker === 0xda || marker === 0xd9) break; // start of scan / end: the rest is image data
    const length = jpeg.readUInt16BE(offset + 2);
    const payload = jpeg.subarray(offset + 4, offset + 2 + length);
    offset += 2 + length;
    if (marker === 0xe1 && payload.subarray(0, EXIF_ID.length).equals(EXIF_ID)) {
      if (!wroteExif && orientation !== 1) parts.push(segment(0xe1, orientationOnlyExif(orientation)));
      wroteExif = true;
      continue;
    }
    if (marker === 0xe1 && payload.subarray(0, XMP_EXT_ID.length).equals(XMP_EXT_ID)) continue;
    if (marker === 0xe1 && payload.subarray(0, XMP_ID.length).equals(XMP_ID)) {
      const cleaned = cleanXmp(payload);
      if (cleaned) parts.push(segment(0xe1, cleaned));
      continue;
    }
    parts.push(jpeg.subarray(offset - 2 - length, offset));
  }
  parts.push(jpeg.subarray(offset));
  return Buffer.concat(parts);
}

function stripPng(png: Buffer): Uint8Array {
  const parts: Buffer[] = [png.subarray(0, 8)];
  let offset = 8;
  while (offset + 12 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    const data = png.subarray(offset + 8, offset + 8 + length);
    const keyword = data.subarray(0, Math.max(0, data.indexOf(0))).toString('latin1');
    const private_ =
      type === 'eXIf' ||
      (type === 'iTXt' && keyword === 'XML:com.adobe.xmp') ||
      ((type === 'tEXt' || type === 'zTXt' || type === 'iTXt') && /^Raw profile type (exif|xmp)$/i.test(keyword));
    if (!private_) parts.push(png.subarray(offset, end));
    offset = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(parts);
}
