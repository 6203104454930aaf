/**
 * A fresh, minimal EXIF (TIFF) block written from scratch, so nothing of the original's
 * EXIF (GPS, serial numbers, maker notes, the embedded thumbnail in IFD1) can ride
 * along. Text is written as UTF-8 in the ASCII fields, as exiftool and phones do, so a
 * Vietnamese caption is not reduced to "?" characters.
 */
export interface ExifFields {
  orientation?: number;
  imageDescription?: string;
  artist?: string;
  copyright?: string;
}

/** The prefix an EXIF block carries inside a JPEG APP1 segment. */
export const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');

const ASCII = 2;
const SHORT = 3;

interface Entry {
  tag: number;
  type: number;
  value: Buffer;
  count: number;
}

/** A TIFF block with an empty IFD0: EXIF that says nothing, for a slot that must hold one. */
export function emptyExif(): Buffer {
  const tiff = Buffer.alloc(14);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  return tiff; // zero entries, no next IFD
}

/** Big-endian TIFF bytes with IFD0 only (no next IFD), or null when there is nothing to write. */
export function buildExif(fields: ExifFields): Buffer | null {
  const entries: Entry[] = [];
  const text = (tag: number, value: string | undefined) => {
    if (!value?.trim()) return;
    const bytes = Buffer.concat([Buffer.from(value, 'utf8'), Buffer.from([0])]);
    entries.push({ tag, type: ASCII, value: bytes, count: bytes.length });
  };
  text(0x010e, fields.imageDescription);
  if (fields.orientation && fields.orientation !== 1) {
    const value = Buffer.alloc(2);
    value.writeUInt16BE(fields.orientation);
    entries.push({ tag: 0x0112, type: SHORT, value, count: 1 });
  }
  text(0x013b, fields.artist);
  text(0x8298, fields.copyright);
  if (!entries.length) return null;
  entries.sort((a, b) => a.tag - b.tag);

  const ifdSize = 2 + entries.length * 12 + 4;
  const header = Buffer.alloc(8 + ifdSize);
  header.write('MM', 0, 'latin1');
  header.writeUInt16BE(42, 2);
  header.writeUInt32BE(8, 4);
  header.writeUInt16BE(entries.length, 8);
  const outside: Buffer[] = [];
  let dataOffset = header.length;
  entries.forEach((entry, i) => {
    const at = 10 + i * 12;
    header.writeUInt16BE(entry.tag, at);
    header.writeUInt16BE(entry.type, at + 2);
    header.writeUInt32BE(entry.count, at + 4);
    if (entry.value.length <= 4) {
      entry.value.copy(header, at + 8); // left-justified in the 4-byte field
    } else {
      header.writeUInt32BE(dataOffset, at + 8);
      // Values start on a word boundary.
      const padded = entry.value.length % 2 ? Buffer.concat([entry.value, Buffer.from([0])]) : entry.value;
      outside.push(padded);
      dataOffset += padded.length;
    }
  });
  header.writeUInt32BE(0, 10 + entries.length * 12); // no IFD1: no thumbnail
  return Buffer.concat([header, ...outside]);
}
