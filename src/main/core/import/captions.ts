import { countWords } from '../../../shared/text';
import { CAPTION_CUES, CAPTION_SHAPE, CAPTION_WORDING } from './plain-text-rules';

/**
 * Whether a paragraph between two others is a photo caption, decided by the line's
 * own shape rather than by its neighbours' length alone: captions sit between short
 * paragraphs too. `candidate` means "probably a caption": it is placed as one, and
 * the review screen offers to put it back in the body with one click.
 */
export type CaptionVerdict = 'caption' | 'candidate' | 'body';

export interface CaptionContext {
  /** Word counts of the paragraphs before and after; undefined at either end of the body. */
  previousWords: number | undefined;
  nextWords: number | undefined;
  /** The article comes with photos (a story folder): a caption-shaped line is then taken for one. */
  photosPresent: boolean;
}

const sentenceCount = (t: string) => t.split(/(?<=[.!?…])\s+(?=[\p{Lu}“"])/u).length;

/** An explicit cue: `Ảnh:` in front, `(Ảnh: …)` at the end. */
export const hasCaptionCue = (text: string): boolean => CAPTION_CUES.some((re) => re.test(text));

/** Wording photo captions use ("Toàn cảnh…", "(thứ hai từ trái)", a leading or trailing credit). */
export const hasCaptionWording = (text: string): boolean => CAPTION_WORDING.some((re) => re.test(text));

/** One sentence, no quotation, short, not a question or an introduction to what follows. */
export function hasCaptionShape(text: string): boolean {
  const words = countWords(text);
  return words > 0 && words <= CAPTION_SHAPE.maxWords && sentenceCount(text) === 1 && !/[“”"«»]/.test(text) && !/[?!:;,]$/.test(text);
}

export function judgeCaption(text: string, context: CaptionContext): CaptionVerdict {
  if (hasCaptionCue(text)) return 'caption';
  if (!hasCaptionShape(text)) return 'body';
  // Between two paragraphs, and shorter than each: a line at either end of the body is not set off as a caption is.
  const words = countWords(text);
  const { previousWords, nextWords } = context;
  if (previousWords === undefined || nextWords === undefined || words >= previousWords || words >= nextWords) return 'body';
  if (hasCaptionWording(text) || context.photosPresent) return 'caption';
  // Without wording or photos, only a line clearly set off from its neighbours is offered as a caption.
  return words * 2 <= Math.min(previousWords, nextWords) ? 'candidate' : 'body';
}
