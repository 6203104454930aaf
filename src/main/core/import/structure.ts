import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../../shared/schema';
import { dropped as drop, warning } from '../../../shared/import-report';
import { countWords } from '../../../shared/text';
import type { BodyItem } from './html-blocks';
import { guessLanguage, type ImportImage, type ParsedArticle, type ParsedFigure } from './parsed';
import { matchDate, parseByline } from './plain-text';
import { AGENCY_TAG, CAPTION_CREDIT, CAPTION_CUES, CAPTION_SHAPE, CHROME_STARTERS } from './plain-text-rules';

/** What a structured source (a web page's meta tags) states outright; it wins over guessing. */
export interface StructureHints {
  headline?: string;
  publishedAt?: string | null;
  byline?: string[];
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

  // Site chrome at the end (comment prompts, related stories).
  const chrome = items.findIndex((it, k) => k > 0 && isParagraph(it) && CHROME_STARTERS.some((re) => re.test(textOf(it))));
  if (chrome > 0) {
    for (const it of items.splice(chrome)) {
      if (it.kind === 'block') dropped.push(drop('site_chrome', it.node.textContent));
      else if (input.images[it.index]) warnings.push(warning('photo_after_end', { photo: input.images[it.index]!.name }));
    }
  }

  // Byline: stated by the source, or the short last paragraph.
  let byline = hints.byline?.filter(Boolean) ?? [];
  const lastBlock = items.length - 1;
  // A table row or a paragraph styled as a caption is never the byline.
  const parsedByline = isParagraph(items[lastBlock]) && items[lastBlock].role === 'plain' ? parseByline(textOf(items[lastBlock])) : null;
  if (parsedByline) {
    if (!byline.length) byline = parsedByline.names;
    for (const role of parsedByline.roles) dropped.push(drop('byline_role', role));
    items.splice(lastBlock, 1);
  }
  if (!byline.length) warnings.push(warning('no_byline'));

  // Lead: the first paragraph of the body; a table's rows are never the lead.
  let lead: PMNode[] = [];
  let agencyTag = '';
  const leadIndex = items.findIndex((it) => it.kind === 'block' && it.role !== 'table');
  const leadItem = items[leadIndex];
  if (isParagraph(leadItem) && leadItem.role === 'plain') {
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
