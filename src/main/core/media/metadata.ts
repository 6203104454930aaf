import exifr from 'exifr';
import { cleanText } from '../../../shared/text';
import type { MediaDescription } from '../../../shared/media';

/**
 * What the photographer wrote into the file (IPTC IIM and XMP), read with exifr.
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

/** Clean text from outside: NFC, no control characters, single-line where a field is single-line. */
const clean = (text: string, multiline = false) => {
  const cleaned = cleanText(text);
  return (multiline ? cleaned.replace(/\r\n?/g, '\n') : cleaned.replace(/\s+/g, ' ')).trim();
};

const pick = (...candidates: string[]) => candidates.find((c) => c.trim()) ?? '';

export async function extractMetadata(bytes: Uint8Array): Promise<ExtractedMetadata> {
  let parsed: Record<string, Section | undefined> | undefined;
  try {
    parsed = (await exifr.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
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
 })) as Record<string, Section | undefined> | undefined;
  } catch {
    // A damaged metadata block must not cost the reporter a decodable photo.
    parsed = undefined;
  }
  if (!parsed) return { description: { ...EMPTY_DESCRIPTION }, private: {} };

  const iptc = parsed.iptc ?? {};
  const dc = parsed.dc ?? {};
  const photoshop = parsed.photoshop ?? {};
  const ifd0 = parsed.ifd0 ?? {};
  const xmpRights = parsed.xmpRights ?? {};

  const description: MediaDescription = {
    caption: clean(pick(firstString(dc.description), iptcString(iptc.Caption), firstString(ifd0.ImageDescription)), true),
    creator: clean(pick(firstString(dc.creator), iptcString(iptc.Byline), firstString(ifd0.Artist))),
    creditLine: clean(pick(firstString(photoshop.Credit), iptcString(iptc.Credit))),
    copyright: clean(pick(firstString(dc.rights), iptcString(iptc.CopyrightNotice), firstString(ifd0.Copyright), firstString(xmpRights.UsageTerms))),
    headline: clean(pick(firstString(photoshop.Headline), iptcString(iptc.Headline))),
    title: clean(pick(firstString(dc.title), iptcString(iptc.ObjectName))),
  };

  const privateData: PrivateMetadata = {};
  const gps = parsed.gps ?? {};
  if (typeof gps.latitude === 'number' && typeof gps.longitude === 'number' && Number.isFinite(gps.latitude) && Number.isFinite(gps.longitude)) {
    privateData.location = { latitude: gps.latitude, longitude: gps.longitude };
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
