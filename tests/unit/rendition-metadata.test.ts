import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { makeRenditions } from '../../src/main/core/export/renditions';
import { exiftoolRead, exiftoolWrite } from '../support/photo-formats';
import { tempDir } from '../support/temp';

/** Exported renditions carry nothing of the original's EXIF: above all not its embedded thumbnail. */

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('newsroom-rendition-')));
afterEach(() => cleanup());

/**
 * A 1200 × 800 green photo whose EXIF thumbnail is a different picture (a magenta
 * frame), as a camera leaves it after the photo was cropped in an editor that did not
 * refresh the thumbnail; plus GPS and a serial number.
 */
async function photoWithStaleThumbnail(): Promise<{ photo: Buffer; thumbnail: Buffer }> {
  const thumbnail = await sharp({ create: { width: 160, height: 120, channels: 3, background: '#f0f', noise: { type: 'gaussian', mean: 128, sigma: 50 } } }).jpeg({ quality: 70 }).toBuffer();
  const thumbFile = join(dir, 'thumb.jpg');
  writeFileSync(thumbFile, thumbnail);
  const main = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2a6' } }).jpeg().toBuffer();
  const photo = exiftoolWrite(main, 'jpeg', dir, [`-ThumbnailImage<=${thumbFile}`, '-IFD0:Artist=Máy ảnh gốc', '-GPSLatitude=22.39', '-GPSLatitudeRef=N', '-ExifIFD:SerialNumber=SN-THUMB-1']);
  expect(exiftoolRead(photo, dir)['IFD1:ThumbnailImage']).toBeTruthy();
  return { photo, thumbnail };
}

/** Bytes from the middle of the thumbnail's compressed picture: present only if it was copied. */
const thumbnailSample = (thumbnail: Buffer) => thumbnail.subarray(thumbnail.length - 120, thumbnail.length - 20);

describe('rendition metadata', () => {
  it('writes the credit into a fresh EXIF block with no thumbnail and no byte of the original one', async () => {
    const { photo, thumbnail } = await photoWithStaleThumbnail();
    expect(photo.includes(thumbnailSample(thumbnail))).toBe(true);
    const { renditions } = await makeRenditions(photo, { embeddedCredit: 'Ảnh: Tiến Thành' });
    expect(renditions.map((r) => r.format)).toContain('webp');
    for (const r of renditions) {
      const label = `${r.format} ${r.width}`;
      const tags = exiftoolRead(r.bytes, dir);
      expect(Object.keys(tags).filter((k) => /^IFD1:|Thumbnail|Preview|GPS|Serial/.test(k)), label).toEqual([]);
      expect(r.bytes.includes(thumbnailSample(thumbnail)), label).toBe(false);
      expect(tags['IFD0:Copyright'], label).toBe('Ảnh: Tiến Thành');
      expect(tags['IFD0:Artist'], label).toBe('Ảnh: Tiến Thành');
      expect(Object.keys(tags).filter((k) => /Warning|Error/.test(k)), label).toEqual([]);
      const decoded = await sharp(r.bytes).metadata();
      expect([decoded.format, decoded.width], label).toEqual([r.format, r.width]);
    }
  });

  it('writes no metadata at all when the profile does not embed the credit', async () => {
    const { photo, thumbnail } = await photoWithStaleThumbnail();
    const { renditions } = await makeRenditions(photo, {});
    for (const r of renditions) {
      expect(Object.keys(exiftoolRead(r.bytes, dir)).filter((k) => /^(IFD0|IFD1|ExifIFD|GPS|XMP-\w+):/.test(k))).toEqual([]);
      expect(r.bytes.includes(thumbnailSample(thumbnail))).toBe(false);
    }
  });
});
