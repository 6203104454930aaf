/**
 * The metadata items of a HEIC/AVIF file (ISO base media file format): where the
 * bytes of its `Exif` item and its XMP item (`mime`, application/rdf+xml) lie. Found
 * through the `meta` box's item information (`iinf`) and item locations (`iloc`), so
 * they can be overwritten in place without touching the picture or any offset.
 */

export type HeifItemKind = 'exif' | 'xmp';

export interface HeifItem {
  kind: HeifItemKind;
  /** File ranges holding the item's bytes, in order. */
  extents: { offset: number; length: number }[];
}

interface Box {
  type: string;
  /** Offset of the box's payload (after size and type). */
  start: number;
  end: number;
}

function* boxes(file: Buffer, start: number, end: number): Generator<Box> {
  let at = start;
  while (at + 8 <= end) {
    let size = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    let header = 8;
    if (size === 1) {
      if (at + 16 > end) throw new Error('truncated box header');
      size = Number(file.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < header || at + size > end) throw new Error(`box ${type} runs past its parent`);
    yield { type, start: at + header, end: at + size };
    at += size;
  }
}

const child = (file: Buffer, parent: Box, type: string, skip = 0) => [...boxes(file, parent.start + skip, parent.end)].find((b) => b.type === type);

/** Read an unsigned big-endian integer of 0, 4 or 8 bytes. */
function readSized(file: Buffer, at: number, size: number): number {
  if (size === 0) return 0;
  if (size === 4) return file.readUInt32BE(at);
  if (size === 8) return Number(file.readBigUInt64BE(at));
  throw new Error(`unsupported field size ${size}`);
}

/** Item id → kind, from the `infe` entries of `iinf`. */
function itemKinds(file: Buffer, iinf: Box): Map<number, HeifItemKind> {
  const kinds = new Map<number, HeifItemKind>();
  const version = file[iinf.start]!;
  for (const infe of boxes(file, iinf.start + 4 + (version === 0 ? 2 : 4), iinf.end)) {
    if (infe.type !== 'infe') continue;
    const infeVersion = file[infe.start]!;
    if (infeVersion < 2) continue; // versions 0 and 1 describe no item types
    let at = infe.start + 4;
    const id = infeVersion === 2 ? file.readUInt16BE(at) : file.readUInt32BE(at);
    at += (infeVersion === 2 ? 2 : 4) + 2; // item id, protection index
    const itemType = file.toString('latin1', at, at + 4);
    at += 4;
    if (itemType === 'Exif') kinds.set(id, 'exif');
    if (itemType === 'mime') {
      const nameEnd = file.indexOf(0, at);
      const typeEnd = file.indexOf(0, nameEnd + 1);
      if (nameEnd >= 0 && typeEnd > nameEnd && file.toString('latin1', nameEnd + 1, typeEnd) === 'application/rdf+xml') kinds.set(id, 'xmp');
    }
  }
  return kinds;
}

/**
 * The Exif and XMP items of a HEIF/AVIF file with their file ranges. Throws when the
 * container cannot be read with certainty (the caller then re-encodes instead).
 */
export function findHeifMetadataItems(file: Buffer): HeifItem[] {
  const top = [...boxes(file, 0, file.length)];
  const meta = top.find((b) => b.type === 'meta');
  if (!meta) return [];
  const iinf = child(file, meta, 'iinf', 4);
  const iloc = child(file, meta, 'iloc', 4);
  if (!iinf || !iloc) return [];
  const idat = child(file, meta, 'idat', 4);
  const kinds = itemKinds(file, iinf);

  const version = file[iloc.start]!;
  let at = iloc.start + 4;
  const offsetSize = file[at]! >> 4;
  const lengthSize = file[at]! & 0x0f;
  const baseOffsetSize = file[at + 1]! >> 4;
  const indexSize = version === 1 || version === 2 ? file[at + 1]! & 0x0f : 0;
  at += 2;
  const itemCount = version < 2 ? file.readUInt16BE(at) : file.readUInt32BE(at);
  at += version < 2 ? 2 : 4;
  const items: HeifItem[] = [];
  for (let i = 0; i < itemCount; i++) {
    const id = version < 2 ? file.readUInt16BE(at) : file.readUInt32BE(at);
    at += version < 2 ? 2 : 4;
    let constructionMethod = 0;
    if (version === 1 || version === 2) {
      constructionMethod = file.readUInt16BE(at) & 0x0f;
      at += 2;
    }
    at += 2; // data reference index: 0, this file
    const baseOffset = readSized(file, at, baseOffsetSize);
    at += baseOffsetSize;
    const extentCount = file.readUInt16BE(at);
    at += 2;
    const extents: HeifItem['extents'] = [];
    for (let e = 0; e < extentCount; e++) {
      at += indexSize;
      const offset = readSized(file, at, offsetSize);
      at += offsetSize;
      const length = readSized(file, at, lengthSize);
      at += lengthSize;
      extents.push({ offset, length });
    }
    const kind = kinds.get(id);
    if (!kind) continue;
    if (constructionMethod > 1 || (constructionMethod === 1 && !idat)) throw new Error('item stored by reference to other items');
    const origin = constructionMethod === 1 ? idat!.start : 0;
    const placed = extents.map((x) => ({ offset: origin + baseOffset + x.offset, length: x.length }));
    if (placed.some((x) => x.length === 0 || x.offset + x.length > file.length)) throw new Error('item extent outside the file');
    items.push({ kind, extents: placed });
  }
  return items;
}
