import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../../shared/schema';
import { dropped as drop, warning } from '../../../shared/import-report';
import { countWords, foldVietnamese } from '../../../shared/text';
import { findFurniture, isRunningProse } from './furniture';
import type { BodyItem } from './html-blocks';
import { guessLanguage, type ImportImage, type ParsedArticle, type ParsedFigure } from './parsed';
import { matchDate, parseByline } from './plain-text';
import { AGENCY_TAG, CAPTION_CREDIT, CAPTION_CUES, CAPTION_SHAPE } from './plain-text-rules';

/** What a structured source (a web page's meta tags) states outright; it wins over guessing. */
export interface StructureHints {
  headline?: string;
  publishedAt?: string | null;
  byline?: string[];
  /** The lead's inline content, when the source marks it (a web page's sapo element). */
  lead?: PMNode[];
}

export interface StructureInput {
  fileName: string;
  format: 'docx' | 'html';
  encoding: string | null;
  items: BodyItem[];
  /** Images by marker index; null where the image could not be read (external link, unsupported). */
  images: (ImportImage | null)[];
  /** Alt text by image index. */
  altTexts: string[];
  hints: StructureHints;
  dropped: ParsedArticle['dropped'];
  warnings: ParsedArticle['warnings'];
}

/** Longest first paragraph still taken for a headline when nothing marks one. */
const HEADLINE_MAX_WORDS = 30;
/** Head paragraphs searched for the date line. */
const DATE_SEARCH = 4;
/** Longest line before a web page's first sentence that is taken for page furniture ("1 of 24", "Supported by"). */
const PRE_LEAD_FURNITURE_MAX_WORDS = 6;

/** A short line that is not a sentence: at a web page's edges, chrome ("1 of 24", "Supported by"). */
const chromeLine = (it: BodyItem | undefined) => isParagraph(it) && it.role === 'plain' && countWords(textOf(it)) <= PRE_LEAD_FURNITURE_MAX_WORDS && !/[.!?…:;”"»)]$/.test(textOf(it));

const folded = (names: string[]) => names.map((n) => foldVietnamese(n).toLowerCase()).sort().join('|');
const sameNames = (a: string[], b: string[]) => folded(a) === folded(b);

const textOf = (item: BodyItem | undefined) => (item?.kind === 'block' ? item.node.textContent : '');
const isParagraph = (item: BodyItem | undefined): item is Extract<BodyItem, { kind: 'block' }> =>
  item?.kind === 'block' && item.node.type.name === 'paragraph';
const isCaptionCue = (text: string) => CAPTION_CUES.some((re) => re.test(text));

/** A paragraph right after a photo that reads like its caption: one short sentence, or marked as a caption. */
function captionFor(item: BodyItem | undefined): boolean {
  if (!isParagraph(item) || item.role === 'table') return false;
  if (item.role === 'caption') return true;
  const text = item.node.textContent;
  if (isCaptionCue(text)) return true;
  const sentences = text.split(/(?<=[.!?…])\s+(?=\p{Lu})/u).length;
  return countWords(text) <= CAPTION_SHAPE.maxWords && sentences === 1 && !/[“”"«»]/.test(text);
}

/** Cut the agency tag `(BLC) –` from the start of the lead's first text node. */
function takeAgencyTag(lead: PMNode): { tag: string; content: PMNode[] } {
  const content: PMNode[] = [];
  lead.forEach((n) => content.push(n));
  const first = content[0];
  const m = first?.isText ? AGENCY_TAG.exec(first.text ?? '') : null;
  if (!first || !m) return { tag: '', content };
  const rest = (first.text ?? '').slice(m[0].length);
  content[0] = schema.text(rest || ' ', first.marks);
  if (!rest) content.shift();
  return { tag: m[1]!, content };
}

function figureFromCaption(item: Extract<BodyItem, { kind: 'block' }> | null, image: ImportImage | null, alt: string): ParsedFigure {
  if (!item) return { caption: [], credit: '', alt, image };
  const nodes: PMNode[] = [];
  item.node.forEach((n) => nodes.push(n));
  let credit = '';
  const last = nodes[nodes.length - 1];
  const m = last?.isText ? CAPTION_CREDIT.exec(last.text ?? '') : null;
  if (last && m) {
    credit = m[1]!.trim();
    const kept = (last.text ?? '').slice(0, m.index).trimEnd();
    if (kept) nodes[nodes.length - 1] = schema.text(kept, last.marks);
    else nodes.pop();
  }
  return { caption: nodes, credit, alt, image };
}

/**
 * Recognise the article's parts in a sanitised .docx or web page body: headline,
 * date line, lead with agency tag, byline, site chrome, and photos with the
 * caption paragraph that follows them. What is not placed goes to `dropped`.
 */
export function structureBody(input: StructureInput): ParsedArticle {
  const items = [...input.items];
  const { dropped, warnings, hints } = input;

  // Headline: stated by the source, marked (h1, Word's Title style), or a short first paragraph.
  let headline = hints.headline ?? '';
  const marked = items.findIndex((it) => it.kind === 'block' && it.role === 'headline');
  if (marked >= 0) {
    const text = textOf(items[marked]);
    if (!headline) headline = text;
    else if (text !== headline) dropped.push(drop('second_headline', text));
    items.splice(marked, 1);
  } else if (!headline) {
    const first = items.findIndex((it) => it.kind === 'block' && it.role !== 'table');
    const item = items[first];
    if (item?.kind === 'block' && (item.node.type.name === 'heading' || (item.node.type.name === 'paragraph' && countWords(item.node.textContent) <= HEADLINE_MAX_WORDS && !/[.!?…]$/.test(item.node.textContent)))) {
      headline = item.node.textContent;
      items.splice(first, 1);
    }
  }
  if (!headline) warnings.push(warning('no_headline'));

  // Date line near the top.
  let publishedAt = hints.publishedAt ?? null;
  for (let k = 0, seen = 0; k < items.length && seen < DATE_SEARCH; k++) {
    if (!isParagraph(items[k])) continue;
    seen++;
    const text = textOf(items[k]);
    const date = matchDate(text);
    if (!date) continue;
    if (date.role === 'article' && !publishedAt) publishedAt = date.iso;
    else dropped.push(drop(date.role === 'site' ? 'site_date' : 'date_line', text));
    items.splice(k, 1);
    k--;
  }
  if (!publishedAt) warnings.push(warning('no_date'));

  // Site furniture by shape (comment prompts, related stories): see furniture.ts.
  const paragraphIndexes = items.flatMap((it, k) => (isParagraph(it) ? [k] : []));
  const furniture = findFurniture(paragraphIndexes.map((k) => textOf(items[k])));
  const furnitureAt = new Map(paragraphIndexes.map((k, n) => [k, furniture[n]!] as const));
  const firstTail = furniture.findIndex((kind, n) => kind && furniture.slice(n).every(Boolean));
  const tailFrom = firstTail >= 0 ? paragraphIndexes[firstTail]! : items.length;
  const kept = items.filter((it, k) => {
    const kind = furnitureAt.get(k);
    if (kind) dropped.push(drop(kind, textOf(it)));
    else if (k > tailFrom && it.kind === 'image' && input.images[it.index]) warnings.push(warning('photo_after_end', { photo: input.images[it.index]!.name }));
    else return true;
    return false;
  });
  items.splice(0, items.length, ...kept);

  // A web page's short lines after the story that are neither sentences nor a byline ("Recommended by …") are page furniture.
  if (input.format === 'html') {
    const last = () => items[items.length - 1];
    while (chromeLine(last()) && !parseByline(textOf(last())) && items.some((it) => isParagraph(it) && isRunningProse(textOf(it)))) {
      dropped.push(drop('page_furniture', textOf(items.pop())));
    }
  }

  // Byline: stated by the source, or the short last paragraph. When the source states it,
  // the last paragraph is taken out only if it names the same people (else it is body text).
  let byline = hints.byline?.filter(Boolean) ?? [];
  const lastBlock = items.length - 1;
  // A table row or a paragraph styled as a caption is never the byline.
  const parsedByline =
    isParagraph(items[lastBlock]) && items[lastBlock].role === 'plain' && !isRunningProse(textOf(items[lastBlock])) ? parseByline(textOf(items[lastBlock])) : null;
  if (parsedByline && (!byline.length || sameNames(byline, parsedByline.names))) {
    if (!byline.length) byline = parsedByline.names;
    for (const role of parsedByline.roles) dropped.push(drop('byline_role', role));
    items.splice(lastBlock, 1);
  }
  if (!byline.length) warnings.push(warning('no_byline'));

  // A web page's short lines before the article's first sentence ("1 of 24", "Supported by") are page furniture.
  if (input.format === 'html') {
    while (chromeLine(items[0]) && items.some((it) => isParagraph(it) && isRunningProse(textOf(it)))) {
      dropped.push(drop('page_furniture', textOf(items.shift())));
    }
  }

  // Lead: stated by the source (a web page's sapo), or the first paragraph of the body.
  let lead: PMNode[] = [];
  let agencyTag = '';
  // A photo above the story (with its marked or cued caption) stays in the body; the lead is the paragraph after it.
  let leadIndex = 0;
  for (;;) {
    const it = items[leadIndex];
    const next = items[leadIndex + 1];
    if (it?.kind === 'image') leadIndex += isParagraph(next) && (next.role === 'caption' || isCaptionCue(textOf(next))) ? 2 : 1;
    else if (isParagraph(it) && it.role === 'caption') leadIndex++;
    // A table's rows are never the lead.
    else if (it?.kind === 'block' && it.role === 'table') leadIndex++;
    else break;
  }
  const leadItem = items[leadIndex];
  if (hints.lead?.length) {
    const taken = takeAgencyTag(schema.node('paragraph', null, hints.lead));
    lead = taken.content;
    agencyTag = taken.tag;
  } else if (isParagraph(leadItem) && leadItem.role === 'plain') {
    const taken = takeAgencyTag(leadItem.node);
    lead = taken.content;
    agencyTag = taken.tag;
    items.splice(leadIndex, 1);
  } else warnings.push(warning('no_lead'));

  // Body: photos take the caption paragraph that follows them; cued captions become placeholders.
  const blocks: PMNode[] = [];
  const figures: ParsedFigure[] = [];
  const placedImages = new Set<number>();
  const addFigure = (figure: ParsedFigure) => {
    figures.push(figure);
    blocks.push(schema.node('figure', { mediaId: null, alt: '' }, [schema.node('caption'), schema.node('credit')]));
  };
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (item.kind === 'image') {
      placedImages.add(item.index);
      const image = input.images[item.index] ?? null;
      const next = items[k + 1];
      const caption = captionFor(next) && isParagraph(next) && (!item.inline || next.role === 'caption') ? next : null;
      if (caption) k++;
      addFigure(figureFromCaption(caption, image, input.altTexts[item.index] ?? ''));
      continue;
    }
    if (isParagraph(item) && item.role !== 'table' && (item.role === 'caption' || isCaptionCue(item.node.textContent))) {
      addFigure(figureFromCaption(item, null, ''));
      continue;
    }
    blocks.push(item.node);
  }
  input.images.forEach((image, index) => {
    if (image && !placedImages.has(index) && !input.items.some((it) => it.kind === 'image' && it.index === index && !items.includes(it))) {
      warnings.push(warning('photo_moved', { photo: image.name }));
      addFigure({ caption: [], credit: '', alt: input.altTexts[index] ?? '', image });
    }
  });

  const allText = [headline, ...lead.map((n) => n.textContent), ...blocks.map((b) => b.textContent)].join(' ');
  return {
    fileName: input.fileName,
    format: input.format,
    encoding: input.encoding,
    headline,
    lead,
    agencyTag,
    publishedAt,
    byline,
    language: guessLanguage(allText),
    blocks,
    figures,
    dropped,
    warnings,
  };
}
