import type { Database } from 'better-sqlite3';
import type { EncodedImage, RenditionCache, RenditionFormat } from './renditions';

/**
 * Encoded renditions kept in the database (`export_renditions`), so re-exporting an
 * unchanged photo copies bytes instead of running sharp, across runs and folders.
 */
export class SqliteRenditionCache implements RenditionCache {
  constructor(private readonly db: Database) {}

  get(key: string): EncodedImage | undefined {
    const row = this.db.prepare('SELECT width, height, format, bytes FROM export_renditions WHERE key = ?').get(key) as
      | { width: number; height: number; format: RenditionFormat; bytes: Buffer }
      | undefined;
    return row ? { width: row.width, height: row.height, format: row.format, bytes: row.bytes } : undefined;
  }

  put(key: string, image: EncodedImage): void {
    this.db
      .prepare('INSERT OR REPLACE INTO export_renditions (key, width, height, format, bytes) VALUES (?, ?, ?, ?, ?)')
      .run(key, image.width, image.height, image.format, image.bytes);
  }
}
