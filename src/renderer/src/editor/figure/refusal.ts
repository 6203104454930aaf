import type { TFunction } from 'i18next';

/**
 * The core refuses a photo with one English sentence ("“x.jpg” was not added: it is a
 * PDF document, not a photo."), as the CLI and logs need. The editor shows it in the UI
 * language: each known reason maps to a translated string; an unknown one is shown as is.
 */
const REASONS: [RegExp, string][] = [
  [/^the file is empty/, 'empty'],
  [/^the file is larger than the (?<limit>\d+) MB limit/, 'tooLarge'],
  [/^it is a PDF document/, 'pdf'],
  [/^it is an SVG drawing/, 'svg'],
  [/^it is a web page/, 'html'],
  [/^GIF images/, 'gif'],
  [/^BMP images/, 'bmp'],
  [/^TIFF images/, 'tiff'],
  [/^it is a ZIP archive/, 'zip'],
  [/^it is a video/, 'video'],
  [/^it is not a JPEG, PNG, WebP, AVIF or HEIC photo/, 'notPhoto'],
  [/^the file hides a script/, 'hiddenScript'],
  [/^the file hides (a web page|PHP code)/, 'hiddenPage'],
  [/^the file is also a PDF document/, 'polyglotPdf'],
  [/^the file is also a ZIP archive/, 'polyglotZip'],
  [/^the image is (?<width>\d+) × (?<height>\d+) pixels \((?<mp>\d+) megapixels\); the limit is (?<limit>\d+) megapixels/, 'tooManyPixels'],
  [/^the image is larger than (?<limit>\d+) megapixels/, 'tooManyPixelsShort'],
  [/^the image is truncated/, 'truncated'],
  [/^this HEIC\/HEIF photo cannot be decoded/, 'heic'],
  [/^the image is damaged/, 'damaged'],
  [/^the image header cannot be read/, 'badHeader'],
  [/^the file claims to be (?<claimed>\w+) but decodes as (?<actual>\w+)/, 'mismatch'],
  [/^it is not a file/, 'notFile'],
  [/^it cannot be read/, 'unreadable'],
];

/** The translator a refusal sentence needs (i18next's `t` fits). */
export type RefusalTranslate = (key: string, options?: Record<string, unknown>) => string;

export function describeRefusal(message: string, t: RefusalTranslate | TFunction): string {
  const match = /^“(?<name>.*)” was not added: (?<reason>.*?)\.?$/s.exec(message) ?? /^The file was not added: (?<reason>.*?)\.?$/s.exec(message);
  if (!match?.groups) return message;
  const { name, reason = '' } = match.groups;
  for (const [pattern, key] of REASONS) {
    const found = pattern.exec(reason);
    if (found) {
      const text = t(`figure.reasons.${key}`, { ...found.groups });
      return name ? t('figure.refusedNamed', { name, reason: text }) : t('figure.refusedUnnamed', { reason: text });
    }
  }
  return message;
}
