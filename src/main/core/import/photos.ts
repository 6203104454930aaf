import { prefillFromDescription } from '../../../shared/media';
import { dropped as drop, warning } from '../../../shared/import-report';
import { foldVietnamese } from '../../../shared/text';
import type { Node as PMNode } from 'prosemirror-model';
import { checkPhoto } from '../media/check';
import { MediaRejectedError } from '../media/errors';
import { textNodes, type ParsedArticle, type ParsedFigure } from './parsed';

const same = (a: string, b: string) => foldVietnamese(a).replace(/[^\p{L}\p{N}]+/gu, ' ').trim() === foldVietnamese(b).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Check each photo the article carries, exactly as the media store will when the
 * import is committed, and fill its figure from the photo's own IPTC/XMP data. The
 * caption written in the text wins; the photo's caption fills an empty one (and the
 * report says so), its credit
 * and alt text fill empty ones, and a photo caption that disagrees with the text's is
 * listed in the report. A photo the store would refuse is taken out now, so the report
 * is exactly what the commit will do: it names the file with the same sentence an
 * upload gives, and its figure goes too unless the text gave that figure a caption or
 * credit (which then waits for a photo rather than being lost).
 */
export async function describePhotos(parsed: ParsedArticle): Promise<ParsedArticle> {
  const figures: ParsedFigure[] = [];
  const removed = new Set<number>();
  const warnings = [...parsed.warnings];
  const dropped = [...parsed.dropped];
  for (const [index, original] of parsed.figures.entries()) {
    const figure = { ...original };
    const image = figure.image;
    if (!image) {
      figures.push(figure);
      continue;
    }
    let description;
    try {
      const checked = await checkPhoto(image.bytes, image.name);
      figure.image = { ...image, checked };
      description = checked.metadata.description;
    } catch (err) {
      if (!(err instanceof MediaRejectedError)) throw err;
      warnings.push(warning('photo_unusable', { photo: image.name, reason: err.reason }));
      figure.image = null;
      if (!figure.caption.length && !figure.credit.trim()) {
        removed.add(index);
        continue;
      }
      figures.push(figure);
      continue;
    }
    const prefill = prefillFromDescription(description);
    const textCaption = figure.caption.map((n) => n.textContent).join('');
    if (!textCaption && prefill.caption) {
      figure.caption = textNodes(prefill.caption);
      warnings.push(warning('caption_from_photo', { photo: image.name, caption: prefill.caption }));
    }
    else if (textCaption && prefill.caption && !same(textCaption, prefill.caption)) {
      dropped.push(drop('photo_caption', prefill.caption, { photo: image.name }));
    }
    if (!figure.credit && prefill.credit) figure.credit = prefill.credit;
    if (!figure.alt) figure.alt = description.headline || description.title || prefill.caption || '';
    figures.push(figure);
  }
  return { ...parsed, blocks: withoutFigures(parsed.blocks, removed), figures, warnings, dropped };
}

/** The body blocks without the figure placeholders at the given figure positions (in body order). */
function withoutFigures(blocks: PMNode[], removed: Set<number>): PMNode[] {
  if (!removed.size) return blocks;
  let figureIndex = 0;
  return blocks.filter((block) => block.type.name !== 'figure' || !removed.has(figureIndex++));
}
