import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api';
import type { Article, ArticleMeta, ArticleMetaPatch, ArticleStatus, ArticleSummary } from '../../../shared/article';
import { bylineNames, createDocument, documentFromStored, documentParts, documentToStored, type StoredDocument } from '../../../shared/document';
import { slugify } from '../../../shared/slug';
import { countWords } from '../../../shared/text';
import { toIsoWithOffset } from '../../../shared/dates';
import type { Node as PMNode } from 'prosemirror-model';

interface ArticleRow {
  id: string;
  slug: string;
  section: string;
  tags: string;
  status: string;
  dateline_place: string;
  agency_tag: string;
  language: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  length_target: string;
  doc_version: number;
  document: string;
  revision: number;
  headline: string;
  authors: string;
  word_count: number;
  deleted_at: string | null;
}

/** Facts derived from a document that the list and search need without parsing it. */
export interface DocumentDigest {
  headline: string;
  authors: string[];
  wordCount: number;
}

export function digestDocument(doc: PMNode): DocumentDigest {
  const { headline } = documentParts(doc);
  return { headline: headline.textContent, authors: bylineNames(doc), wordCount: countWords(doc.textBetween(0, doc.content.size, ' ', ' ')) };
}

function rowToMeta(row: ArticleRow): ArticleMeta {
  return {
    id: row.id,
    slug: row.slug,
    section: row.section,
    tags: JSON.parse(row.tags) as string[],
    status: row.status as ArticleStatus,
    datelinePlace: row.dateline_place,
    agencyTag: row.agency_tag,
    language: row.language,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    lengthTarget: JSON.parse(row.length_target) as ArticleMeta['lengthTarget'],
  };
}

function rowToSummary(row: Pick<ArticleRow, 'id' | 'slug' | 'headline' | 'status' | 'section' | 'authors' | 'updated_at' | 'word_count' | 'deleted_at'>): ArticleSummary {
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    status: row.status as ArticleStatus,
    section: row.section,
    authors: JSON.parse(row.authors) as string[],
    updatedAt: row.updated_at,
    wordCount: row.word_count,
    deleted: row.deleted_at !== null,
  };
}

/** Default length target for a new article, in chữ. */
export const DEFAULT_LENGTH_TARGET = { min: 600, max: 800, headlineMax: 20, leadMax: 60, captionMax: 40 };

/** Articles: metadata plus current document. Every write is one transaction. */
export class ArticleRepository {
  constructor(
    private readonly db: Database,
    private readonly now: () => string = () => toIsoWithOffset(new Date()),
  ) {}

  list(options: { status?: ArticleStatus; includeDeleted?: boolean; limit: number; offset: number }): { items: ArticleSummary[]; total: number } {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: options.limit, offset: options.offset };
    if (!options.includeDeleted) where.push('deleted_at IS NULL');
    if (options.status) {
      where.push('status = @status');
      params.status = options.status;
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const items = this.db
      .prepare(
        `SELECT id, slug, headline, status, section, authors, updated_at, word_count, deleted_at FROM articles ${clause} ORDER BY updated_at DESC, id LIMIT @limit OFFSET @offset`,
      )
      .all(params) as ArticleRow[];
    const total = (this.db.prepare(`SELECT count(*) AS n FROM articles ${clause}`).get(params) as { n: number }).n;
    return { items: items.map(rowToSummary), total };
  }

  get(id: string): Article {
    const row = this.db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
    if (!row) throw new ApiError('not_found', `No article with id ${id}.`);
    return { meta: rowToMeta(row), document: { version: row.doc_version, doc: JSON.parse(row.document) }, revision: row.revision };
  }

  create(input: { meta?: ArticleMetaPatch; document?: StoredDocument }): Article {
    const doc = input.document ? documentFromStored(input.document) : createDocument();
    const digest = digestDocument(doc);
    const now = this.now();
    const meta: ArticleMeta = {
      id: randomUUID(),
      slug: input.meta?.slug ?? slugify(digest.headline),
      section: input.meta?.section ?? '',
      tags: input.meta?.tags ?? [],
      status: input.meta?.status ?? 'draft',
      datelinePlace: input.meta?.datelinePlace ?? '',
      agencyTag: input.meta?.agencyTag ?? '',
      language: input.meta?.language ?? 'vi',
      createdAt: now,
      updatedAt: now,
      publishedAt: input.meta?.publishedAt ?? null,
      lengthTarget: input.meta?.lengthTarget ?? DEFAULT_LENGTH_TARGET,
    };
    const stored = documentToStored(doc);
    this.db
      .prepare(
        `INSERT INTO articles (id, slug, section, tags, status, dateline_place, agency_tag, language, created_at, updated_at, published_at, length_target, doc_version, document, revision, headline, authors, word_count)
         VALUES (@id, @slug, @section, @tags, @status, @datelinePlace, @agencyTag, @language, @createdAt, @updatedAt, @publishedAt, @lengthTarget, @docVersion, @document, 1, @headline, @authors, @wordCount)`,
      )
      .run({
        ...meta,
        tags: JSON.stringify(meta.tags),
        lengthTarget: JSON.stringify(meta.lengthTarget),
        docVersion: stored.version,
        document: JSON.stringify(stored.doc),
        headline: digest.headline,
        authors: JSON.stringify(digest.authors),
        wordCount: digest.wordCount,
      });
    return { meta, document: stored, revision: 1 };
  }

  /** Write document and/or metadata; returns the new revision number. */
  save(input: { id: string; baseRevision?: number; document?: StoredDocument; meta?: ArticleMetaPatch }): { revision: number; updatedAt: string; slug: string } {
    const doc = input.document ? documentFromStored(input.document) : undefined;
    const digest = doc ? digestDocument(doc) : undefined;
    const stored = doc ? documentToStored(doc) : undefined;
    return this.db
      .transaction(() => {
        const current = this.db.prepare('SELECT revision, slug, deleted_at FROM articles WHERE id = ?').get(input.id) as
          | Pick<ArticleRow, 'revision' | 'slug' | 'deleted_at'>
          | undefined;
        if (!current) throw new ApiError('not_found', `No article with id ${input.id}.`);
        if (input.baseRevision !== undefined && input.baseRevision !== current.revision) {
          throw new ApiError('conflict', `The article was changed elsewhere (revision ${current.revision}, you had ${input.baseRevision}).`);
        }
        const sets: string[] = ['updated_at = @updatedAt', 'revision = revision + 1'];
        const params: Record<string, unknown> = { id: input.id, updatedAt: this.now() };
        if (stored && digest) {
          sets.push('doc_version = @docVersion', 'document = @document', 'headline = @headline', 'authors = @authors', 'word_count = @wordCount');
          Object.assign(params, {
            docVersion: stored.version,
            document: JSON.stringify(stored.doc),
            headline: digest.headline,
            authors: JSON.stringify(digest.authors),
            wordCount: digest.wordCount,
          });
        }
        const m = input.meta ?? {};
        const columns: [keyof ArticleMetaPatch, string, (v: unknown) => unknown][] = [
          ['slug', 'slug', (v) => v],
          ['section', 'section', (v) => v],
          ['tags', 'tags', (v) => JSON.stringify(v)],
          ['status', 'status', (v) => v],
          ['datelinePlace', 'dateline_place', (v) => v],
          ['agencyTag', 'agency_tag', (v) => v],
          ['language', 'language', (v) => v],
          ['publishedAt', 'published_at', (v) => v],
          ['lengthTarget', 'length_target', (v) => JSON.stringify(v)],
        ];
        for (const [key, column, encode] of columns) {
          if (m[key] === undefined) continue;
          sets.push(`${column} = @${key}`);
          params[key] = encode(m[key]);
        }
        this.db.prepare(`UPDATE articles SET ${sets.join(', ')} WHERE id = @id`).run(params);
        return { revision: current.revision + 1, updatedAt: params.updatedAt as string, slug: (m.slug as string | undefined) ?? current.slug };
      })
      .immediate();
  }

  setDeleted(id: string, deleted: boolean): void {
    const result = this.db
      .prepare('UPDATE articles SET deleted_at = @deletedAt WHERE id = @id')
      .run({ id, deletedAt: deleted ? this.now() : null });
    if (result.changes === 0) throw new ApiError('not_found', `No article with id ${id}.`);
  }
}
