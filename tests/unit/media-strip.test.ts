import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { stripPrivateMetadata } from '../../src/main/core/media/strip';
import { extractMetadata } from '../../src/main/core/media/metadata';
import exifr from 'exifr';
import { readWebpChunks, VP8X_EXIF, VP8X_XMP } from '../../src/main/core/media/containers';
import { findHeifMetadataItems } from '../../src/main/core/media/heif-items';
import { makeJpeg, makePng, readTags, withMetadata } from '../support/photos';
import { CAPTION, CREATOR, HEVC_HEIC, PHOTO_FORMATS, PRIVATE_AND_CAPTION, exiftoolRead, exiftoolWrite, holdsPrivateBytes, plainPhoto, privateTags as privateTagsOf } from '../support/photo-formats';
import { tempDir } from '../support/temp';

/** Removal of GPS and serial numbers from originals that leave the machine, in every accepted format. */

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('newsroom-strip-')));
afterEach(() => cleanup());

const PRIVATE_TAG = /GPS|SerialNumber/;
const privateTags = (tags: Record<string, unknown>) => Object.keys(tags).filter((k) => PRIVATE_TAG.test(k));
const pixels = async (bytes: Uint8Array) => sharp(bytes).raw().toBuffer();

describe('stripPrivateMetadata', () => {
  it('removes GPS and serials from a JPEG, keeping pixels, orientation and the IPTC/XMP caption', async () => {
    const original = withMetadata(await makeJpeg({ width: 1600, height: 1200, noise: true }), dir, {
      caption: 'Một giờ học tiếng Mông',
      byline: 'Tiến Thành',
      gps: { lat: 22.39, lon: 103.45 },
      serial: 'BODY-12345',
      lensSerial: 'LENS-777',
      orientation: 6,
    });
    // XMP copies of the private fields too, as Lightroom writes them.
    const file = join(dir, 'xmp.jpg');
    writeFileSync(file, original);
    execFileSync('exiftool', ['-q', '-overwrite_original', '-XMP-exif:GPSLatitude=22.39', '-XMP-aux:SerialNumber=AUX-999', file]);
    const withXmp = readFileSync(file);
    expect(privateTags(readTags(withXmp, dir)).length).toBeGreaterThan(3);

    const stripped = (await stripPrivateMetadata(withXmp, 'jpeg'))!;
    const tags = readTags(Buffer.from(stripped), dir);
    expect(privateTags(tags)).toEqual([]);
    expect(JSON.stringify(tags)).not.toMatch(/BODY-12345|LENS-777|AUX-999|22\.39/);
    expect(tags['EXIF:Orientation']).toBe('Rotate 90 CW');
    expect(tags['IPTC:Caption-Abstract']).toBe('Một giờ học tiếng Mông');
    expect(tags['XMP:Description']).toBe('Một giờ học tiếng Mông');
    expect((await pixels(stripped)).equals(await pixels(withXmp))).toBe(true);
    const meta = await extractMetadata(stripped);
    expect(meta.private).toEqual({});
    expect(meta.description.creator).toBe('Tiến Thành');
  });

  it('leaves a clean JPEG with orientation 1 without any EXIF', async () => {
    const original = withMetadata(await makeJpeg(), dir, { caption: 'x', serial: 'S-1' });
    const stripped = (await stripPrivateMetadata(original, 'jpeg'))!;
    expect(privateTags(readTags(Buffer.from(stripped), dir))).toEqual([]);
    expect((await pixels(stripped)).equals(await pixels(original))).toBe(true);
  });

  it('removes eXIf and XMP from a PNG, keeping its pixels', async () => {
    const file = join(dir, 'a.png');
    writeFileSync(file, await makePng({ width: 400, height: 300 }));
    execFileSync('exiftool', ['-q', '-overwrite_original', '-XMP-exif:GPSLatitude=22.39', '-EXIF:GPSLatitude=22.39', '-EXIF:GPSLatitudeRef=N', '-EXIF:SerialNumber=PNG-1', file]);
    const original = readFileSync(file);
    expect(privateTags(readTags(original, dir)).length).toBeGreaterThan(0);
    const stripped = (await stripPrivateMetadata(original, 'png'))!;
    expect(privateTags(readTags(Buffer.from(stripped), dir))).toEqual([]);
    expect((await pixels(stripped)).equals(await pixels(original))).toBe(true);
  });

  for (const format of PHOTO_FORMATS) {
    it(`removes every GPS and serial number from ${format.toUpperCase()}, keeping caption, creator and pixels`, async () => {
      const original = exiftoolWrite(await plainPhoto(format), format, dir, PRIVATE_AND_CAPTION);
      expect(privateTagsOf(exiftoolRead(original, dir)).length).toBeGreaterThan(5);
      expect(holdsPrivateBytes(original)).toBe(true);

      const stripped = (await stripPrivateMetadata(original, format === 'avif' ? 'heif' : format))!;
      const tags = exiftoolRead(stripped, dir);
      expect(privateTagsOf(tags)).toEqual([]);
      expect(holdsPrivateBytes(stripped)).toBe(false);
      expect(Object.keys(tags).filter((k) => /Warning|Error/.test(k))).toEqual([]);
      expect(tags['XMP-dc:Description']).toBe(CAPTION);
      // exifr reads no WebP container: hand it the EXIF chunk, as the app does.
      const exifBytes = format === 'webp' ? readWebpChunks(Buffer.from(stripped)).find((c) => c.type === 'EXIF')?.data : Buffer.from(stripped);
      const parsed = (exifBytes && (await exifr.parse(Buffer.from(exifBytes), { gps: true, tiff: true, exif: true, xmp: true }))) || {};
      expect(parsed.latitude).toBeUndefined();
      expect(JSON.stringify(parsed)).not.toMatch(/SerialNumber|GPS/);
      const meta = await extractMetadata(stripped);
      expect(meta.private).toEqual({});
      expect(meta.description).toMatchObject({ caption: CAPTION, creator: CREATOR });

      const [before, after] = [await sharp(original).raw().toBuffer({ resolveWithObject: true }), await sharp(stripped).raw().toBuffer({ resolveWithObject: true })];
      expect([after.info.width, after.info.height]).toEqual([before.info.width, before.info.height]);
      expect(after.data.equals(before.data)).toBe(true); // never re-encoded
    });
  }

  it('strips an iPhone-style HEVC HEIC in place, though this machine cannot decode it: only metadata bytes change', async () => {
    const original = exiftoolWrite(HEVC_HEIC, 'heic', dir, PRIVATE_AND_CAPTION);
    expect(holdsPrivateBytes(original)).toBe(true);
    const stripped = Buffer.from((await stripPrivateMetadata(original, 'heif'))!);
    const tags = exiftoolRead(stripped, dir);
    expect(privateTagsOf(tags)).toEqual([]);
    expect(holdsPrivateBytes(stripped)).toBe(false);
    expect(Object.keys(tags).filter((k) => /Warning|Error/.test(k))).toEqual([]);
    expect(tags['XMP-dc:Description']).toBe(CAPTION);
    expect(stripped.length).toBe(original.length);
    const metadataBytes = new Set(findHeifMetadataItems(original).flatMap((item) => item.extents.flatMap((x) => Array.from({ length: x.length }, (_, i) => x.offset + i))));
    const changedElsewhere = [...stripped.keys()].filter((i) => stripped[i] !== original[i] && !metadataBytes.has(i));
    expect(changedElsewhere).toEqual([]);
  });

  it('re-encodes an AVIF as the last resort, when the fresh EXIF does not fit in the old one’s place', async () => {
    const longCaption = `${CAPTION}. `.repeat(12).trim();
    // A small EXIF item (one serial number) and a long caption: caption, creator and orientation do not fit there.
    const original = exiftoolWrite(await plainPhoto('avif', 64, 48), 'avif', dir, ['-ExifIFD:SerialNumber=S-TINY', `-XMP-dc:Description=${longCaption}`]);
    const stripped = (await stripPrivateMetadata(original, 'heif'))!;
    expect(stripped.length).not.toBe(original.length);
    expect(holdsPrivateBytes(stripped) || Buffer.from(stripped).includes('S-TINY')).toBe(false);
    expect((await extractMetadata(stripped)).description.caption).toBe(longCaption);
    const meta = await sharp(stripped).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['heif', 64, 48]);
  });

  it('keeps a WebP well-formed: RIFF size and VP8X flags match the chunks left', async () => {
    const original = exiftoolWrite(await plainPhoto('webp'), 'webp', dir, ['-ExifIFD:SerialNumber=S-1', '-GPSLatitude=1', '-GPSLatitudeRef=N']);
    const stripped = Buffer.from((await stripPrivateMetadata(original, 'webp'))!);
    expect(stripped.readUInt32LE(4)).toBe(stripped.length - 8);
    const chunks = readWebpChunks(stripped).map((c) => c.type);
    expect(chunks).toEqual(['VP8X', 'VP8 ']); // nothing left to keep: no EXIF chunk at all
    expect(stripped[20]! & (VP8X_EXIF | VP8X_XMP)).toBe(0);
    expect((await sharp(stripped).metadata()).format).toBe('webp');
  });

  it('cuts the pictures a phone appends after a JPEG, with their own EXIF, and keeps a progressive JPEG whole', async () => {
    const main = withMetadata(await sharp({ create: { width: 300, height: 200, channels: 3, background: '#357' } }).jpeg({ progressive: true }).toBuffer(), dir, { caption: 'Chợ phiên', serial: 'MAIN-SN-1' });
    const appended = withMetadata(await makeJpeg({ width: 64, height: 48 }), dir, { serial: 'TRAILING-SN-2', gps: { lat: 22.39, lon: 103.45 } });
    const original = Buffer.concat([main, appended]);
    const stripped = Buffer.from((await stripPrivateMetadata(original, 'jpeg'))!);
    expect(stripped.toString('latin1')).not.toMatch(/MAIN-SN-1|TRAILING-SN-2/);
    expect(stripped.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    expect((await pixels(stripped)).equals(await pixels(main))).toBe(true);
    expect((await extractMetadata(stripped)).description.caption).toBe('Chợ phiên');
  });
});
