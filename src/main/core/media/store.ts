import { readFile, stat } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { MEDIA_ID_PATTERN, type MediaDescription, type MediaFormat, type MediaInfo } from '../../../shared/media';
import type { PrivateMetadata } from './metadata';
import { writeFileDurably } from '../durable-write';

/**
 * The content-addressed media store. Files live in a folder beside the database
 * (`newsroom.db` → `newsroom.db-media/`), named by the SHA-256 of their bytes:
 *
 *     originals/ab/abcdef…      the file exactly as imported, never rewritten
 *     previews/ab/abcdef…       the cached editor preview (long edge ≤ 1600 px)
 *
 * The `media` table indexes them with size, format and the photographer's metadata.
 */

interface MediaRow {
  id: string;
  format: string;
  mime_type: string;
  width: number;
  height: number;
  byte_size: number;
  file_name: string;
  created_at: string;
  description: string;
  private_metadata: string;
  preview_mime: string | null;
}

export interface NewMedia {
  id: string;
  format: MediaFormat;
  mimeType: string;
  width: number;
  height: number;
  byteSize: number;
  fileName: string;
  createdAt: string;
  description: MediaDescription;
  privateMetadata: PrivateMetadata;
  previewMime: string;
}

/** The media folder that belongs to a database file; a throw-away folder for in-memory databases. */
export function mediaDirFor(databasePath: string): string {
  if (databasePath === ':memory:' || databasePath === '') return mkdtempSync(join(tmpdir(), 'newsroom-media-'));
  return join(dirname(databasePath), `${basename(databasePath)}-media`);
}

export class MediaStore {
  constructor(
    private readonly db: Database,
    readonly dir: string,
  ) {}

  private path(kind: 'originals' | 'previews', id: string): string {
    if (!MEDIA_ID_PATTERN.test(id)) throw new Error(`invalid media id ${id.slice(0, 80)}`);
    return join(this.dir, kind, id.slice(0, 2), id);
  }

  originalPath(id: string): string {
    return this.path('originals', id);
  }

  has(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM media WHERE id = ?').get(id) !== undefined;
  }

  /**
   * Store a new photo: original, preview, then the row. The row comes last, so a crash
   * part-way leaves at most an unreferenced file, never a row without its file.
   */
  add(media: NewMedia, original: Uint8Array, preview: Uint8Array): void {
    writeFileDurably(this.originalPath(media.id), original);
    writeFileDurably(this.path('previews', media.id), preview);
    this.db
      .prepare(
        `INSERT OR IGNORE INTO media (id, format, mime_type, width, height, byte_size, file_name, created_at, description, private_metadata, preview_mime)
         VALUES (@id, @format, @mimeType, @width, @height, @byteSize, @fileName, @createdAt, @description, @privateMetadata, @previewMime)`,
      )
      .run({ ...media, description: JSON.stringify(media.description), privateMetadata: JSON.stringify(media.privateMetadata) });
  }

  /** Replace a missing or damaged cached preview. */
  putPreview(id: string, preview: Uint8Array, mimeType: string): void {
    writeFileDurably(this.path('previews', id), preview);
    this.db.prepare('UPDATE media SET preview_mime = ? WHERE id = ?').run(mimeType, id);
  }

  get(id: string): MediaInfo | null {
    if (!MEDIA_ID_PATTERN.test(id)) return null;
    const row = this.db.prepare('SELECT * FROM media WHERE id = ?').get(id) as MediaRow | undefined;
    return row ? rowToInfo(row) : null;
  }

  /** The local-only metadata (GPS, serial numbers). Never sent to the UI, never exported. */
  privateMetadata(id: string): PrivateMetadata | null {
    const row = this.db.prepare('SELECT private_metadata FROM media WHERE id = ?').get(id) as Pick<MediaRow, 'private_metadata'> | undefined;
    return row ? (JSON.parse(row.private_metadata) as PrivateMetadata) : null;
  }

  previewMime(id: string): string | null {
    const row = this.db.prepare('SELECT preview_mime FROM media WHERE id = ?').get(id) as Pick<MediaRow, 'preview_mime'> | undefined;
    return row?.preview_mime ?? null;
  }

  async readOriginal(id: string): Promise<Buffer | null> {
    return readIfFile(this.originalPath(id));
  }

  async readPreview(id: string): Promise<Buffer | null> {
    return readIfFile(this.path('previews', id));
  }
}

async function readIfFile(path: string): Promise<Buffer | null> {
  try {
    if (!(await stat(path)).isFile()) return null;
    return await readFile(path);
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return null;
    throw err;
  }
}

function rowToInfo(row: MediaRow): MediaInfo {
  const privateData = JSON.parse(row.private_metadata) as PrivateMetadata;
  return {
    id: row.id,
    format: row.format as MediaFormat,
    mimeType: row.mime_type,
    width: row.width,
    height: row.height,
    byteSize: row.byte_size,
    fileName: row.file_name,
    createdAt: row.created_at,
    description: JSON.parse(row.description) as MediaDescription,
    hasLocation: privateData.location !== undefined,
    hasSerialNumber: privateData.serialNumbers !== undefined && Object.keys(privateData.serialNumbers).length > 0,
  };
}
