import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { stripPrivateMetadata } from '../../src/main/core/media/strip';
import { extractMetadata } from '../../src/main/core/media/metadata';
import { makeJpeg, makePng, readTags, withMetadata } from '../support/photos';
import { tempDir } from '../support/temp';

/** Lossless removal of GPS and serial numbers from originals that leave the machine. */

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

  it('declines WebP and HEIF, whose containers it does not rewrite', async () => {
    expect(await stripPrivateMetadata(new Uint8Array(10), 'webp')).toBeNull();
    expect(await stripPrivateMetadata(new Uint8Array(10), 'heif')).toBeNull();
  });
});
