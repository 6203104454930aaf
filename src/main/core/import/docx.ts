import mammoth from 'mammoth';
import { zipSync } from 'fflate';
import { sanitizeHtml } from '../../../shared/html/sanitize';
import { dropped as drop, warning, type ImportWarning } from '../../../shared/import-report';
import { cleanLine, type ImportImage, type ParsedArticle } from './parsed';
import { ImportError } from './errors';
import { formatBytes, IMPORT_LIMITS } from './limits';
import { readZipSafely } from './zip';
import { imageMarker, MARK, toBodyItems } from './html-blocks';
import { structureBody } from './structure';
import { all, asHtmlNode, parseDocument, type DomDocument } from './dom';

/** Word styles that mark the headline and photo captions, mapped to classes the DOM pass below recognises. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1.nr-headline:fresh",
  "p[style-name='Caption'] => p.nr-caption:fresh",
  "p[style-name='Chú thích'] => p.nr-caption:fresh",
  "p[style-name='Chú thích ảnh'] => p.nr-caption:fresh",
];

const decoder = new TextDecoder();
const xml = (files: Map<string, Uint8Array>, path: string) => (files.has(path) ? decoder.decode(files.get(path)) : '');

/** Text of each Word comment (`word/comments.xml`); comments are reported, never imported. */
function wordComments(files: Map<string, Uint8Array>): { author: string; text: string }[] {
  const out: { author: string; text: string }[] = [];
  for (const m of xml(files, 'word/comments.xml').matchAll(/<w:comment\b([^>]*)>([\s\S]*?)<\/w:comment>/g)) {
    const author = /w:author="([^"]*)"/.exec(m[1]!)?.[1] ?? '';
    const text = [...m[2]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    out.push({ author: decodeEntities(author), text: cleanLine(decodeEntities(text)) });
  }
  return out;
}

/** Tracked insertions and deletions still pending in the document body. */
function trackedChanges(files: Map<string, Uint8Array>): { insertions: number; deletions: number; deletedText: string[] } {
  const doc = xml(files, 'word/document.xml');
  const deletedText = [...doc.matchAll(/<w:del\b[^>]*>([\s\S]*?)<\/w:del>/g)]
    .map((m) => cleanLine(decodeEntities([...m[1]!.matchAll(/<w:delText(?:\s[^>]*)?>([^<]*)<\/w:delText>/g)].map((t) => t[1]).join(''))))
    .filter(Boolean);
  return { insertions: doc.match(/<w:ins\b/g)?.length ?? 0, deletions: doc.match(/<w:del\b/g)?.length ?? 0, deletedText };
}

/** Images the document links to outside the file (never fetched). */
function externalImageLinks(files: Map<string, Uint8Array>): string[] {
  const rels = xml(files, 'word/_rels/document.xml.rels');
  return [...rels.matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((r) => /TargetMode="External"/.test(r) && /relationships\/image"/.test(r))
    .map((r) => decodeEntities(/Target="([^"]*)"/.exec(r)?.[1] ?? ''));
}

function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/**
 * Tables become one paragraph per row, cells separated by ` | ` (marks kept): the
 * article schema has no tables, and a row read as a line keeps its figures together.
 * Returns how many tables there were, for the report.
 */
function flattenTables(document: DomDocument): number {
  const tables = all(document, 'table').filter((t) => !t.parentElement?.closest('table'));
  for (const table of tables) {
    const rows = all(table, 'tr');
    for (const tr of rows) {
      const p = document.createElement('p');
      all(tr, 'td, th').forEach((cell, i) => {
        if (i > 0) p.appendChild(document.createTextNode(' | '));
        const blocks = all(cell, 'p');
        blocks.forEach((b, k) => {
          if (k > 0) p.appendChild(document.createTextNode(' '));
          while (b.firstChild) p.appendChild(b.firstChild);
        });
        if (!blocks.length) while (cell.firstChild) p.appendChild(cell.firstChild);
      });
      table.parentNode?.insertBefore(p, table);
    }
    table.remove();
  }
  return tables.length;
}

export interface DocxProgress {
  (stage: 'unzip' | 'convert' | 'structure', fraction: number): void;
}

/**
 * Read a Word document: headings, bold/italic, links, lists, tables (flattened to
 * paragraphs, with a warning), footnotes (appended), embedded photos with the
 * caption paragraph that follows them. Comments and tracked changes are reported;
 * the accept-all view is imported. Linked (external) images are never fetched.
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

  // Mammoth reads only what was checked above: a stored (uncompressed) copy of the verified entries.
  const verified = zipSync(Object.fromEntries(files), { level: 0 });
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

  const html = result.value;
  const document = parseDocument(`<!doctype html><html><body>${html}</body></html>`);
  for (const img of all(document, 'img')) {
    const index = /^nr-image:(\d+)$/.exec(img.getAttribute('src') ?? '')?.[1];
    img.replaceWith(document.createTextNode(index === undefined ? '' : imageMarker(Number(index))));
  }
  for (const h of all(document, 'h1.nr-headline')) h.insertBefore(document.createTextNode(MARK.headline), h.firstChild);
  for (const p of all(document, 'p.nr-caption')) p.insertBefore(document.createTextNode(MARK.caption), p.firstChild);
  // Footnote back-links (↑) point inside the document; the notes themselves stay, appended at the end.
  for (const a of all(document, 'a[href^="#footnote-ref"], a[href^="#endnote-ref"]')) a.remove();
  const footnotes = document.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]').length;
  // Mammoth puts the notes after the last paragraph; set them aside so the byline is found, then append them.
  const notesLists = all(document, 'ol').filter((ol) => ol.querySelector('li[id^="footnote-"], li[id^="endnote-"]'));
  for (const ol of notesLists) ol.remove();
  const tables = flattenTables(document);

  const sanitized = sanitizeHtml(asHtmlNode(document.body ?? document));
  const items = toBodyItems(sanitized.blocks);
  const noteBlocks = notesLists.flatMap((ol) => toBodyItems(sanitizeHtml(asHtmlNode(ol)).blocks));

  if (tables) warnings.push(warning('tables_flattened', { count: tables }));
  if (footnotes) warnings.push(warning('footnotes_appended', { count: footnotes }));
  if (comments.length) warnings.push(warning('comments', { count: comments.length }));
  for (const c of comments) dropped.push(drop('word_comment', c.author ? `${c.author}: ${c.text}` : c.text));
  if (changes.insertions || changes.deletions) {
    warnings.push(warning('tracked_changes', { insertions: changes.insertions, deletions: changes.deletions }));
  }
  for (const text of changes.deletedText) dropped.push(drop('tracked_deletion', text));
  for (const url of external) dropped.push(drop('linked_image', url));
  if (sanitized.unsafeLinksDropped) warnings.push(warning('unsafe_links', { count: sanitized.unsafeLinksDropped }));
  for (const m of result.messages) {
    if (m.type === 'error' || /external|unrecognised|unrecognized/i.test(m.message)) {
      if (!/external image/i.test(m.message)) warnings.push(warning('word_message', { message: m.message.split('\n')[0]! }));
    }
  }

  const parsed = structureBody({ fileName, format: 'docx', encoding: null, items, images, altTexts, hints: {}, dropped, warnings });
  for (const note of noteBlocks) if (note.kind === 'block') parsed.blocks.push(note.node);
  progress?.('structure', 1);
  return parsed;
}
