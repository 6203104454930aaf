import { createHash, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api';
import { documentToStored } from '../../../shared/document';
import type { ImportFields, ImportPreviewItem, ImportReport } from '../../../shared/import-report';
import { toIsoWithOffset } from '../../../shared/dates';
import type { ArticleRepository } from '../store/articles';
import type { MediaStore } from '../media/store';
import { importMediaBytes } from '../media/import';
import { ImportError } from './errors';
import { applyFields, assemble, type ParsedArticle } from './parsed';
import { readSource, type ImportSource } from './read';
import type { DocxProgress } from './docx';

/** A read file waiting on the review screen. */
interface PendingImport {
  parsed: ParsedArticle;
  original: { name: string; bytes: Uint8Array; mediaType: string };
  createdAt: number;
}

/** Reviews left open longer than this are forgotten (the user re-imports the file). */
const PENDING_TTL_MS = 2 * 60 * 60 * 1000;
/** At most this many files, and this many bytes, wait for review at once; the oldest are forgotten first. */
const MAX_PENDING = 300;
const MAX_PENDING_BYTES = 768 * 1024 * 1024;

const pendingBytes = (p: PendingImport) =>
  p.original.bytes.length + p.parsed.figures.reduce((n, f) => n + (f.image?.bytes.length ?? 0) + (f.image?.checked?.preview.bytes.length ?? 0), 0);

const MEDIA_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  text: 'text/plain',
};

export interface CommittedImport {
  articleId: string;
  revisionName: string;
  report: ImportReport;
  mediaIds: string[];
}

/** The name of the revision an import creates. */
export const importRevisionName = (fileName: string): string => `imported from ${fileName}`;

/**
 * Import in two steps: `preview` reads files and remembers what it recognised;
 * `commit` applies the user's corrections and creates the draft article, its named
 * revision, the photos and the original as an attachment, all or nothing per file.
 */
export class ImportService {
  private readonly pending = new Map<string, PendingImport>();

  constructor(
    private readonly db: Database,
    /** The core's article repository and media store (the core is built around this service). */
    private readonly stores: () => { articles: ArticleRepository; media: MediaStore },
    private readonly now: () => number = Date.now,
  ) {}

  /** Read each source; a refused file becomes an item with its error, never a failed batch. */
  async preview(sources: ImportSource[], progress?: (name: string, ...rest: Parameters<DocxProgress>) => void): Promise<ImportPreviewItem[]> {
    this.expire();
    const items: ImportPreviewItem[] = [];
    for (const source of sources) {
      try {
        const parsed = await readSource(source, progress && ((stage, fraction) => progress(source.name, stage, fraction)));
        const importId = randomUUID();
        this.pending.set(importId, { parsed, original: originalOf(source, parsed), createdAt: this.now() });
        items.push({ importId, name: source.name, report: assemble(parsed).report, error: null });
      } catch (err) {
        if (!(err instanceof ImportError)) throw err;
        items.push({ importId: null, name: source.name, report: null, error: err.message });
      }
    }
    let bytes = [...this.pending.values()].reduce((n, p) => n + pendingBytes(p), 0);
    while (this.pending.size > MAX_PENDING || (this.pending.size > 1 && bytes > MAX_PENDING_BYTES)) {
      const [oldest, p] = this.pending.entries().next().value!;
      bytes -= pendingBytes(p);
      this.pending.delete(oldest);
    }
    return items;
  }

  /** The report with the user's corrections applied, without creating anything. */
  revise(importId: string, fields: ImportFields): ImportReport {
    return assemble(applyFields(this.take(importId, false).parsed, fields)).report;
  }

  /** The article a pending import would create (document and details), for checks such as proofing; nothing is created. */
  draft(importId: string, fields: ImportFields = {}): Pick<ReturnType<typeof assemble>, 'document' | 'meta'> {
    const { document, meta } = assemble(applyFields(this.take(importId, false).parsed, fields));
    return { document, meta };
  }

  /** Drop a pending import the user decided not to create. */
  discard(importId: string): void {
    this.pending.delete(importId);
  }

  /** Create the article. Photos go to the media store first (content-addressed, so a retry reuses them). */
  async commit(importId: string, fields: ImportFields = {}): Promise<CommittedImport> {
    const pending = this.take(importId, false);
    const parsed = applyFields(pending.parsed, fields);
    const mediaIds: (string | null)[] = [];
    for (const figure of parsed.figures) {
      mediaIds.push(figure.image ? (await importMediaBytes(this.stores().media, figure.image.bytes, figure.image.name, { checked: figure.image.checked })).media.id : null);
    }
    const { document, meta, report } = assemble(parsed, mediaIds);
    const revisionName = importRevisionName(parsed.fileName);
    const articleId = this.db
      .transaction(() => {
        const article = this.stores().articles.create({ meta, document: documentToStored(document), reason: 'import' });
        const revision = this.db.prepare('SELECT id FROM revisions WHERE article_id = ? ORDER BY id DESC LIMIT 1').get(article.meta.id) as { id: number } | undefined;
        const at = toIsoWithOffset(new Date(this.now()));
        const attachment = this.db
          .prepare(
            `INSERT INTO attachments (article_id, file_name, media_type, byte_size, sha256, purpose, created_at, data)
             VALUES (?, ?, ?, ?, ?, 'import-original', ?, ?)`,
          )
          .run(
            article.meta.id,
            pending.original.name,
            pending.original.mediaType,
            pending.original.bytes.length,
            createHash('sha256').update(pending.original.bytes).digest('hex'),
            at,
            Buffer.from(pending.original.bytes.buffer, pending.original.bytes.byteOffset, pending.original.bytes.byteLength),
          );
        this.db
          .prepare(
            `INSERT INTO article_imports (article_id, revision_id, revision_name, file_name, format, encoding, attachment_id, imported_at, report)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(article.meta.id, revision?.id ?? null, revisionName, report.fileName, report.format, report.encoding, Number(attachment.lastInsertRowid), at, JSON.stringify(report));
        return article.meta.id;
      })
      .immediate();
    this.pending.delete(importId);
    return { articleId, revisionName, report, mediaIds: mediaIds.filter((m): m is string => !!m) };
  }

  /** Name of the revision an article's import created, or null when it was not imported. */
  revisionNameFor(articleId: string): string | null {
    const row = this.db.prepare('SELECT revision_name FROM article_imports WHERE article_id = ? ORDER BY id LIMIT 1').get(articleId) as { revision_name: string } | undefined;
    return row?.revision_name ?? null;
  }

  /** The original file kept with an imported article. */
  original(articleId: string): { fileName: string; mediaType: string; data: Buffer } | null {
    const row = this.db
      .prepare("SELECT file_name, media_type, data FROM attachments WHERE article_id = ? AND purpose = 'import-original' ORDER BY id LIMIT 1")
      .get(articleId) as { file_name: string; media_type: string; data: Buffer } | undefined;
    return row ? { fileName: row.file_name, mediaType: row.media_type, data: row.data } : null;
  }

  private take(importId: string, remove: boolean): PendingImport {
    this.expire();
    const pending = this.pending.get(importId);
    if (!pending) throw new ApiError('not_found', 'This import is no longer waiting for review; import the file again.');
    if (remove) this.pending.delete(importId);
    return pending;
  }

  private expire(): void {
    const limit = this.now() - PENDING_TTL_MS;
    for (const [id, p] of this.pending) if (p.createdAt < limit) this.pending.delete(id);
  }
}

function originalOf(source: ImportSource, parsed: ParsedArticle): PendingImport['original'] {
  const mediaType = MEDIA_TYPES[parsed.format] ?? 'application/octet-stream';
  if (source.kind === 'file') return { name: source.name, bytes: source.bytes, mediaType };
  const articleName = parsed.fileName.split('/').pop() ?? parsed.fileName;
  const file = source.files.find((f) => (f.path.split('/').pop() ?? f.path) === articleName);
  return { name: articleName, bytes: file?.bytes ?? new Uint8Array(0), mediaType };
}
