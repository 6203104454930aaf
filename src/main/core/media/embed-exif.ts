import { readWebpChunks, writeWebp, type Chunk } from './containers';
import { buildExif, EXIF_HEADER, type ExifFields } from './exif-block';

/**
 * Put a fresh EXIF block (see {@link buildExif}) into an image sharp has just encoded
 * without metadata. sharp's own `withExif` starts from the original's EXIF and carries
 * its embedded thumbnail over byte for byte, which can show an uncropped frame; this
 * writes only the given fields. Returns the image unchanged when there is nothing to write.
 */
export function embedExif(image: Buffer, format: 'jpeg' | 'webp', fields: ExifFields, size: { width: number; height: number }): Buffer {
  const exif = buildExif(fields);
  if (!exif) return image;
  return format === 'jpeg' ? embedInJpeg(image, exif) : embedInWebp(image, exif, size);
}

function embedInJpeg(jpeg: Buffer, exif: Buffer): Buffer {
  const payload = Buffer.concat([EXIF_HEADER, exif]);
  const segment = Buffer.concat([Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
  // JFIF wants its APP0 first: put EXIF right after it when there is one.
  const hasJfif = jpeg[2] === 0xff && jpeg[3] === 0xe0;
  const at = hasJfif ? 4 + jpeg.readUInt16BE(4) : 2;
  return Buffer.concat([jpeg.subarray(0, at), segment, jpeg.subarray(at)]);
}

/** A simple WebP (one VP8/VP8L chunk) becomes an extended one, whose VP8X header announces EXIF. */
function embedInWebp(webp: Buffer, exif: Buffer, size: { width: number; height: number }): Buffer {
  const chunks: Chunk[] = readWebpChunks(webp).filter((c) => c.type !== 'EXIF');
  if (chunks[0]?.type !== 'VP8X') {
    const header = Buffer.alloc(10);
    const hasAlpha = chunks.some((c) => c.type === 'ALPH' || (c.type === 'VP8L' && ((c.data[4]! >> 4) & 1) === 1));
    header[0] = hasAlpha ? 0x10 : 0;
    header.writeUIntLE(size.width - 1, 4, 3);
    header.writeUIntLE(size.height - 1, 7, 3);
    chunks.unshift({ type: 'VP8X', data: header });
  }
  chunks.push({ type: 'EXIF', data: exif });
  return writeWebp(chunks);
}
