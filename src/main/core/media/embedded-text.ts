import { decodeHTML } from 'entities';

/**
 * Text a camera or photo tool wrote into a file is not always text a reader should see:
 * tools escape `&` twice ("Art &amp;amp; Design" in the XML, which exifr does not
 * unescape), and cameras stamp a fixed description on every frame.
 */

/** Escaping rarely nests deeper than twice (XML over an HTML-escaped value); stop there. */
const MAX_DECODE_PASSES = 3;

/** Decode XML/HTML character references, named and numeric, until the text stops changing. */
export function decodeEntities(text: string): string {
  let current = text;
  for (let pass = 0; pass < MAX_DECODE_PASSES && current.includes('&'); pass++) {
    const next = decodeHTML(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * Descriptions cameras and phones write on every frame. Compared after trimming, with
 * runs of spaces squashed and case ignored.
 */
const CAMERA_DEFAULTS = new Set(
  [
    'OLYMPUS DIGITAL CAMERA',
    'SONY DSC',
    'DCIM',
    'default',
    'KONICA MINOLTA DIGITAL CAMERA',
    'MINOLTA DIGITAL CAMERA',
    'DIGITAL CAMERA',
    'Exif_JPEG_PICTURE',
    'SAMSUNG DIGITAL CAMERA',
    'LEICA DIGITAL CAMERA',
  ].map((s) => s.toLowerCase()),
);

/** True for a blank description or one a camera writes by itself (never a caption). */
export function isCameraDefault(text: string): boolean {
  const squashed = text.replace(/\s+/g, ' ').trim().toLowerCase();
  return squashed === '' || CAMERA_DEFAULTS.has(squashed);
}
