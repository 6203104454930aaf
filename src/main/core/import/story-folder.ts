import { IMAGE_EXTENSIONS as PHOTO_EXTENSIONS } from '../../../shared/bridge';
import { schema } from '../../../shared/schema';
import { ImportError } from './errors';
import { IMPORT_LIMITS } from './limits';
import type { ImportImage, ParsedArticle } from './parsed';

/** One file of a story folder, with its path relative to the folder. */
export interface FolderFile {
  path: string;
  bytes: Uint8Array;
}

export const ARTICLE_EXTENSIONS = ['.txt', '.text', '.docx', '.html', '.htm'];
export const IMAGE_EXTENSIONS = PHOTO_EXTENSIONS.map((e) => `.${e}`);
/** Files operating systems leave in folders; ignored without a word. */
const SYSTEM_FILES = /(^|\/)(\.[^/]*|Thumbs\.db|desktop\.ini|__MACOSX\/.*)$/i;

const extension = (path: string) => /\.[^./]+$/.exec(path.toLowerCase())?.[0] ?? '';
const baseName = (path: string) => path.split('/').pop() ?? path;

/** File-name order as a person reads it: `anh2.jpg` before `anh10.jpg`. */
export const byFileName = (a: string, b: string): number =>
  baseName(a).localeCompare(baseName(b), 'vi', { numeric: true, sensitivity: 'base' }) || a.localeCompare(b);

export interface StoryFolderPlan {
  article: FolderFile;
  /** Photos in file-name order. */
  images: FolderFile[];
  /** Other files, listed in the report. */
  ignored: string[];
}

/** Pick the one article file and the photos out of a story folder. */
export function planStoryFolder(files: FolderFile[], folderName: string): StoryFolderPlan {
  const visible = files.filter((f) => !SYSTEM_FILES.test(f.path));
  if (visible.length > IMPORT_LIMITS.folderFiles) {
    throw new ImportError(`The folder ${folderName} holds ${visible.length} files; a story folder has one article and its photos (at most ${IMPORT_LIMITS.folderFiles} files).`, 'folder');
  }
  const articles = visible.filter((f) => ARTICLE_EXTENSIONS.includes(extension(f.path)));
  if (articles.length === 0) {
    throw new ImportError(`The folder ${folderName} has no text, Word or HTML file to import.`, 'folder');
  }
  if (articles.length > 1) {
    throw new ImportError(
      `The folder ${folderName} holds ${articles.length} article files (${articles.map((a) => baseName(a.path)).join(', ')}); a story folder has exactly one. Import them one by one instead.`,
      'folder',
    );
  }
  const images = visible.filter((f) => IMAGE_EXTENSIONS.includes(extension(f.path))).sort((a, b) => byFileName(a.path, b.path));
  const ignored = visible.filter((f) => f !== articles[0] && !images.includes(f)).map((f) => f.path);
  return { article: articles[0]!, images, ignored };
}

export function folderImage(file: FolderFile): ImportImage {
  return { name: baseName(file.path), bytes: file.bytes, contentType: '' };
}

/**
 * Put the folder's photos into the article: first into the caption placeholders
 * found in the text, in file-name order; photos left over become figures at the
 * end of the body. Photos the article already uses (a web page naming them) are skipped.
 */
export function fillFigures(parsed: ParsedArticle, photos: ImportImage[]): ParsedArticle {
  const used = new Set(parsed.figures.map((f) => f.image?.name).filter(Boolean));
  const queue = photos.filter((p) => !used.has(p.name));
  if (photos.length && photos.some((p) => p.bytes.length > IMPORT_LIMITS.imageBytes)) {
    const big = photos.find((p) => p.bytes.length > IMPORT_LIMITS.imageBytes)!;
    throw new ImportError(`${big.name} is larger than a photo for an article can be; nothing was imported.`, 'too_large');
  }
  const figures = parsed.figures.map((f) => ({ ...f }));
  for (const figure of figures) {
    if (!queue.length) break;
    if (!figure.image) figure.image = queue.shift()!;
  }
  const blocks = [...parsed.blocks];
  for (const photo of queue) {
    figures.push({ caption: [], credit: '', alt: '', image: photo });
    blocks.push(schema.node('figure', { mediaId: null, alt: '' }, [schema.node('caption'), schema.node('credit')]));
  }
  return { ...parsed, figures, blocks };
}
