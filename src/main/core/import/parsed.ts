import type { Node as PMNode } from 'prosemirror-model';
import type { DecodedPhoto } from '../media/check';
import { schema } from '../../../shared/schema';
import { cleanText, countWords, squashSpaces } from '../../../shared/text';
import { slugify } from '../../../shared/slug';
import type { ArticleMetaPatch } from '../../../shared/article';
import { lossWarning, type ImportFields, type ImportReport } from '../../../shared/import-report';

/** An image that travels with the article: embedded in a .docx or a photo of a story folder. */
export interface ImportImage {
  /** File name (folder photo) or a description such as `image2.jpeg (embedded)`. */
  name: string;
  bytes: Uint8Array;
  contentType: string;
  /** The full check the preview ran on these bytes, so the commit stores the photo without decoding it again. */
  checked?: DecodedPhoto;
}

/** A figure of the article body, in order, with the photo that goes in it (if any yet). */
export interface ParsedFigure {
  caption: PMNode[];
  credit: string;
  alt: string;
  image: ImportImage | null;
  /**
   * The paragraph as it stood in the source, for a caption placed by shape alone:
   * the user may put it back in the body, word for word.
   */
  candidateOf?: PMNode;
}

/**
 * What every format's reader produces: the recognised parts of the article. The
 * body's figures are placeholders (`mediaId` null); `figures` holds their caption,
 * credit, alt and photo in body order and is applied when the article is built.
 */
export interface ParsedArticle {
  fileName: string;
  format: ImportReport['format'];
  encoding: string | null;
  headline: string;
  /** Inline content of the lead (marks kept for .docx and HTML). */
  lead: PMNode[];
  agencyTag: string;
  publishedAt: string | null;
  byline: string[];
  language: string;
  blocks: PMNode[];
  figures: ParsedFigure[];
  dropped: ImportReport['dropped'];
  warnings: ImportReport['warnings'];
}

export interface AssembledArticle {
  document: PMNode;
  meta: ArticleMetaPatch;
  report: ImportReport;
}

const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

/** `vi` when the text holds Vietnamese letters, else `en`. */
export function guessLanguage(text: string): string {
  return VIETNAMESE_LETTERS.test(text) ? 'vi' : 'en';
}

/** Clean one line of imported text: NFC, no control characters, single spaces. */
export const cleanLine = (s: string): string => squashSpaces(cleanText(s));

export const textNodes = (s: string): PMNode[] => (s ? [schema.text(s)] : []);

const inlineText = (nodes: PMNode[]) => nodes.map((n) => n.textContent).join('');

/** Apply the user's corrections from the review screen; untouched fields keep what was recognised. */
export function applyFields(parsed: ParsedArticle, fields: ImportFields): ParsedArticle {
  const next = { ...parsed, figures: parsed.figures.map((f) => ({ ...f })) };
  if (fields.headline !== undefined) next.headline = cleanLine(fields.headline);
  if (fields.lead !== undefined && cleanLine(fields.lead) !== inlineText(parsed.lead)) next.lead = textNodes(cleanLine(fields.lead));
  if (fields.agencyTag !== undefined) next.agencyTag = cleanLine(fields.agencyTag);
  if (fields.publishedAt !== undefined) next.publishedAt = fields.publishedAt;
  if (fields.byline !== undefined) next.byline = fields.byline.map(cleanLine).filter(Boolean);
  fields.captions?.forEach((caption, i) => {
    const figure = next.figures[i];
    if (figure && cleanLine(caption) !== inlineText(figure.caption)) figure.caption = textNodes(cleanLine(caption));
  });
  return fields.bodyText?.length ? returnToBody(next, new Set(fields.bodyText)) : next;
}

/**
 * Put caption candidates back in the body: figure `i` (body order) becomes the
 * paragraph it was read from, in the same place. A candidate that was given a
 * photo keeps the photo in a figure with an empty caption, right after the paragraph.
 */
function returnToBody(parsed: ParsedArticle, indexes: Set<number>): ParsedArticle {
  const blocks: PMNode[] = [];
  const figures: ParsedFigure[] = [];
  let figureIndex = 0;
  for (const block of parsed.blocks) {
    if (block.type.name !== 'figure') {
      blocks.push(block);
      continue;
    }
    const i = figureIndex++;
    const figure = parsed.figures[i];
    if (!figure?.candidateOf || !indexes.has(i)) {
      blocks.push(block);
      if (figure) figures.push(figure);
      continue;
    }
    blocks.push(figure.candidateOf);
    if (figure.image) {
      figures.push({ caption: [], credit: '', alt: figure.alt, image: figure.image });
      blocks.push(block);
    }
  }
  return { ...parsed, blocks, figures };
}

/**
 * Build the article document from the parsed parts. `mediaIds` fills figure `i`
 * with a stored photo (after the media store has taken it); without it every
 * figure stays a placeholder.
 */
export function assemble(parsed: ParsedArticle, mediaIds: (string | null)[] = []): AssembledArticle {
  let figureIndex = 0;
  const blocks = parsed.blocks.map((block) => {
    if (block.type.name !== 'figure') return block;
    const i = figureIndex++;
    const f = parsed.figures[i];
    if (!f) return block;
    return schema.node('figure', { mediaId: mediaIds[i] ?? null, alt: cleanText(f.alt) }, [
      schema.node('caption', null, f.caption),
      schema.node('credit', null, textNodes(cleanLine(f.credit))),
    ]);
  });
  if (!blocks.length) blocks.push(schema.node('paragraph'));
  const document = schema.node('doc', null, [
    schema.node('headline', null, textNodes(parsed.headline)),
    schema.node('lead', null, parsed.lead),
    schema.node('body', null, blocks),
    schema.node('byline', null, (parsed.byline.length ? parsed.byline : ['']).map((n) => schema.node('author', null, textNodes(n)))),
  ]);
  document.check();

  const captions = parsed.figures.map((f) => inlineText(f.caption)).filter(Boolean);
  return {
    document,
    meta: {
      slug: slugify(parsed.headline) || undefined,
      agencyTag: parsed.agencyTag,
      publishedAt: parsed.publishedAt,
      language: parsed.language,
      status: 'draft',
    },
    report: {
      fileName: parsed.fileName,
      format: parsed.format,
      encoding: parsed.encoding,
      headline: parsed.headline,
      publishedAt: parsed.publishedAt,
      agencyTag: parsed.agencyTag,
      lead: inlineText(parsed.lead),
      paragraphs: blocks.filter((b) => (b.type.name === 'paragraph' || b.type.name === 'blockquote') && b.content.size > 0).length,
      captions,
      figures: parsed.figures.map((f) => ({
        caption: inlineText(f.caption),
        credit: f.credit,
        alt: f.alt,
        image: f.image?.name ?? null,
        ...(f.candidateOf ? { candidate: true } : {}),
      })),
      byline: parsed.byline,
      language: parsed.language,
      dropped: parsed.dropped,
      // Left-out running text heads the warnings: the first thing the review card and the CLI say.
      warnings: withLoss(parsed),
    },
  };
}

function withLoss(parsed: ParsedArticle): ImportReport['warnings'] {
  const loss = lossWarning(parsed.dropped);
  return loss ? [loss, ...parsed.warnings] : parsed.warnings;
}

/** Word count of a parsed article's body, for reports and benches. */
export const bodyWords = (parsed: ParsedArticle): number => parsed.blocks.reduce((n, b) => n + countWords(b.textContent), 0);
