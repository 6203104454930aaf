import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type INumberingOptions,
  type ParagraphChild,
} from 'docx';
import type { Mark, Node as PMNode } from 'prosemirror-model';
import type { Article } from '../../../shared/article';
import { bylineNames, documentParts } from '../../../shared/document';
import { formatHouseDate } from '../../../shared/dates';
import { safeHref } from '../../../shared/links';
import { creditWord, leadOpening } from '../../../shared/print-article';

/**
 * A Word (.docx) copy of an article for readers outside the newsroom (sources,
 * lawyers), laid out the way our own Word import reads it back: the headline in
 * Word's Title style, the date line, the sapo in bold opening with the agency tag
 * `(BLC) –`, the body, each photo followed by a Caption-style paragraph ending in
 * `(Ảnh: credit)`, and the byline alone on the last line, right-aligned.
 */

/** A photo ready for Word: JPEG or PNG bytes and the size to show it at. */
export interface WordPhoto {
  bytes: Uint8Array;
  type: 'jpg' | 'png';
  width: number;
  height: number;
}

/** Reads a figure's photo; null when it is not in the store (the caption is still written). */
export type WordPhotoReader = (mediaId: string) => Promise<WordPhoto | null>;

/** Widest a photo is shown on an A4 page with Word's default margins, in pixels at 96 dpi. */
const PAGE_WIDTH_PX = 600;


interface RunStyle {
  bold?: boolean;
  italics?: boolean;
}

/** Runs of a textblock (lead, paragraph, caption), with bold, italic, sub/sup and links. */
function inlineRuns(node: PMNode, base: RunStyle = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  node.forEach((child) => {
    const has = (name: string) => child.marks.some((m: Mark) => m.type.name === name);
    const style = {
      bold: base.bold || has('strong') || undefined,
      italics: base.italics || has('em') || undefined,
      superScript: has('sup') || undefined,
      subScript: has('sub') || undefined,
    };
    const run = child.type.name === 'hard_break' ? new TextRun({ ...style, break: 1 }) : new TextRun({ ...style, text: child.text ?? '' });
    const link = child.marks.find((m: Mark) => m.type.name === 'link');
    const href = link ? safeHref(link.attrs.href) : null;
    out.push(href ? new ExternalHyperlink({ link: href, children: [new TextRun({ ...style, text: child.text ?? '', style: 'Hyperlink' })] }) : run);
  });
  return out;
}

/** Numbering definitions: one for each numbered list, so each starts at its own number. */
class Numbering {
  readonly config: INumberingOptions['config'][number][] = [];

  orderedList(start: number): string {
    const reference = `numbered-${this.config.length + 1}`;
    this.config.push({
      reference,
      levels: [0, 1, 2, 3].map((level) => ({
        level,
        start: level === 0 ? start : 1,
        format: LevelFormat.DECIMAL,
        text: `%${level + 1}.`,
        alignment: AlignmentType.START,
        style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
      })),
    });
    return reference;
  }
}

interface BodyContext {
  numbering: Numbering;
  language: string;
  readPhoto: WordPhotoReader;
}

async function figureParagraphs(figure: PMNode, context: BodyContext): Promise<Paragraph[]> {
  const out: Paragraph[] = [];
  const mediaId = figure.attrs.mediaId as string | null;
  const alt = (figure.attrs.alt as string) || figure.child(0).textContent;
  const photo = mediaId ? await context.readPhoto(mediaId) : null;
  if (photo) {
    const scale = Math.min(1, PAGE_WIDTH_PX / photo.width);
    out.push(
      new Paragraph({
        children: [
          new ImageRun({
            type: photo.type,
            data: photo.bytes,
            transformation: { width: Math.round(photo.width * scale), height: Math.round(photo.height * scale) },
            altText: { name: `photo-${mediaId}`, title: alt, description: alt },
          }),
        ],
      }),
    );
  }
  const caption = figure.child(0);
  const credit = figure.child(1).textContent.trim();
  if (caption.content.size || credit) {
    const runs = inlineRuns(caption);
    if (credit) runs.push(new TextRun({ text: `${caption.content.size ? ' ' : ''}(${creditWord(context.language)}: ${credit})`, italics: true }));
    out.push(new Paragraph({ style: 'Caption', children: runs }));
  }
  return out;
}

async function listParagraphs(list: PMNode, context: BodyContext, level: number, quoted: boolean): Promise<Paragraph[]> {
  const reference = list.type.name === 'ordered_list' ? context.numbering.orderedList(list.attrs.order as number) : null;
  const out: Paragraph[] = [];
  for (let i = 0; i < list.childCount; i++) {
    const item = list.child(i);
    for (let k = 0; k < item.childCount; k++) {
      const child = item.child(k);
      if (child.type.name === 'paragraph') {
        const marker = k === 0 ? (reference ? { numbering: { reference, level } } : { bullet: { level } }) : { indent: { left: 720 * (level + 1) } };
        out.push(new Paragraph({ ...marker, children: inlineRuns(child, { italics: quoted }) }));
      } else if (child.type.name === 'bullet_list' || child.type.name === 'ordered_list') {
        out.push(...(await listParagraphs(child, context, Math.min(level + 1, 3), quoted)));
      } else out.push(...(await blockParagraphs(child, context, quoted)));
    }
  }
  return out;
}

/** One body block as Word paragraphs. A quote is indented and in italics (Word has no quote element our import reads). */
async function blockParagraphs(block: PMNode, context: BodyContext, quoted = false): Promise<Paragraph[]> {
  const quote = quoted ? { indent: { left: 720 } } : {};
  switch (block.type.name) {
    case 'paragraph':
      return [new Paragraph({ ...quote, children: inlineRuns(block, { italics: quoted }) })];
    case 'heading':
      return [new Paragraph({ heading: block.attrs.level === 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2, children: inlineRuns(block) })];
    case 'blockquote': {
      const out: Paragraph[] = [];
      for (let i = 0; i < block.childCount; i++) out.push(...(await blockParagraphs(block.child(i), context, true)));
      return out;
    }
    case 'bullet_list':
    case 'ordered_list':
      return listParagraphs(block, context, 0, quoted);
    case 'horizontal_rule':
      return [new Paragraph({ thematicBreak: true, children: [] })];
    case 'figure':
      return figureParagraphs(block, context);
    default:
      return [];
  }
}

/**
 * The article as .docx bytes. `agencyTag` is the article's own or, when it has
 * none, the publication profile's; `timeZone` is the one its date line is written in.
 */
export async function articleToDocx(article: Article, doc: PMNode, options: { agencyTag: string; timeZone: string; readPhoto: WordPhotoReader }): Promise<Uint8Array> {
  const { meta } = article;
  const { headline, lead, body } = documentParts(doc);
  const context: BodyContext = { numbering: new Numbering(), language: meta.language, readPhoto: options.readPhoto };
  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(headline.textContent)] })];
  if (meta.publishedAt) {
    // The house date without its `[GMT+7]` stamp: the shape our import reads as the article's date line.
    const date = formatHouseDate(meta.publishedAt, options.timeZone).replace(/\s*\[GMT[^\]]*\]$/, '');
    children.push(new Paragraph({ children: [new TextRun({ text: date, italics: true })] }));
  }
  const opening = leadOpening(meta.datelinePlace, meta.agencyTag || options.agencyTag);
  if (lead.content.size || opening) {
    children.push(new Paragraph({ children: [...(opening ? [new TextRun({ text: opening, bold: true })] : []), ...inlineRuns(lead, { bold: true })] }));
  }
  for (let i = 0; i < body.childCount; i++) children.push(...(await blockParagraphs(body.child(i), context)));
  const names = bylineNames(doc);
  if (names.length) children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: names.join(', '), bold: true })] }));

  const document = new Document({
    creator: names.join(', ') || 'Newsroom',
    title: headline.textContent,
    description: 'Exported from Newsroom',
    numbering: { config: context.numbering.config },
    styles: {
      paragraphStyles: [{ id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', run: { size: 20, color: '3D3D3D' } }],
      default: { document: { run: { font: 'Times New Roman', size: 24 } } },
    },
    sections: [
      {
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }) },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
