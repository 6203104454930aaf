import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

/**
 * Small photos in every accepted format, made with sharp, with metadata written by
 * exiftool the way cameras, phones and photo desks write it.
 */

export type PhotoFormat = 'jpeg' | 'png' | 'webp' | 'avif';
/** Formats exiftool writes into; `heic` only for the committed HEVC fixture (sharp cannot make one). */
export type TaggableFormat = PhotoFormat | 'heic';
export const PHOTO_FORMATS: PhotoFormat[] = ['jpeg', 'png', 'webp', 'avif'];
const EXTENSION: Record<TaggableFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif', heic: 'heic' };

/** A noisy (realistic, not flat) photo of `width` × `height` in `format`. */
export async function plainPhoto(format: PhotoFormat, width = 320, height = 240): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: '#6a8', noise: { type: 'gaussian', mean: 120, sigma: 30 } } });
  if (format === 'jpeg') return image.jpeg({ quality: 85 }).toBuffer();
  if (format === 'png') return image.png().toBuffer();
  if (format === 'webp') return image.webp({ quality: 85 }).toBuffer();
  return image.avif({ quality: 70 }).toBuffer();
}

/** Run exiftool with `args` on a copy of `bytes` (named for `format`); returns the new bytes. */
export function exiftoolWrite(bytes: Buffer, format: TaggableFormat, dir: string, args: string[]): Buffer {
  const file = join(dir, `w-${Math.random().toString(36).slice(2)}.${EXTENSION[format]}`);
  writeFileSync(file, bytes);
  execFileSync('exiftool', ['-q', '-q', '-overwrite_original', ...args, file]);
  return readFileSync(file);
}

/** Every tag exiftool finds (all groups, duplicates too), as `Group:Tag` → value. */
export function exiftoolRead(bytes: Uint8Array, dir: string): Record<string, unknown> {
  const file = join(dir, `r-${Math.random().toString(36).slice(2)}.bin`);
  writeFileSync(file, bytes);
  const out = execFileSync('exiftool', ['-j', '-G1', '-a', '-u', file], { encoding: 'utf8' });
  return (JSON.parse(out) as Record<string, unknown>[])[0]!;
}

export const CAPTION = 'Lớp học tiếng Mông ở Sìn Hồ';
export const CREATOR = 'Tiến Thành';
export const BODY_SERIAL = 'BODY-4471-SN';
export const LENS_SERIAL = 'LENS-9052-SN';
export const XMP_SERIAL = 'AUX-3318-SN';

/** What a camera phone and a photo desk leave in a photo: GPS, serials in EXIF and XMP, a caption and a creator. */
export const PRIVATE_AND_CAPTION = [
  '-GPSLatitude=22.3964',
  '-GPSLatitudeRef=N',
  '-GPSLongitude=103.4582',
  '-GPSLongitudeRef=E',
  '-GPSAltitude=812',
  `-ExifIFD:SerialNumber=${BODY_SERIAL}`,
  `-ExifIFD:LensSerialNumber=${LENS_SERIAL}`,
  '-XMP-exif:GPSLatitude=22.3964',
  '-XMP-exif:GPSLongitude=103.4582',
  `-XMP-aux:SerialNumber=${XMP_SERIAL}`,
  `-XMP-dc:Description=${CAPTION}`,
  `-XMP-dc:Creator=${CREATOR}`,
  '-IFD0:ImageDescription=SONY DSC',
];

/** Tag names that locate the photo or identify the camera. */
export const PRIVATE_TAG = /GPS|Serial/i;
export const privateTags = (tags: Record<string, unknown>): string[] => Object.keys(tags).filter((k) => PRIVATE_TAG.test(k));

/** True when any of the private values appears anywhere in the bytes (in any block, compressed or not). */
export const holdsPrivateBytes = (bytes: Uint8Array): boolean => {
  const text = Buffer.from(bytes).toString('latin1');
  return [BODY_SERIAL, LENS_SERIAL, XMP_SERIAL, '22.3964', '103.4582', '22,23.784'].some((s) => text.includes(s));
};

/**
 * A 64 × 48 HEVC-coded HEIC, as iPhones write, made with libheif's `heif-enc` (x265
 * encoder). The image library bundled with the app has no HEVC decoder.
 */
export const HEVC_HEIC: Buffer = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'photos', 'plain-hevc.heic'));

/** The EXIF block (TIFF bytes after `Exif\0\0`) of a JPEG's APP1 segment. */
export function jpegExifBlock(jpeg: Buffer): Buffer {
  const at = jpeg.indexOf('Exif\0\0', 0, 'latin1');
  if (at < 0) throw new Error('no EXIF in this JPEG');
  const length = jpeg.readUInt16BE(at - 2);
  return jpeg.subarray(at, at - 2 + length);
}

/** A PNG text chunk as ImageMagick writes a kept EXIF profile: zTXt "Raw profile type exif", hex in 72-character lines. */
export function rawProfileChunk(exifWithHeader: Buffer): { type: string; data: Buffer } {
  const hex = exifWithHeader.toString('hex').match(/.{1,72}/g)!.join('\n');
  const text = `\nexif\n${String(exifWithHeader.length).padStart(8)}\n${hex}\n`;
  return { type: 'zTXt', data: Buffer.concat([Buffer.from('Raw profile type exif\0\0', 'latin1'), deflateSync(Buffer.from(text, 'latin1'))]) };
}
