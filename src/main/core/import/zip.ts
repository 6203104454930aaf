import { Inflate } from 'fflate';
import { ImportError } from './errors';
import { formatBytes, IMPORT_LIMITS } from './limits';

/**
 * Read a .docx (a zip) defensively: the central directory is inspected first and
 * the file refused when its declared sizes or compression ratios say "zip bomb";
 * then each entry is inflated in chunks and stopped the moment it produces more
 * than it declared, so a lying header cannot exhaust memory or time either.
 */
export interface ZipLimits {
  entries: number;
  totalBytes: number;
  entryBytes: number;
  maxRatio: number;
}

interface CentralEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const CHUNK = 64 * 1024;
/** Entries smaller than this are never judged by their ratio (tiny XML compresses extremely well). */
const RATIO_FLOOR = 1024 * 1024;

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

function corrupt(name: string, why: string): never {
  throw new ImportError(`${name} is not a readable Word document (${why}); nothing was imported.`, 'corrupt');
}

function bomb(name: string, why: string): never {
  throw new ImportError(`${name} was refused: ${why}. It looks like a zip bomb, not a Word document; nothing was imported.`, 'zip_bomb');
}

function readCentralDirectory(bytes: Uint8Array, name: string): CentralEntry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) corrupt(name, 'no zip directory');
  const count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) corrupt(name, 'zip64 archives are not supported');
  const entries: CentralEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (offset + 46 > bytes.length || u32(bytes, offset) !== 0x02014b50) corrupt(name, 'damaged zip directory');
    const nameLength = u16(bytes, offset + 28);
    const extraLength = u16(bytes, offset + 30);
    const commentLength = u16(bytes, offset + 32);
    const entryName = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    entries.push({
      name: entryName,
      method: u16(bytes, offset + 10),
      compressedSize: u32(bytes, offset + 20),
      size: u32(bytes, offset + 24),
      localOffset: u32(bytes, offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function checkDeclared(entries: CentralEntry[], limits: ZipLimits, name: string): void {
  if (entries.length > limits.entries) bomb(name, `it holds ${entries.length} files (a Word document has a few dozen)`);
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (e.size > limits.entryBytes) bomb(name, `${e.name} would unpack to ${formatBytes(e.size)}`);
    if (e.size > RATIO_FLOOR && e.size > e.compressedSize * limits.maxRatio) {
      bomb(name, `${e.name} is compressed ${Math.round(e.size / Math.max(1, e.compressedSize))} to 1`);
    }
  }
  if (total > limits.totalBytes) bomb(name, `it would unpack to ${formatBytes(total)} (limit ${formatBytes(limits.totalBytes)})`);
}

function inflateEntry(bytes: Uint8Array, e: CentralEntry, name: string): Uint8Array {
  const local = e.localOffset;
  if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) corrupt(name, `damaged entry ${e.name}`);
  const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  const data = bytes.subarray(start, start + e.compressedSize);
  if (data.length !== e.compressedSize) corrupt(name, `entry ${e.name} is cut short`);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) corrupt(name, `entry ${e.name} has inconsistent sizes`);
    return data.slice();
  }
  if (e.method !== 8) corrupt(name, `entry ${e.name} uses an unsupported compression method`);
  const out = new Uint8Array(e.size);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > e.size) bomb(name, `${e.name} unpacks to more than the ${formatBytes(e.size)} it declares`);
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let p = 0; p < data.length; p += CHUNK) inflater.push(data.subarray(p, Math.min(data.length, p + CHUNK)), p + CHUNK >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof ImportError) throw err;
    corrupt(name, `entry ${e.name} is damaged`);
  }
  if (written !== e.size) corrupt(name, `entry ${e.name} is shorter than it declares`);
  return out;
}

/** Every file in the zip, by path, after the size checks. */
export function readZipSafely(bytes: Uint8Array, name: string, limits: ZipLimits = {
  entries: IMPORT_LIMITS.docxEntries,
  totalBytes: IMPORT_LIMITS.docxUncompressedBytes,
  entryBytes: IMPORT_LIMITS.docxEntryBytes,
  maxRatio: IMPORT_LIMITS.docxMaxRatio,
}): Map<string, Uint8Array> {
  const entries = readCentralDirectory(bytes, name);
  checkDeclared(entries, limits, name);
  const files = new Map<string, Uint8Array>();
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    files.set(e.name, inflateEntry(bytes, e, name));
  }
  return files;
}
