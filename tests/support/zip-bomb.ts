import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Hand-made zip files for hostile-package tests: entries whose declared sizes can
 * lie, and one compressed stream reused for many entries, so a package inflating
 * to gigabytes is built in about a second from ~100 KB of deflate data.
 */
export interface BombEntry {
  name: string;
  /** Raw deflate data. */
  compressed: Uint8Array;
  crc: number;
  /** The size written in the local and central headers (the truth, or a lie). */
  declaredSize: number;
}

/** Deflate `size` zero bytes once, as an entry body to reuse. */
export function zeros(size: number): { compressed: Uint8Array; crc: number } {
  const plain = Buffer.alloc(size);
  return { compressed: new Uint8Array(deflateRawSync(plain, { level: 9 })), crc: crc32(plain) };
}

/** A zip (deflate, no data descriptors) with the given entries, sizes as declared. */
export function rawZip(entries: BombEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.compressed.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, Buffer.from(e.compressed));
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(e.crc >>> 0, 16);
    dir.writeUInt32LE(e.compressed.length, 20);
    dir.writeUInt32LE(e.declaredSize, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += local.length + name.length + e.compressed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, dirBytes, end]));
}
