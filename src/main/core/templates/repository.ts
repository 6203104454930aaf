import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { ApiError } from '../../../shared/api';
import type { StoredDocument } from '../../../shared/document';
import { validatedDocument } from '../../../shared/document';
import { ArticleTemplate, TemplatePreset } from '../../../shared/templates';

const TemplateRow = z.object({
  id: z.string(),
  name: z.string(),
  document: z.string(),
  meta: z.string(),
  updated_at: z.string(),
});

function fromRow(raw: unknown): ArticleTemplate {
  const row = TemplateRow.parse(raw);
  return ArticleTemplate.parse({
    id: row.id,
    name: row.name,
    preset: TemplatePreset.parse(JSON.parse(row.meta)),
    document: validatedDocument(JSON.parse(row.document) as StoredDocument),
    updatedAt: row.updated_at,
  });
}

/** The `article_templates` table: rows in, checked templates out. */
export class TemplateRepository {
  constructor(
    private readonly db: Database,
    private readonly now: () => string,
  ) {}

  list(): ArticleTemplate[] {
    return this.db.prepare('SELECT id, name, document, meta, updated_at FROM article_templates ORDER BY position, name').all().map(fromRow);
  }

  get(id: string): ArticleTemplate {
    const row = this.db.prepare('SELECT id, name, document, meta, updated_at FROM article_templates WHERE id = ?').get(id);
    if (row === undefined) throw new ApiError('not_found', 'This template no longer exists; it may have been deleted. Choose another one.');
    return fromRow(row);
  }

  create(input: { name: string; preset: TemplatePreset; document: StoredDocument }): ArticleTemplate {
    const id = randomUUID();
    const now = this.now();
    this.db
      .prepare(
        `INSERT INTO article_templates (id, name, document, meta, position, created_at, updated_at)
         VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(position), -1) + 1 FROM article_templates), ?, ?)`,
      )
      .run(id, input.name, JSON.stringify(input.document), JSON.stringify(input.preset), now, now);
    return this.get(id);
  }

  update(id: string, input: { name: string; preset: TemplatePreset; document?: StoredDocument }): ArticleTemplate {
    const current = this.get(id);
    this.db
      .prepare('UPDATE article_templates SET name = ?, meta = ?, document = ?, updated_at = ? WHERE id = ?')
      .run(input.name, JSON.stringify(input.preset), JSON.stringify(input.document ?? current.document), this.now(), id);
    return this.get(id);
  }

  delete(id: string): void {
    this.get(id);
    this.db.prepare('DELETE FROM article_templates WHERE id = ?').run(id);
  }
}
