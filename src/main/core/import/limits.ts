/**
 * Size limits for imported files. A real article is a few hundred KB of text; a
 * long Word file with photos a few tens of MB. Anything bigger is refused before
 * it is read into memory.
 */
export const IMPORT_LIMITS = {
  /** Plain text and HTML files. */
  textBytes: 10 * 1024 * 1024,
  /** A .docx file as stored on disk (photos included). */
  docxBytes: 64 * 1024 * 1024,
  /** Sum of the uncompressed sizes of every entry in a .docx. */
  docxUncompressedBytes: 256 * 1024 * 1024,
  /** One uncompressed .docx entry (document.xml of a 300-page file is a few MB). */
  docxEntryBytes: 128 * 1024 * 1024,
  /** Entries in a .docx; real documents have a few dozen, plus one per photo. */
  docxEntries: 5000,
  /** Uncompressed/compressed ratio above which a .docx entry is taken for a zip bomb. */
  docxMaxRatio: 200,
  /** An image file in a story folder. */
  imageBytes: 50 * 1024 * 1024,
  /** Files in one story folder. */
  folderFiles: 200,
} as const;

export const formatBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`;
