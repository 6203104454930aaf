import { dropped as drop } from '../../../shared/import-report';
import { decodeText } from './decode';
import { readDocx, type DocxProgress } from './docx';
import { ImportError } from './errors';
import { readHtml } from './html';
import { formatBytes, IMPORT_LIMITS } from './limits';
import type { ImportImage, ParsedArticle } from './parsed';
import { describePhotos } from './photos';
import { readPlainText } from './plain-text';
import { hasMarkup, refuseNonArticle } from './not-article';
import { fillFigures, folderImage, planStoryFolder, type FolderFile } from './story-folder';

/** What the user handed over: one file, or a story folder with its files. */
export type ImportSource = { kind: 'file'; name: string; bytes: Uint8Array } | { kind: 'folder'; name: string; files: FolderFile[] };

export type ArticleFormat = 'text' | 'docx' | 'html';

const extension = (name: string) => /\.[^./\\]+$/.exec(name.toLowerCase())?.[0] ?? '';

/** Formats we know by name but cannot read, with what to do instead. */
const REFUSED_EXTENSIONS: Record<string, string> = {
  '.doc': 'old Word .doc files cannot be imported; open it in Word and save it as .docx',
  '.rtf': 'RTF files cannot be imported; save it as .docx or plain text',
  '.odt': 'OpenDocument files cannot be imported; save it as .docx',
  '.pdf': 'PDF files cannot be imported; copy the text into a .txt or .docx file',
  '.pages': 'Pages files cannot be imported; export it as .docx',
};

/** A clipboard-saved page: Windows' `Version:0.9 StartHTML:…` header before the markup. */
const CLIPBOARD_HTML = /^version:\d+(\.\d+)?\s+starthtml:/;
/** A fragment of a page saved as text: it opens with a block or meta tag. */
const FRAGMENT_START = /^<(p|div|meta|h[1-6]|article|section|span|b|strong|table|ul|ol|blockquote|figure|!--)[\s>]/;

/** Which reader a file needs: by extension, then by its first bytes. */
export function detectFormat(name: string, bytes: Uint8Array): ArticleFormat {
  const ext = extension(name);
  const refused = REFUSED_EXTENSIONS[ext];
  if (refused) throw new ImportError(`${name}: ${refused}. Nothing was imported.`, 'unsupported');
  if (ext === '.docx') return 'docx';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    if (ext === '.txt' || ext === '.text') throw new ImportError(`${name} is named like a text file but is a zip archive; nothing was imported.`, 'binary');
    return 'docx';
  }
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if ((ext === '' || ext === '.txt') && (head.startsWith('<!doctype html') || head.startsWith('<html') || CLIPBOARD_HTML.test(head) || FRAGMENT_START.test(head))) return 'html';
  return 'text';
}

/** Refuse a file by its size before it is read into memory (CLI and app both call this first). */
export function checkSize(name: string, size: number): void {
  if (size === 0) throw new ImportError(`${name} is empty; nothing was imported.`, 'empty');
  const ext = extension(name);
  const limit = ext === '.docx' ? IMPORT_LIMITS.docxBytes : IMPORT_LIMITS.textBytes;
  if (size > limit) {
    throw new ImportError(`${name} is ${formatBytes(size)}; ${ext === '.docx' ? 'Word files' : 'text and web pages'} up to ${formatBytes(limit)} can be imported. Nothing was imported.`, 'too_large');
  }
}

/** What a story folder tells the reader of its article file. */
interface FolderContext {
  /** The web page's photos by the name it refers to them with. */
  localImages: (src: string) => ImportImage | null;
  /** The folder holds photos: caption-shaped lines in a text file are captions. */
  photosPresent: boolean;
}

async function readArticleFile(name: string, bytes: Uint8Array, folder?: FolderContext, progress?: DocxProgress): Promise<ParsedArticle> {
  checkSize(name, bytes.length);
  const format = detectFormat(name, bytes);
  if (format === 'docx') return readDocx(bytes, name, progress);
  const { text, encoding } = decodeText(bytes, name);
  if (!text.trim()) throw new ImportError(`${name} holds no text; nothing was imported.`, 'empty');
  refuseNonArticle(name, text);
  // A ".html" file without a single tag is text that was named like a page.
  if (format === 'html' && hasMarkup(text)) return readHtml(text, name, encoding, folder?.localImages);
  return readPlainText(text, name, encoding, { photosPresent: folder?.photosPresent ?? false });
}


/**
 * Read one file or story folder into a parsed article, ready for review. Nothing
 * is written: the commit does that, all at once.
 */
export async function readSource(source: ImportSource, progress?: DocxProgress): Promise<ParsedArticle> {
  if (source.kind === 'file') return describePhotos(await readArticleFile(source.name, source.bytes, undefined, progress));

  const plan = planStoryFolder(source.files, source.name);
  const photos = plan.images.map(folderImage);
  const byName = new Map(photos.map((p) => [p.name.toLowerCase(), p]));
  // A saved web page refers to its photos by (relative) path: match them by file name.
  const localImages = (src: string) => byName.get(decodeURIComponent(src.split(/[?#]/)[0]!.split('/').pop() ?? '').toLowerCase()) ?? null;
  const articleName = plan.article.path.split('/').pop() ?? plan.article.path;
  let parsed = await readArticleFile(articleName, plan.article.bytes, { localImages, photosPresent: photos.length > 0 }, progress);
  parsed = fillFigures(parsed, photos);
  parsed = {
    ...parsed,
    fileName: `${source.name}/${articleName}`,
    dropped: [...parsed.dropped, ...plan.ignored.map((path) => drop('folder_file', path))],
  };
  return describePhotos(parsed);
}
