import exifr from 'exifr';
import { cleanText } from '../../../shared/text';
import type { MediaDescription } from '../../../shared/media';
import { isPng, isWebp, pngRawProfileExif, pngXmp, readPngChunks, readWebpChunks, type Chunk } from './containers';
import { decodeEntities, isCameraDefault } from './embedded-text';
import { EXIF_HEADER } from './exif-block';
import { findXmpPacket } from './xmp';

/**
 * What the photographer wrote into the file (EXIF, IPTC IIM and XMP, in every
 * accepted format), read with exifr.
 * `description` is safe to show and hand off; `private` (GPS, serial numbers) stays
 * in this machine's database and never leaves it.
 */
export interface ExtractedMetadata {
  description: MediaDescription;
  private: PrivateMetadata;
}

export interface PrivateMetadata {
  location?: { latitude: number; longitude: number; altitude?: number };
  serialNumbers?: Record<string, string>;
}

type Section = Record<string, unknown>;

const EMPTY_DESCRIPTION: MediaDescription = { caption: '', creator: '', creditLine: '', copyright: '', headline: '', title: '' };

/** EXIF and XMP tags that identify a physical camera or lens. */
const SERIAL_TAGS = ['SerialNumber', 'BodySerialNumber', 'CameraSerialNumber', 'LensSerialNumber', 'InternalSerialNumber', 'ImageUniqueID'];

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * exifr decodes IPTC strings as Latin-1. Modern tools (and ours) write UTF-8, declared
 * in record 1:90; re-decode when the bytes are valid UTF-8, otherwise keep Latin-1.
 */
function iptcString(value: unknown): string {
  const raw = firstString(value);
  if (!raw) return '';
  if (!/[\u0080-\u00ff]/.test(raw) || /[^\u0000-\u00ff]/.test(raw)) return raw;
  try {
    return UTF8.decode(Buffer.from(raw, 'latin1'));
  } catch {
    return raw;
  }
}

/** XMP values come as plain strings, arrays (dc:creator) or language alternatives ({lang, value}). */
function firstString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(firstString).filter(Boolean).join(', ');
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('value' in v) return firstString(v.value);
  }
  return '';
}

/** Text from outside: entities decoded, NFC, no control characters, single-line where a field is single-line. */
const clean = (text: string, multiline = false) => {
  const cleaned = cleanText(decodeEntities(text));
  return (multiline ? cleaned.replace(/\r\n?/g, '\n') : cleaned.replace(/\s+/g, ' ')).trim();
};

/** The first candidate with text in it. */
const pick = (...candidates: string[]) => candidates.map((c) => clean(c, true)).find((c) => c) ?? '';

/** The first candidate that is a real description, not one a camera writes on every frame. */
const pickDescription = (...candidates: string[]) => candidates.map((c) => clean(c, true)).find((c) => !isCameraDefault(c)) ?? '';

const EXIFR_OPTIONS = {
  tiff: true,
  exif: true,
  gps: true,
  iptc: true,
  xmp: true,
  icc: false,
  jfif: false,
  ihdr: false,
  interop: false,
  mergeOutput: false,
  translateValues: false,
  reviveValues: true,
  sanitize: true,
} as const;

type Sections = Record<string, Section | undefined>;

/** Add sections without losing what is there: EXIF's `exif` block and XMP's `exif:` namespace share a name. */
function mergeSections(into: Sections, from: Sections | undefined): void {
  for (const [name, section] of Object.entries(from ?? {})) {
    if (section && typeof section === 'object') into[name] = { ...section, ...(into[name] ?? {}) };
  }
}

/** exifr reads a bare TIFF block; a WebP EXIF chunk sometimes carries JPEG's `Exif\0\0` prefix too. */
const withoutExifHeader = (data: Buffer) => (data.subarray(0, EXIF_HEADER.length).equals(EXIF_HEADER) ? data.subarray(EXIF_HEADER.length) : data);

/**
 * An XMP packet parsed by exifr's own XMP parser, into the same namespace sections
 * `exifr.parse` gives. Reached through `segmentParsers` because exifr's `sidecar`
 * helper is missing from the package's default export in its ES module build.
 */
function parseXmp(xml: string): Sections {
  const xmpParser = exifr.segmentParsers.get('xmp') as { parse(xml: string, options: object): Sections };
  return xmpParser.parse(xml, { enabled: true, parse: true });
}

/** The value, or null when reading a damaged block throws. */
function orNull<T>(read: () => T | null): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

async function parseOrNothing(read: () => Promise<unknown>): Promise<Sections | undefined> {
  try {
    return ((await read()) as Sections | undefined) ?? undefined;
  } catch {
    // A damaged metadata block must not cost the reporter a decodable photo.
    return undefined;
  }
}

/**
 * Every metadata block of the file, by exifr section name (`ifd0`, `exif`, `gps`, `iptc`,
 * XMP namespaces). exifr reads JPEG, PNG (`eXIf`, iTXt XMP) and the Exif item of
 * HEIC/AVIF itself; WebP's `EXIF` and `XMP ` chunks, ImageMagick's hex EXIF text in
 * PNG, and the XMP of HEIC/AVIF (which exifr skips) are found here and their bytes
 * handed to exifr.
 */
async function readSections(buffer: Buffer): Promise<Sections> {
  const sections: Sections = {};
  if (isWebp(buffer)) {
    let chunks: Chunk[] = [];
    try {
      chunks = readWebpChunks(buffer);
    } catch {
      return sections; // a damaged container: the decoder decides whether the photo is usable
    }
    const exif = chunks.find((c) => c.type === 'EXIF')?.data;
    const xmp = chunks.find((c) => c.type === 'XMP ')?.data;
    if (exif) mergeSections(sections, await parseOrNothing(() => exifr.parse(Buffer.from(withoutExifHeader(exif)), EXIFR_OPTIONS)));
    if (xmp) mergeSections(sections, await parseOrNothing(async () => parseXmp(xmp.toString('utf8'))));
    return sections;
  }
  mergeSections(sections, await parseOrNothing(() => exifr.parse(buffer, EXIFR_OPTIONS)));
  if (isPng(buffer) && (!sections.ifd0 || !sections.xmlns)) {
    let chunks: Chunk[] = [];
    try {
      chunks = readPngChunks(buffer);
    } catch {
      chunks = []; // a damaged chunk list: the decoder decides whether the photo is usable
    }
    // exifr reads neither ImageMagick's hex EXIF text nor a compressed iTXt XMP.
    const raw = sections.ifd0 ? null : orNull(() => pngRawProfileExif(chunks));
    if (raw) mergeSections(sections, await parseOrNothing(() => exifr.parse(Buffer.from(withoutExifHeader(raw)), EXIFR_OPTIONS)));
    const xmp = sections.xmlns ? null : orNull(() => pngXmp(chunks));
    if (xmp) mergeSections(sections, await parseOrNothing(async () => parseXmp(xmp)));
  }
  if (!sections.xmlns) {
    const packet = findXmpPacket(buffer);
    if (packet) mergeSections(sections, await parseOrNothing(async () => parseXmp(packet)));
  }
  return sections;
}

/** XMP writes coordinates as "DDD,MM.mmmmK" or "DDD,MM,SSK" (K one of N, S, E, W). */
function xmpCoordinate(value: unknown): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?),(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?\s*([NSEW])\s*$/i.exec(firstString(value));
  if (!match) return undefined;
  const degrees = Number(match[1]) + Number(match[2]) / 60 + Number(match[3] ?? 0) / 3600;
  return /[SW]/i.test(match[4]!) ? -degrees : degrees;
}

export async function extractMetadata(bytes: Uint8Array): Promise<ExtractedMetadata> {
  const parsed = await readSections(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

  const iptc = parsed.iptc ?? {};
  const dc = parsed.dc ?? {};
  const photoshop = parsed.photoshop ?? {};
  const ifd0 = parsed.ifd0 ?? {};
  const xmpRights = parsed.xmpRights ?? {};

  const line = (text: string) => clean(text);
  const description: MediaDescription = {
    caption: pickDescription(firstString(dc.description), iptcString(iptc.Caption), firstString(ifd0.ImageDescription)),
    creator: line(pick(firstString(dc.creator), iptcString(iptc.Byline), firstString(ifd0.Artist))),
    creditLine: line(pick(firstString(photoshop.Credit), iptcString(iptc.Credit))),
    copyright: line(pick(firstString(dc.rights), iptcString(iptc.CopyrightNotice), firstString(ifd0.Copyright), firstString(xmpRights.UsageTerms))),
    headline: line(pickDescription(firstString(photoshop.Headline), iptcString(iptc.Headline))),
    title: line(pickDescription(firstString(dc.title), iptcString(iptc.ObjectName))),
  };

  const privateData: PrivateMetadata = {};
  const gps = parsed.gps ?? {};
  const xmpExif = parsed.exif ?? {};
  const latitude = typeof gps.latitude === 'number' ? gps.latitude : xmpCoordinate(xmpExif.GPSLatitude);
  const longitude = typeof gps.longitude === 'number' ? gps.longitude : xmpCoordinate(xmpExif.GPSLongitude);
  if (latitude !== undefined && longitude !== undefined && Number.isFinite(latitude) && Number.isFinite(longitude)) {
    privateData.location = { latitude, longitude };
    if (typeof gps.GPSAltitude === 'number') privateData.location.altitude = gps.GPSAltitude;
  }
  const serials: Record<string, string> = {};
  for (const [sectionName, section] of Object.entries(parsed)) {
    if (!section || typeof section !== 'object') continue;
    for (const tag of SERIAL_TAGS) {
      const value = firstString((section as Section)[tag]).trim();
      if (value) serials[`${sectionName}.${tag}`] = clean(value);
    }
  }
  if (Object.keys(serials).length) privateData.serialNumbers = serials;
  return { description, private: privateData };
}

/** True when the photo's bytes carry a GPS position or a camera or lens serial number. */
export async function holdsPrivateMetadata(bytes: Uint8Array): Promise<boolean> {
  const { private: found } = await extractMetadata(bytes);
  return found.location !== undefined || found.serialNumbers !== undefined;
}
