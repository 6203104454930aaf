import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { extractMetadata } from '../../src/main/core/media/metadata';
import { readPngChunks, writePng } from '../../src/main/core/media/containers';
import { stripPrivateMetadata } from '../../src/main/core/media/strip';
import { decodeEntities, isCameraDefault } from '../../src/main/core/media/embedded-text';
import { BODY_SERIAL, CAPTION, CREATOR, HEVC_HEIC, LENS_SERIAL, PHOTO_FORMATS, PRIVATE_AND_CAPTION, XMP_SERIAL, exiftoolWrite, holdsPrivateBytes, jpegExifBlock, plainPhoto, rawProfileChunk, type PhotoFormat } from '../support/photo-formats';
import { tempDir } from '../support/temp';

/** Caption, credit, GPS and serial numbers are read from every accepted format, not only JPEG. */

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('newsroom-meta-')));
afterEach(() => cleanup());

const tagged = async (format: PhotoFormat, args: string[]) => exiftoolWrite(await plainPhoto(format), format, dir, args);

describe('reading metadata in every format', () => {
  for (const format of PHOTO_FORMATS) {
    it(`reads caption, creator, GPS, body, lens and XMP serial numbers from ${format.toUpperCase()}`, async () => {
      const meta = await extractMetadata(await tagged(format, PRIVATE_AND_CAPTION));
      expect(meta.description.caption).toBe(CAPTION);
      expect(meta.description.creator).toBe(CREATOR);
      expect(meta.private.location?.latitude).toBeCloseTo(22.3964, 3);
      expect(meta.private.location?.longitude).toBeCloseTo(103.4582, 3);
      expect(Object.values(meta.private.serialNumbers ?? {})).toEqual(expect.arrayContaining([BODY_SERIAL, LENS_SERIAL, XMP_SERIAL]));
    });
  }

  it('reads the Exif item and XMP of an iPhone-style HEVC HEIC', async () => {
    const meta = await extractMetadata(exiftoolWrite(HEVC_HEIC, 'heic', dir, PRIVATE_AND_CAPTION));
    expect(meta.description.caption).toBe(CAPTION);
    expect(meta.private.location?.latitude).toBeCloseTo(22.3964, 3);
    expect(Object.values(meta.private.serialNumbers ?? {})).toContain(BODY_SERIAL);
  });

  it('reads a WebP whose only metadata is its EXIF chunk (caption and artist in IFD0)', async () => {
    const meta = await extractMetadata(await tagged('webp', [`-IFD0:ImageDescription=${CAPTION}`, `-IFD0:Artist=${CREATOR}`, '-GPSLatitude=10.5', '-GPSLatitudeRef=S', '-GPSLongitude=106.7', '-GPSLongitudeRef=E']));
    expect(meta.description.caption).toBe(CAPTION);
    expect(meta.description.creator).toBe(CREATOR);
    expect(meta.private.location?.latitude).toBeCloseTo(-10.5, 3);
  });

  it('reads GPS and serials from the hex EXIF profile ImageMagick leaves in a PNG text chunk', async () => {
    const exif = jpegExifBlock(await tagged('jpeg', PRIVATE_AND_CAPTION.filter((a) => !a.startsWith('-XMP'))));
    const chunks = readPngChunks(await plainPhoto('png'));
    const png = writePng([...chunks.slice(0, -1), rawProfileChunk(exif), chunks.at(-1)!]);
    const meta = await extractMetadata(png);
    expect(meta.private.location?.latitude).toBeCloseTo(22.3964, 3);
    expect(Object.values(meta.private.serialNumbers ?? {})).toEqual(expect.arrayContaining([BODY_SERIAL, LENS_SERIAL]));
    // The handoff strip drops the chunk whole.
    const stripped = (await stripPrivateMetadata(png, 'png'))!;
    expect((await extractMetadata(stripped)).private).toEqual({});
    expect(readPngChunks(Buffer.from(stripped)).map((c) => c.type)).not.toContain('zTXt');
  });

  it('reads GPS and serials from a PNG whose XMP chunk is compressed, and strips them', async () => {
    const xml = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:aux="http://ns.adobe.com/exif/1.0/aux/" xmlns:dc="http://purl.org/dc/elements/1.1/" exif:GPSLatitude="22,23.784N" exif:GPSLongitude="103,27.492E"><aux:SerialNumber>${XMP_SERIAL}</aux:SerialNumber><dc:description><rdf:Alt><rdf:li xml:lang="x-default">${CAPTION}</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta>`;
    const itxt = { type: 'iTXt', data: Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\x01\0\0\0', 'latin1'), deflateSync(Buffer.from(xml, 'utf8'))]) };
    const chunks = readPngChunks(await plainPhoto('png'));
    const png = writePng([chunks[0]!, itxt, ...chunks.slice(1)]);
    const meta = await extractMetadata(png);
    expect(meta.description.caption).toBe(CAPTION);
    expect(meta.private.location?.latitude).toBeCloseTo(22.3964, 3);
    expect(Object.values(meta.private.serialNumbers ?? {})).toContain(XMP_SERIAL);
    const stripped = (await stripPrivateMetadata(png, 'png'))!;
    expect(holdsPrivateBytes(stripped)).toBe(false);
    expect(await extractMetadata(stripped)).toMatchObject({ private: {}, description: { caption: CAPTION } });
  });

  it('finds GPS written only in XMP (as a photo desk tool writes it)', async () => {
    const meta = await extractMetadata(await tagged('webp', ['-XMP-exif:GPSLatitude=21.0285', '-XMP-exif:GPSLatitudeRef=N', '-XMP-exif:GPSLongitude=105.8542', '-XMP-exif:GPSLongitudeRef=E']));
    expect(meta.private.location?.latitude).toBeCloseTo(21.0285, 3);
    expect(meta.private.location?.longitude).toBeCloseTo(105.8542, 3);
  });

  it('reads nothing, and fails nothing, from a damaged EXIF chunk', async () => {
    const webp = await tagged('webp', [`-XMP-dc:Description=${CAPTION}`, '-ExifIFD:SerialNumber=X1']);
    const at = webp.indexOf('EXIF', 12, 'latin1');
    const broken = Buffer.from(webp);
    broken.fill(0xee, at + 8, at + 24); // the TIFF header of the chunk
    const meta = await extractMetadata(broken);
    expect(meta.description.caption).toBe(CAPTION);
  });
});

describe('embedded photo text', () => {
  it('decodes XML and HTML entities in XMP and IPTC, numeric ones too', async () => {
    // exiftool stores "&amp;" as "&amp;amp;" in the XML: the value a desk tool double-escaped.
    const jpeg = await tagged('jpeg', ['-XMP-dc:Description=Art &amp; Design', '-XMP-dc:Creator=Nguy&#7877;n V&#x103;n A', '-IPTC:Headline=Caf&eacute; &quot;S&agrave;i G&ograve;n&quot;', '-codedcharacterset=utf8']);
    const meta = await extractMetadata(jpeg);
    expect(meta.description.caption).toBe('Art & Design');
    expect(meta.description.creator).toBe('Nguyễn Văn A');
    expect(meta.description.headline).toBe('Café "Sài Gòn"');
  });

  it('never takes a camera default description for a caption, in any format', async () => {
    for (const [format, text] of [['jpeg', 'OLYMPUS DIGITAL CAMERA'], ['webp', 'SONY DSC'], ['png', 'Exif_JPEG_PICTURE'], ['avif', 'KONICA MINOLTA DIGITAL CAMERA']] as const) {
      const meta = await extractMetadata(await tagged(format, [`-IFD0:ImageDescription=${text}`]));
      expect(meta.description.caption, `${format}: ${text}`).toBe('');
    }
  });

  it('skips a camera default to the real caption behind it', async () => {
    const meta = await extractMetadata(await tagged('jpeg', ['-XMP-dc:Description=DIGITAL CAMERA', `-IPTC:Caption-Abstract=${CAPTION}`, '-codedcharacterset=utf8', '-IFD0:ImageDescription=default']));
    expect(meta.description.caption).toBe(CAPTION);
  });

  it('knows the defaults cameras write, whatever their case and spacing', () => {
    for (const text of ['OLYMPUS DIGITAL CAMERA', 'SONY DSC', 'DCIM', 'default', 'Default', 'KONICA MINOLTA DIGITAL CAMERA', 'DIGITAL CAMERA', 'Exif_JPEG_PICTURE', '', '   ', ' sony  dsc ']) {
      expect(isCameraDefault(text), JSON.stringify(text)).toBe(true);
    }
    for (const text of ['Sony DSC-RX100 tại Hà Nội', 'Default settings kept the jury out', 'Ảnh: DCIM']) expect(isCameraDefault(text)).toBe(false);
  });

  it('decodes nested escaping but leaves a bare ampersand alone', () => {
    expect(decodeEntities('Art &amp;amp; Design')).toBe('Art & Design');
    expect(decodeEntities('&#272;&#7855;k L&#x1EAF;k')).toBe('Đắk Lắk');
    expect(decodeEntities('Tom & Jerry')).toBe('Tom & Jerry');
  });
});
