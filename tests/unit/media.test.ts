import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Core } from '../../src/main/core/core';
import { importMediaBytes, importMediaFile } from '../../src/main/core/media/import';
import { readMedia } from '../../src/main/core/media/read';
import { exportRendition, handoffMetadata } from '../../src/main/core/media/rendition';
import { MediaRejectedError } from '../../src/main/core/media/errors';
import { previewEdge } from '../../src/main/core/media/images';
import { creditFromDescription, formatByteSize, isTooSmallForWeb, MAX_MEDIA_BYTES } from '../../src/shared/media';
import { storeFixture, type StoreFixture } from '../support/store-fixture';
import {
  makeJpeg,
  makePng,
  pngBomb,
  PDF_RENAMED,
  polyglotJpegHtml,
  polyglotJpegPdf,
  readTags,
  SVG_WITH_SCRIPT,
  withMetadata,
} from '../support/photos';

const CAPTION_NFC = 'Một giờ học tiếng Mông của cán bộ, công chức, viên chức trong tỉnh';
const CAPTION_NFD = CAPTION_NFC.normalize('NFD');

let fx: StoreFixture;
let dir: string;
let core: Core;

beforeEach(() => ({ core, dir } = fx = storeFixture('newsroom-media-')));
afterEach(() => fx.cleanup());

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const mediaRows = () => (core.db.prepare('SELECT count(*) AS n FROM media').get() as { n: number }).n;

describe('importing a photo', () => {
  it('stores the original untouched, beside the database, named by its SHA-256', async () => {
    const jpeg = await makeJpeg();
    const { media, duplicate } = await importMediaBytes(core.media, jpeg, 'anh-1.jpg');
    expect(duplicate).toBe(false);
    expect(media.id).toMatch(/^[0-9a-f]{64}$/);
    expect(core.media.dir).toBe(join(dir, 'newsroom.db-media'));
    const stored = await core.media.readOriginal(media.id);
    expect(stored?.equals(jpeg)).toBe(true);
    expect(media).toMatchObject({ format: 'jpeg', mimeType: 'image/jpeg', width: 2400, height: 1600, byteSize: jpeg.length, fileName: 'anh-1.jpg' });
  });

  it('deduplicates: the same bytes twice give one row and one file', async () => {
    const jpeg = await makeJpeg();
    const first = await importMediaBytes(core.media, jpeg, 'a.jpg');
    const second = await importMediaBytes(core.media, jpeg, 'copy-of-a.jpg');
    expect(second.duplicate).toBe(true);
    expect(second.media.id).toBe(first.media.id);
    expect(mediaRows()).toBe(1);
    expect(filesUnder(join(core.media.dir, 'originals'))).toHaveLength(1);
  });

  it('prefills caption and credit from IPTC/XMP, normalising NFD Vietnamese to NFC', async () => {
    const jpeg = withMetadata(await makeJpeg(), dir, {
      caption: CAPTION_NFD,
      byline: 'Tiến Thành'.normalize('NFD'),
      credit: 'Báo Lai Châu',
      copyright: '© Báo Lai Châu 2016',
      headline: 'Lớp học tiếng Mông',
      title: 'tieng-mong-01',
    });
    const { media, prefill } = await importMediaBytes(core.media, jpeg, 'tieng-mong.jpg');
    expect(media.description).toEqual({
      caption: CAPTION_NFC,
      creator: 'Tiến Thành',
      creditLine: 'Báo Lai Châu',
      copyright: '© Báo Lai Châu 2016',
      headline: 'Lớp học tiếng Mông',
      title: 'tieng-mong-01',
    });
    expect(media.description.caption.normalize('NFC')).toBe(media.description.caption);
    expect(prefill).toEqual({ caption: CAPTION_NFC, credit: 'Ảnh: Tiến Thành/Báo Lai Châu', alt: '' });
  });

  it('reads UTF-8 IPTC IIM when the file has no XMP', async () => {
    const jpeg = withMetadata(await makeJpeg(), dir, { caption: CAPTION_NFD, byline: 'Tiến Thành', iimOnly: true });
    const { prefill } = await importMediaBytes(core.media, jpeg, 'iim.jpg');
    expect(prefill.caption).toBe(CAPTION_NFC);
    expect(prefill.credit).toBe('Ảnh: Tiến Thành');
  });

  it('keeps GPS and serial numbers only in local metadata', async () => {
    const jpeg = withMetadata(await makeJpeg(), dir, { caption: 'x', gps: { lat: 22.39, lon: 103.45 }, serial: 'BODY-12345', lensSerial: 'LENS-777' });
    const { media } = await importMediaBytes(core.media, jpeg, 'gps.jpg');
    expect(media.hasLocation).toBe(true);
    expect(media.hasSerialNumber).toBe(true);
    expect(JSON.stringify(media)).not.toMatch(/22\.39|103\.45|BODY-12345|LENS-777/);
    const local = core.media.privateMetadata(media.id)!;
    expect(local.location?.latitude).toBeCloseTo(22.39, 2);
    expect(Object.values(local.serialNumbers ?? {})).toEqual(expect.arrayContaining(['BODY-12345', 'LENS-777']));
    // The API never hands them out either.
    const viaApi = await core.call('getMedia', { id: media.id });
    expect(JSON.stringify(viaApi)).not.toMatch(/22\.39|BODY-12345/);
  });

  it('reports the displayed size of a rotated photo (EXIF orientation 6)', async () => {
    const jpeg = withMetadata(await makeJpeg({ width: 3000, height: 2000 }), dir, { orientation: 6 });
    const { media } = await importMediaBytes(core.media, jpeg, 'portrait.jpg');
    expect([media.width, media.height]).toEqual([2000, 3000]);
    const preview = await readMedia(core, media.id, 'preview');
    const meta = await sharp(preview!.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([1067, 1600]);
  });

  it('accepts PNG (with transparency) and WebP', async () => {
    const png = await importMediaBytes(core.media, await makePng({ alpha: true }), 'logo.png');
    expect(png.media.format).toBe('png');
    expect((await readMedia(core, png.media.id, 'preview'))!.mimeType).toBe('image/webp');
    const webpBytes = await sharp({ create: { width: 1300, height: 900, channels: 3, background: '#123' } }).webp().toBuffer();
    const webp = await importMediaBytes(core.media, webpBytes, 'a.webp');
    expect(webp.media).toMatchObject({ format: 'webp', mimeType: 'image/webp', width: 1300, height: 900 });
  });

  it('imports a file by path, as the Electron dialog does', async () => {
    const jpeg = withMetadata(await makeJpeg(), dir, { caption: 'Từ hộp thoại' });
    const path = join(dir, 'from-dialog.jpg');
    (await import('node:fs')).writeFileSync(path, jpeg);
    const { media, prefill } = await importMediaFile(core, path);
    expect(media.fileName).toBe('from-dialog.jpg');
    expect(prefill.caption).toBe('Từ hộp thoại');
    await expect(importMediaFile(core, join(dir, 'missing.jpg'))).rejects.toThrow(/missing\.jpg.*cannot be read/);
  });
});

describe('previews', () => {
  it('are at most 1600 px on the long edge, carry no metadata, and are made once', async () => {
    const jpeg = withMetadata(await makeJpeg({ width: 4000, height: 3000 }), dir, { gps: { lat: 22.39, lon: 103.45 }, serial: 'BODY-12345' });
    const { media } = await importMediaBytes(core.media, jpeg, 'big.jpg');
    const first = await readMedia(core, media.id, 'preview');
    expect(first?.mimeType).toBe('image/jpeg');
    const meta = await sharp(first!.bytes).metadata();
    expect(Math.max(meta.width, meta.height)).toBe(1600);
    const tags = JSON.stringify(readTags(Buffer.from(first!.bytes), dir));
    expect(tags).not.toMatch(/GPS|BODY-12345|SerialNumber/);

    const previewFile = filesUnder(join(core.media.dir, 'previews'))[0]!;
    const mtime = statSync(previewFile).mtimeMs;
    await readMedia(core, media.id, 'preview');
    expect(statSync(previewFile).mtimeMs).toBe(mtime);

    // A lost cache file is rebuilt on the next read.
    rmSync(previewFile);
    const rebuilt = await readMedia(core, media.id, 'preview');
    expect(rebuilt?.bytes.length).toBeGreaterThan(0);
    expect(existsSync(previewFile)).toBe(true);
  });

  it('never enlarges a small photo', async () => {
    const { media } = await importMediaBytes(core.media, await makeJpeg({ width: 800, height: 600 }), 'small.jpg');
    const meta = await sharp((await readMedia(core, media.id, 'preview'))!.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([800, 600]);
    expect(isTooSmallForWeb(media.width, media.height)).toBe(true);
  });

  it('refuses unknown ids and variants', async () => {
    const { media } = await importMediaBytes(core.media, await makeJpeg(), 'a.jpg');
    expect(await readMedia(core, media.id, 'thumbnail')).toBeNull();
    expect(await readMedia(core, '0'.repeat(64), 'preview')).toBeNull();
    expect(await readMedia(core, '../../etc/passwd', 'original')).toBeNull();
    expect((await readMedia(core, media.id, 'original'))?.mimeType).toBe('image/jpeg');
  });
});

describe('hostile and broken files', () => {
  const cases: [string, () => Promise<Buffer> | Buffer, RegExp][] = [
    ['zero bytes', () => Buffer.alloc(0), /empty \(0 bytes\)/],
    ['an SVG with a script', () => SVG_WITH_SCRIPT, /SVG drawing/],
    ['a renamed PDF', () => PDF_RENAMED, /PDF document/],
    ['a JPEG/HTML polyglot', polyglotJpegHtml, /hides a (web page|script) inside the image/],
    ['a JPEG/PDF polyglot', polyglotJpegPdf, /also a PDF document/],
    ['a truncated JPEG', async () => {
      const full = await makeJpeg({ width: 2000, height: 1500, noise: true });
      return full.subarray(0, Math.floor(full.length * 0.6));
    }, /truncated/],
    ['a 30000×30000 PNG header (decompression bomb)', () => pngBomb(), /30000 × 30000 pixels \(900 megapixels\); the limit is 100 megapixels/],
    ['a GIF', async () => sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).gif().toBuffer(), /GIF images are not accepted/],
    ['random bytes', () => Buffer.from('just some text, not a picture'), /not a JPEG, PNG, WebP, AVIF or HEIC photo/],
    ['JPEG magic followed by garbage', () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]), /cannot be read|damaged|truncated/],
    ['an undecodable HEIC', () => Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(500, 1)]), /HEIC|header cannot be read/],
  ];

  for (const [name, make, message] of cases) {
    it(`refuses ${name} with a clear message and leaves nothing behind`, async () => {
      const bytes = await make();
      const attempt = importMediaBytes(core.media, bytes, 'suspect.jpg');
      await expect(attempt).rejects.toBeInstanceOf(MediaRejectedError);
      await expect(importMediaBytes(core.media, bytes, 'suspect.jpg')).rejects.toThrow(message);
      await expect(importMediaBytes(core.media, bytes, 'suspect.jpg')).rejects.toThrow(/^“suspect\.jpg” was not added: /);
      expect(mediaRows()).toBe(0);
      expect(filesUnder(core.media.dir)).toEqual([]);
    });
  }

  it('refuses files over the size limit before reading them', async () => {
    const big = join(dir, 'huge.jpg');
    const { openSync, ftruncateSync, closeSync } = await import('node:fs');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, MAX_MEDIA_BYTES + 1);
    closeSync(fd);
    await expect(importMediaFile(core, big)).rejects.toThrow(/larger than the 100 MB limit/);
  });

  it('reports refusals through the API as invalid_input, never as an internal error', async () => {
    const result = await core.call('importMedia', { fileName: 'x.svg', data: new Uint8Array(SVG_WITH_SCRIPT) });
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^“x\.svg” was not added: it is an SVG drawing/) } });
  });
});

describe('leaving the machine', () => {
  it('renditions are re-encoded without GPS, serial numbers or any IPTC/XMP', async () => {
    const jpeg = withMetadata(await makeJpeg({ width: 3000, height: 2000 }), dir, {
      caption: 'x',
      gps: { lat: 22.39, lon: 103.45 },
      serial: 'BODY-12345',
      lensSerial: 'LENS-777',
    });
    const { media } = await importMediaBytes(core.media, jpeg, 'gps.jpg');
    const rendition = await exportRendition(core, media.id, { longEdge: 2048 });
    const tags = JSON.stringify(readTags(rendition!.bytes, dir));
    expect(tags).not.toMatch(/GPS|BODY-12345|LENS-777|SerialNumber/);
    const meta = await sharp(rendition!.bytes).metadata();
    expect(meta.width).toBe(2048);
  });

  it('handoff metadata leaves location and serials out unless the desk opts in', async () => {
    const jpeg = withMetadata(await makeJpeg(), dir, { caption: 'Chú thích', gps: { lat: 22.39, lon: 103.45 }, serial: 'BODY-12345' });
    const { media } = await importMediaBytes(core.media, jpeg, 'gps.jpg');
    const plain = handoffMetadata(core, media.id)!;
    expect(plain.private).toBeUndefined();
    expect(JSON.stringify(plain)).not.toMatch(/22\.39|BODY-12345/);
    const optedIn = handoffMetadata(core, media.id, { includePrivate: true })!;
    expect(optedIn.private?.location?.latitude).toBeCloseTo(22.39, 2);
  });
});

describe('API: media and the lead image', () => {
  it('getMedia returns the stored facts; unknown ids are not_found', async () => {
    const imported = await core.call('importMedia', { fileName: 'a.jpg', data: new Uint8Array(await makeJpeg()) });
    expect(imported.ok).toBe(true);
    const id = (imported as { value: { media: { id: string } } }).value.media.id;
    const got = await core.call('getMedia', { id });
    expect(got).toMatchObject({ ok: true, value: { id, width: 2400 } });
    expect(await core.call('getMedia', { id: 'f'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await core.call('getMedia', { id: '../x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('importMedia over JSON explains where uploads go', async () => {
    const result = await core.call('importMedia', { fileName: 'a.jpg', data: 'not bytes' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/POST \/upload/) } });
  });

  it('setFeaturedImage records the lead image without a new revision', async () => {
    const article = core.articles.create({});
    const { media } = await importMediaBytes(core.media, await makeJpeg(), 'lead.jpg');
    expect(core.articles.get(article.meta.id).meta.featuredMediaId).toBeNull();
    const set = await core.call('setFeaturedImage', { id: article.meta.id, mediaId: media.id });
    expect(set).toEqual({ ok: true, value: { id: article.meta.id, featuredMediaId: media.id } });
    const after = core.articles.get(article.meta.id);
    expect(after.meta.featuredMediaId).toBe(media.id);
    expect(after.revision).toBe(article.revision);
    // An autosave with the old base revision still succeeds and keeps the choice.
    core.articles.save({ id: article.meta.id, baseRevision: article.revision, meta: { section: 'Xã hội' } });
    expect(core.articles.get(article.meta.id).meta.featuredMediaId).toBe(media.id);
    await core.call('setFeaturedImage', { id: article.meta.id, mediaId: null });
    expect(core.articles.get(article.meta.id).meta.featuredMediaId).toBeNull();
  });

  it('setFeaturedImage refuses unknown photos and articles', async () => {
    const article = core.articles.create({});
    expect(await core.call('setFeaturedImage', { id: article.meta.id, mediaId: 'a'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const { media } = await importMediaBytes(core.media, await makeJpeg(), 'lead.jpg');
    expect(await core.call('setFeaturedImage', { id: '00000000-0000-4000-8000-000000000000', mediaId: media.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('shared helpers', () => {
  it('decodes large JPEGs at a reduced scale for the preview, never above 1600 px nor below 1200 px', () => {
    expect(previewEdge('jpeg', 6000, 24_000_000)).toBe(1500);
    expect(previewEdge('jpeg', 8000, 48_000_000)).toBe(1600);
    expect(previewEdge('jpeg', 12_000, 96_000_000)).toBe(1500);
    expect(previewEdge('jpeg', 4000, 12_000_000)).toBe(1600);
    expect(previewEdge('png', 6000, 24_000_000)).toBe(1600);
  });

  it('builds the credit line the way the paper writes it', () => {
    expect(creditFromDescription({ creator: 'Tiến Thành', creditLine: '' })).toBe('Ảnh: Tiến Thành');
    expect(creditFromDescription({ creator: '', creditLine: 'TTXVN' })).toBe('TTXVN');
    expect(creditFromDescription({ creator: 'Tiến Thành', creditLine: 'Báo Lai Châu' })).toBe('Ảnh: Tiến Thành/Báo Lai Châu');
    expect(creditFromDescription({ creator: 'Tiến Thành', creditLine: 'Ảnh: Tiến Thành' })).toBe('Ảnh: Tiến Thành');
    expect(creditFromDescription({ creator: '', creditLine: '' })).toBe('');
  });

  it('formats byte sizes with a decimal comma', () => {
    expect(formatByteSize(512)).toBe('512 B');
    expect(formatByteSize(2_516_582)).toBe('2,4 MB');
    expect(formatByteSize(850_000)).toBe('830 KB');
  });
});
