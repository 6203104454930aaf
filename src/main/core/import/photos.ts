import { prefillFromDescription } from '../../../shared/media';
import { dropped as drop, warning } from '../../../shared/import-report';
import { foldVietnamese } from '../../../shared/text';
import { extractMetadata } from '../media/metadata';
import { sniffImage } from '../media/sniff';
import { textNodes, type ParsedArticle } from './parsed';

const same = (a: string, b: string) => foldVietnamese(a).replace(/[^\p{L}\p{N}]+/gu, ' ').trim() === foldVietnamese(b).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Check each photo the article carries and fill its figure from the photo's own
 * IPTC/XMP data. The caption written in the text wins; the photo's caption fills
 * an empty one, its credit and alt text fill empty ones, and a photo caption that
 * disagrees with the text's is listed in the report. Photos the media store would
 * refuse are taken out now (the figure stays, awaiting a photo) so the report is
 * exactly what the commit will do.
 */
export async function describePhotos(parsed: ParsedArticle): Promise<ParsedArticle> {
  const figures = parsed.figures.map((f) => ({ ...f }));
  const warnings = [...parsed.warnings];
  const dropped = [...parsed.dropped];
  for (const figure of figures) {
    const image = figure.image;
    if (!image) continue;
    const sniffed = sniffImage(image.bytes);
    if (!sniffed.ok) {
      warnings.push(warning('photo_unusable', { photo: image.name, reason: sniffed.reason }));
      figure.image = null;
      continue;
    }
    let description;
    try {
      description = (await extractMetadata(image.bytes)).description;
    } catch {
      continue; // no readable metadata: the text's caption stands alone
    }
    const prefill = prefillFromDescription(description);
    const textCaption = figure.caption.map((n) => n.textContent).join('');
    if (!textCaption && prefill.caption) figure.caption = textNodes(prefill.caption);
    else if (textCaption && prefill.caption && !same(textCaption, prefill.caption)) {
      dropped.push(drop('photo_caption', prefill.caption, { photo: image.name }));
    }
    if (!figure.credit && prefill.credit) figure.credit = prefill.credit;
    if (!figure.alt) figure.alt = description.headline || description.title || prefill.caption || '';
  }
  return { ...parsed, figures, warnings, dropped };
}
