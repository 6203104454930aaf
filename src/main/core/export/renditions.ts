import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { embedExif } from '../media/embed-exif';

/** Widths the website's `srcset` offers. Never upscaled: narrower originals stop at their own width. */
export const RENDITION_WIDTHS = [480, 960, 1600] as const;
const MAX_RENDITION_WIDTH = 1600;
export type RenditionFormat = 'jpeg' | 'webp';
export const RENDITION_FORMATS: readonly RenditionFormat[] = ['jpeg', 'webp'];

/**
 * Bump when the encoding recipe changes (quality, formats, metadata) so cached
 * renditions made by an older recipe are not reused.
 */
const RECIPE = 'r2:jpeg-q82-mozjpeg:webp-q80:fresh-exif';

export interface Rendition {
  width: number;
  height: number;
  format: RenditionFormat;
  /** Path inside the bundle, `images/<content hash>-<width>.<ext>`: a changed image gets a new name. */
  path: string;
  bytes: Buffer;
  sha256: string;
}

export interface EncodedImage {
  width: number;
  height: number;
  format: RenditionFormat;
  bytes: Buffer;
}

/** Where encoded renditions are kept between exports, keyed by original + recipe + width + format. */
export interface RenditionCache {
  get(key: string): EncodedImage | undefined;
  put(key: string, image: EncodedImage): void;
}

export class MemoryRenditionCache implements RenditionCache {
  private readonly map = new Map<string, EncodedImage>();
  get(key: string) {
    return this.map.get(key);
  }
  put(key: string, image: EncodedImage) {
    this.map.set(key, image);
  }
}

export interface RenditionOptions {
  /** Written as EXIF Copyright/Artist (UTF-8, in a fresh block) when set; otherwise renditions carry no metadata. */
  embeddedCredit?: string;
  cache?: RenditionCache;
  /** Counts encodes that actually ran sharp (for tests and the bench). */
  onEncode?: () => void;
}

export interface RenditionSet {
  /** Size of the upright original. */
  width: number;
  height: number;
  renditions: Rendition[];
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** The widths to make for an original `width` px wide. */
export function renditionWidths(width: number): number[] {
  const widths: number[] = RENDITION_WIDTHS.filter((w) => w <= width);
  if (width < MAX_RENDITION_WIDTH && !widths.includes(width)) widths.push(width);
  return widths;
}

/** Size of the image as displayed (EXIF orientations 5–8 swap width and height). */
export async function uprightSize(original: Buffer): Promise<{ width: number; height: number }> {
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await sharp(original).metadata();
  } catch {
    throw new Error('the photo is not an image sharp can read');
  }
  if (!meta.width || !meta.height) throw new Error('the photo has no size');
  const swap = (meta.orientation ?? 1) >= 5;
  return swap ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
}

async function encode(original: Buffer, width: number, format: RenditionFormat, credit: string | undefined): Promise<EncodedImage> {
  // rotate() applies the EXIF orientation; sharp drops every other piece of metadata
  // (EXIF, GPS, XMP, IPTC, ICC after converting to sRGB) unless told to keep it.
  let pipeline = sharp(original).rotate().resize({ width, withoutEnlargement: true });
  pipeline = format === 'jpeg' ? pipeline.jpeg({ quality: 82, mozjpeg: true }) : pipeline.webp({ quality: 80, effort: 4 });
  const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
  // The credit goes into a fresh EXIF block: nothing of the original's (its thumbnail least of all).
  const bytes = credit ? embedExif(data, format, { artist: credit, copyright: credit }, info) : data;
  return { width: info.width, height: info.height, format, bytes };
}

/**
 * Every rendition of one photo, reusing cached encodes: re-exporting an unchanged
 * photo never runs sharp again. Output order is stable (width, then JPEG before WebP).
 */
export async function makeRenditions(original: Buffer, options: RenditionOptions = {}): Promise<RenditionSet> {
  const { width, height } = await uprightSize(original);
  const originalHash = sha256(original);
  const credit = options.embeddedCredit?.trim() || undefined;
  const jobs = renditionWidths(width).flatMap((w) => RENDITION_FORMATS.map((format) => ({ w, format })));
  const encoded = await Promise.all(
    jobs.map(async ({ w, format }) => {
      const key = sha256(`${RECIPE}\n${originalHash}\n${w}\n${format}\n${credit ?? ''}`);
      const cached = options.cache?.get(key);
      if (cached) return cached;
      options.onEncode?.();
      const image = await encode(original, w, format, credit);
      options.cache?.put(key, image);
      return image;
    }),
  );
  const renditions = encoded.map((image) => {
    const hash = sha256(image.bytes);
    const ext = image.format === 'jpeg' ? 'jpg' : 'webp';
    return { ...image, sha256: hash, path: `images/${hash.slice(0, 20)}-${image.width}.${ext}` };
  });
  return { width, height, renditions };
}
