import mammoth from 'mammoth';
import { zipSync } from 'fflate';
import { sanitizeHtml } from '../../../shared/html/sanitize';
import { addReports, emptyReport, reportOf } from '../../../shared/html';
import { dropped as drop, warning, type ImportWarning } from '../../../shared/import-report';
import { cleanLine, guessLanguage, type ImportImage, type ParsedArticle } from './parsed';
import { ImportError } from './errors';
import { formatBytes, IMPORT_LIMITS } from './limits';
import { readZipSafely } from './zip';
import { imageMarker, MARK, toBodyItems, type BodyItem } from './html-blocks';
import { structureBody } from './structure';
import { all, asHtmlNode, parseDocument } from './dom';
import { externalImageLinks, headerFooterLines, trackedChanges, unreferencedNotes, wordComments, wordPart, type WordFiles } from './word-parts';
import { parseXml } from './word-xml';
import { joinDropCaps } from './word-drop-caps';
import { numberHeadings } from './word-numbering';
import { placeTextBoxes } from './word-text-boxes';
import { takePlaceholders } from './word-placeholders';
import { findRunFormats, removeHiddenRuns, type RunFormatPassages } from './word-run-formats';
import { movePicturesOutOfSentences } from './word-pictures';
import { cleanWordBullets } from './word-bullets';
import { takeNotes } from './word-notes';
import { markTables } from './word-tables';
import { sanitizerReport, type SanitizerKind } from './sanitizer-report';

/**
 * Kinds this importer reports from Word's XML (and the table marks), with the
 * passages' text; the sanitiser's own counts of them, read from the converted
 * HTML, would repeat them.
 */
const REPORTED_FROM_WORD_XML: readonly SanitizerKind[] = [
  'tablesFlattened',
  'tableRowsFlattened',
  'struckKept',
  'underlinedKept',
  'hiddenDropped',
  'pageHeadersFootersDropped',
  'commentsDropped',
  'trackedDeletionsDropped',
];

/** Word styles that mark the headline, photo captions and quotations, mapped to what the DOM pass below recognises. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1.nr-headline:fresh",
  "p[style-name='Caption'] => p.nr-caption:fresh",
  "p[style-name='Chú thích'] => p.nr-caption:fresh",
  "p[style-name='Chú thích ảnh'] => p.nr-caption:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Trích dẫn'] => blockquote > p:fresh",
];

/** Heading of the notes section appended after the story, in the document's language. */
const NOTES_HEADING: Record<string, string> = { vi: 'Chú thích', en: 'Notes' };

/**
 * What in the body XML calls for each step of the pass before conversion. Each step
 * runs only when its element occurs, and a document with none of them skips the
 * pass: reading a long document's XML costs time that most documents need not spend.
 */
const NEEDS = {
  placeholders: /<w:showingPlcHdr\b/,
  runFormats: /<w:(strike|dstrike|u|vanish)\b/,
  hidden: /<w:vanish\b/,
  dropCaps: /<w:framePr\b[^>]*w:dropCap=/,
  textBoxes: /<w:txbxContent\b/,
};

const NO_RUN_FORMATS: RunFormatPassages = { struck: [], underlined: [], hidden: [] };

/** What the pass over `word/document.xml` changed and found, before conversion. */
interface PreparedBody {
  files: WordFiles;
  textBoxes: number;
  formats: RunFormatPassages;
  /** Text of content controls never filled in. */
  placeholders: string[];
}

/**
 * Rewrite the body XML where the converter would misread it: drop caps joined to
 * their word, text boxes placed after their anchor paragraph, Word's generated
 * heading numbers written into the headings, hidden text and unfilled template
 * fields taken out (and listed).
 * The part is written back only when something changed, so an ordinary document
 * reaches the converter byte for byte.
 */
function prepareBody(files: WordFiles): PreparedBody {
  const xml = wordPart(files, 'word/document.xml');
  const styles = wordPart(files, 'word/styles.xml');
  const has = (element: RegExp) => element.test(xml);
  // Heading numbers: a list is used, and a heading style is defined (Word writes only the styles a document uses).
  const numbered = files.has('word/numbering.xml') && /<w:numPr\b/.test(xml + styles) && /<w:name w:val="heading [1-9]"/i.test(styles);
  const body = Object.values(NEEDS).some(has) || numbered ? parseXml(xml) : null;
  if (!body) return { files, textBoxes: 0, formats: NO_RUN_FORMATS, placeholders: [] };
  const placeholders = has(NEEDS.placeholders) ? takePlaceholders(body) : [];
  const formats = has(NEEDS.runFormats) ? findRunFormats(body) : NO_RUN_FORMATS;
  const hiddenRuns = has(NEEDS.hidden) ? removeHiddenRuns(body) : 0;
  const headings = numbered ? numberHeadings(body, parseXml(styles), parseXml(wordPart(files, 'word/numbering.xml'))) : 0;
  const dropCaps = has(NEEDS.dropCaps) ? joinDropCaps(body) : 0;
  const textBoxes = has(NEEDS.textBoxes) ? placeTextBoxes(body) : 0;
  if (!dropCaps && !has(NEEDS.textBoxes) && !headings && !hiddenRuns && !placeholders.length) return { files, textBoxes, formats, placeholders };
  const rewritten = new Map(files);
  rewritten.set('word/document.xml', new TextEncoder().encode(body.toString()));
  return { files: rewritten, textBoxes, formats, placeholders };
}

/** Up to three passages, quoted and shortened, for a warning. */
function quoted(passages: string[]): string {
  const shown = passages.slice(0, 3).map((t) => `“${t.length > 60 ? `${t.slice(0, 59)}…` : t}”`);
  return passages.length > 3 ? `${shown.join(', ')}, …` : shown.join(', ');
}

const hasText = (items: BodyItem[]) => items.some((it) => it.kind === 'block' && it.node.textContent.trim() !== '');

export interface DocxProgress {
  (stage: 'unzip' | 'convert' | 'structure', fraction: number): void;
}

/**
 * Read a Word document: headings, bold/italic, links, lists (Word numbering, or
 * paragraphs typed with bullet glyphs), quotations, tables (flattened by the
 * sanitiser, reported with their rows), footnotes and endnotes (numbers kept, notes
 * appended under a heading), text boxes, drop caps, embedded photos with the
 * caption paragraph that follows them. Comments, tracked changes, struck-through
 * and underlined text, headers and footers are reported; the accept-all view is
 * imported. Linked (external) images are never fetched. A document without text is refused.
 */
export async function readDocx(bytes: Uint8Array, fileName: string, progress?: DocxProgress): Promise<ParsedArticle> {
  if (bytes.length > IMPORT_LIMITS.docxBytes) {
    throw new ImportError(`${fileName} is ${formatBytes(bytes.length)}; Word files up to ${formatBytes(IMPORT_LIMITS.docxBytes)} can be imported. Nothing was imported.`, 'too_large');
  }
  progress?.('unzip', 0);
  const files = readZipSafely(bytes, fileName);
  if (!files.has('word/document.xml')) {
    throw new ImportError(`${fileName} is not a Word document (it has no word/document.xml); nothing was imported.`, 'unsupported');
  }
  const dropped: ParsedArticle['dropped'] = [];
  const warnings: ImportWarning[] = [];
  const comments = wordComments(files);
  const changes = trackedChanges(files);
  const external = externalImageLinks(files);
  const headerFooter = headerFooterLines(files);
  const prepared = prepareBody(files);

  // Mammoth reads only what was checked above: a stored (uncompressed) copy of the verified entries.
  const verified = zipSync(Object.fromEntries(prepared.files), { level: 0 });
  progress?.('convert', 0.2);
  const images: (ImportImage | null)[] = [];
  const altTexts: string[] = [];
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(verified.buffer, verified.byteOffset, verified.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async (image) => {
          const index = images.length;
          altTexts.push(cleanLine((image as { altText?: string }).altText ?? ''));
          try {
            const data = await image.read();
            const ext = image.contentType.split('/')[1] ?? 'bin';
            images.push({ name: `${fileName} › image${index + 1}.${ext}`, bytes: new Uint8Array(data), contentType: image.contentType });
          } catch {
            images.push(null); // a linked image: mammoth refuses to read it, and so do we
          }
          return { src: `nr-image:${index}` };
        }),
      },
    );
  } catch (err) {
    throw new ImportError(`${fileName} could not be read as a Word document (${(err as Error).message.split('\n')[0]}); nothing was imported.`, 'corrupt');
  }
  progress?.('structure', 0.7);

  const document = parseDocument(`<!doctype html><html><body>${result.value}</body></html>`);
  const markers = all(document, 'img').map((img) => {
    const index = /^nr-image:(\d+)$/.exec(img.getAttribute('src') ?? '')?.[1];
    const marker = document.createTextNode(index === undefined ? '' : imageMarker(Number(index)));
    img.replaceWith(marker);
    return marker;
  });
  const inlinePictures = movePicturesOutOfSentences(document, markers);
  cleanWordBullets(document);
  for (const h of all(document, 'h1.nr-headline')) h.insertBefore(document.createTextNode(MARK.headline), h.firstChild);
  for (const p of all(document, 'p.nr-caption')) p.insertBefore(document.createTextNode(MARK.caption), p.firstChild);
  // Mammoth puts the notes after the last paragraph; they are set aside so the byline is found, then appended.
  const notes = takeNotes(document, NOTES_HEADING[guessLanguage(document.body?.textContent ?? '')] ?? NOTES_HEADING.en!, unreferencedNotes(files));
  const tables = markTables(document);

  const sanitized = sanitizeHtml(asHtmlNode(document.body ?? document));
  const items = toBodyItems(sanitized.blocks).map((it) => (it.kind === 'image' && inlinePictures.has(it.index) ? { ...it, inline: true } : it));
  const sanitizedNotes = notes.section ? sanitizeHtml(asHtmlNode(notes.section)) : null;
  const noteItems = sanitizedNotes ? toBodyItems(sanitizedNotes.blocks) : [];
  if (!hasText(items) && !hasText(noteItems)) throw emptyDocument(fileName, images.length, headerFooter.length + comments.length + prepared.formats.hidden.length + prepared.placeholders.length);

  if (tables.tables) warnings.push(warning('tables_flattened', { count: tables.tables, rows: tables.rows }));
  if (notes.count) warnings.push(warning('footnotes_appended', { count: notes.count }));
  if (prepared.formats.struck.length) warnings.push(warning('struck_text', { count: prepared.formats.struck.length, text: quoted(prepared.formats.struck) }));
  if (prepared.formats.underlined.length) {
    warnings.push(warning('underlined_text', { count: prepared.formats.underlined.length, text: quoted(prepared.formats.underlined) }));
  }
  if (prepared.textBoxes) warnings.push(warning('text_boxes', { count: prepared.textBoxes }));
  if (inlinePictures.size) warnings.push(warning('inline_pictures', { count: inlinePictures.size }));
  if (comments.length) warnings.push(warning('comments', { count: comments.length }));
  for (const c of comments) dropped.push(drop('word_comment', c.author ? `${c.author}: ${c.text}` : c.text));
  if (changes.insertions || changes.deletions) {
    warnings.push(warning('tracked_changes', { insertions: changes.insertions, deletions: changes.deletions }));
  }
  for (const text of changes.deletedText) dropped.push(drop('tracked_deletion', text));
  for (const url of external) dropped.push(drop('linked_image', url));
  for (const line of headerFooter) dropped.push(drop('word_header_footer', line));
  for (const text of prepared.formats.hidden) dropped.push(drop('word_hidden_text', text));
  for (const text of prepared.placeholders) dropped.push(drop('word_placeholder', text));
  const sanitizerChanges = sanitizerReport(addReports(reportOf(sanitized), sanitizedNotes ? reportOf(sanitizedNotes) : emptyReport()), REPORTED_FROM_WORD_XML);
  warnings.push(...sanitizerChanges.warnings);
  dropped.push(...sanitizerChanges.dropped);
  for (const m of result.messages) {
    if (m.type === 'error' || /external|unrecognised|unrecognized/i.test(m.message)) {
      if (!/external image/i.test(m.message)) warnings.push(warning('word_message', { message: m.message.split('\n')[0]! }));
    }
  }

  const parsed = structureBody({ fileName, format: 'docx', encoding: null, items, images, altTexts, hints: {}, dropped, warnings });
  for (const note of noteItems) if (note.kind === 'block') parsed.blocks.push(note.node);
  progress?.('structure', 1);
  return parsed;
}

/** The refusal of a document with no text in its body: one sentence naming the file and what it did hold. */
function emptyDocument(fileName: string, pictures: number, asideLines: number): ImportError {
  const held = [
    pictures ? `${pictures} ${pictures === 1 ? 'picture' : 'pictures'}` : '',
    asideLines ? 'text only in page headers, footers, comments, hidden text or unfilled fields' : '',
  ].filter(Boolean);
  const detail = held.length ? ` (it holds ${held.join(' and ')})` : ' (it is empty or holds only empty paragraphs)';
  return new ImportError(`${fileName} has no text to import${detail}; nothing was imported.`, 'empty');
}
