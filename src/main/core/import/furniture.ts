import { countWords } from '../../../shared/text';
import { parseByline } from './plain-text';
import { FURNITURE_HEADING_MAX_WORDS, FURNITURE_HEADINGS, PROSE, TAG_LINE, TAG_LINE_MAX_WORDS, TRUNCATED_TEASER } from './plain-text-rules';

/**
 * Site furniture in a sequence of paragraphs (a text file's lines, or a web page's
 * or Word file's body paragraphs), recognised by shape: a short heading line that
 * names a furniture block, the short lines under it, and everything after the
 * byline once such a heading follows it. A paragraph of running prose is never
 * furniture, whatever word it begins with, and never makes what follows furniture.
 */

const endsSentence = (t: string) => /[.!?…:;”"»)]$/.test(t);
const sentenceCount = (t: string) => t.split(/(?<=[.!?…])\s+(?=[\p{Lu}“"])/u).length;

/** Running prose: long, or a real sentence. */
export function isRunningProse(text: string): boolean {
  const words = countWords(text);
  if (TRUNCATED_TEASER.test(text)) return false;
  return words >= PROSE.minWords || sentenceCount(text) > 1 || (words >= PROSE.minSentenceWords && endsSentence(text));
}

/** A whole line that heads a furniture block ("Bình luận (2)", "Tin liên quan", "Chia sẻ Facebook Zalo", "Từ khóa: …"). */
export function isFurnitureHeading(text: string): boolean {
  const words = countWords(text);
  const tagLine = TAG_LINE.test(text);
  if (words > (tagLine ? TAG_LINE_MAX_WORDS : FURNITURE_HEADING_MAX_WORDS)) return false;
  if (!tagLine && /[.!?]$/.test(text)) return false;
  return FURNITURE_HEADINGS.some((re) => re.test(text));
}

export type FurnitureKind = 'site_chrome' | 'teaser';

/**
 * For each paragraph, whether it is furniture and which kind (null: article text).
 * After a byline-shaped line, a furniture heading ends the article: it and all that
 * follows are furniture (the seed's comments and related teasers). Elsewhere a
 * heading takes only itself and the short, non-prose lines right under it.
 */
export function findFurniture(texts: string[]): (FurnitureKind | null)[] {
  const kinds: (FurnitureKind | null)[] = texts.map(() => null);
  const kindOf = (text: string): FurnitureKind => (isFurnitureHeading(text) ? 'site_chrome' : 'teaser');
  for (let k = 0; k < texts.length; k++) {
    if (!isFurnitureHeading(texts[k]!)) continue;
    const afterByline = k > 0 && parseByline(texts[k - 1]!) !== null && !isRunningProse(texts[k - 1]!);
    const restIsTeasers = texts.slice(k + 1).every((t) => !isRunningProse(t) || TRUNCATED_TEASER.test(t));
    if (afterByline || restIsTeasers) {
      for (let j = k; j < texts.length; j++) kinds[j] = kindOf(texts[j]!);
      break;
    }
    kinds[k] = 'site_chrome';
    for (let j = k + 1; j < texts.length && !isRunningProse(texts[j]!) && !isFurnitureHeading(texts[j]!); j++) kinds[j] = 'teaser';
  }
  return kinds;
}

