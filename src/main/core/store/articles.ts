import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api';
import { DEFAULT_LENGTH_TARGET, type Article, type ArticleMeta, type ArticleMetaPatch, type ArticleStatus, type ArticleSummary } from '../../../shared/article';
import { bylineNames, createDocument, documentFromStored, documentParts, documentToStored, type StoredDocument } from '../../../shared/document';
import { slugify } from '../../../shared/slug';
import { toIsoWithOffset } from '../../../shared/dates';
import { countWords } from '../../../shared/text';
import type { Node as PMNode } from 'prosemirror-model';
import type { Revision, RevisionReason, RevisionSummary } from '../../../shared/revisions';
import { SearchIndex } from '../search/search-index';
import { mediaIdsOf } from './media-refs';
import { defaultProfileName } from './profile';
import { RevisionStore } from './revisions';
import { assertDocumentFits } from './document-size';

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
  /** Added by migration 0005 (photos). */
  featured_media_id?: string | null;
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
    featuredMediaId: row.featured_media_id ?? null,
  };
}

/** The columns an {@link ArticleSummary} is built from. */
export type SummaryRow = Pick<ArticleRow, 'id' | 'slug' | 'headline' | 'status' | 'section' | 'authors' | 'updated_at' | 'word_count' | 'deleted_at'>;

export function rowToSummary(row: SummaryRow): ArticleSummary {
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

export interface RepositoryOptions {
  /** Clock, as ISO 8601 with offset (tests pass a fake one). */
  now?: () => string;
  /** Who is writing: recorded on every revision. Defaults to the OS user name. */
  author?: () => string;
  /** The search index to keep in step; one is created when absent. */
  search?: SearchIndex;
}

/** Saves as the editor sends them: 'autosave' while typing, 'save' when the user asks. */
export type SaveReason = 'autosave' | 'save';

export interface SaveResult {
  revision: number;
  updatedAt: string;
  slug: string;
}

/** Why a save or a new article may not carry a status: the workflow owns it. */
export const STATUS_ONLY_THROUGH_WORKFLOW =
  'The status cannot be changed by saving the article; use changeStatus, which applies the workflow rules, logs the change and records a revision.';
export const NEW_ARTICLES_ARE_DRAFTS = 'A new article starts as a draft; move it through the workflow with changeStatus.';

/**
 * Articles: metadata plus current document, their revision history and the search
 * index markers. Every write is one IMMEDIATE transaction (so a second process waits
 * its turn for the write lock instead of failing half-way).
 */
export class ArticleRepository {
  private readonly now: () => string;
  private readonly author: () => string;
  readonly search: SearchIndex;
  readonly revisions: RevisionStore;
  /**
   * List totals by filter. Counting 100,000 rows costs more than reading a page, and
   * totals change only when articles are created, binned, restored or change status:
   * those writes clear the cache here, and `PRAGMA data_version` tells us when another
   * process has written.
   */
  private readonly totals = new Map<string, number>();
  private totalsVersion = -1;

  constructor(
    private readonly db: Database,
    options: RepositoryOptions | (() => string) = {},
  ) {
    const o = typeof options === 'function' ? { now: options } : options;
    this.now = o.now ?? (() => toIsoWithOffset(new Date()));
    const profile = defaultProfileName();
    this.author = o.author ?? (() => profile);
    this.search = o.search ?? new SearchIndex(db);
    this.revisions = new RevisionStore(db);
  }

  /** Snapshot the article as it now stands in the table. Call inside the writing transaction. */
  private snapshot(id: string, reason: RevisionReason, restoredFrom: number | null = null): number {
    const row = this.db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow & { media_ids: string };
    const m = rowToMeta(row);
    const meta: ArticleMetaPatch = {
      slug: m.slug,
      section: m.section,
      tags: m.tags,
      status: m.status,
      datelinePlace: m.datelinePlace,
      agencyTag: m.agencyTag,
      language: m.language,
      publishedAt: m.publishedAt,
      lengthTarget: m.lengthTarget,
    };
    return this.revisions.record({
      articleId: id,
      articleRevision: row.revision,
      createdAt: row.updated_at,
      author: this.author(),
      reason,
      restoredFrom,
      meta,
      headline: row.headline,
      wordCount: row.word_count,
      docVersion: row.doc_version,
      documentJson: row.document,
      mediaIds: JSON.parse(row.media_ids) as string[],
    });
  }

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
    const dataVersion = this.db.pragma('data_version', { simple: true }) as number;
    if (dataVersion !== this.totalsVersion) {
      this.totals.clear();
      this.totalsVersion = dataVersion;
    }
    const key = `${options.status ?? ''}|${options.includeDeleted ? 1 : 0}`;
    let total = this.totals.get(key);
    if (total === undefined) {
      total = (this.db.prepare(`SELECT count(*) AS n FROM articles ${clause}`).get(params) as { n: number }).n;
      this.totals.set(key, total);
    }
    return { items: items.map(rowToSummary), total };
  }

  get(id: string): Article {
    const row = this.db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
    if (!row) throw new ApiError('not_found', `No article with id ${id}.`);
    return { meta: rowToMeta(row), document: { version: row.doc_version, doc: JSON.parse(row.document) }, revision: row.revision };
  }

  /** Create an article and its first revision ('create', or 'import' for imported files). */
  create(input: { meta?: ArticleMetaPatch; document?: StoredDocument; reason?: 'create' | 'import' }): Article {
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
      lengthTarget: input.meta?.lengthTarget ?? { ...DEFAULT_LENGTH_TARGET },
    };
    const stored = documentToStored(doc);
    const documentJson = JSON.stringify(stored.doc);
    assertDocumentFits(documentJson);
    const insert = () => this.db
      .prepare(
        `INSERT INTO articles (id, slug, section, tags, status, dateline_place, agency_tag, language, created_at, updated_at, published_at, length_target, doc_version, document, revision, headline, authors, word_count, media_ids)
         VALUES (@id, @slug, @section, @tags, @status, @datelinePlace, @agencyTag, @language, @createdAt, @updatedAt, @publishedAt, @lengthTarget, @docVersion, @document, 1, @headline, @authors, @wordCount, @mediaIds)`,
      )
      .run({
        ...meta,
        tags: JSON.stringify(meta.tags),
        lengthTarget: JSON.stringify(meta.lengthTarget),
        docVersion: stored.version,
        document: documentJson,
        headline: digest.headline,
        authors: JSON.stringify(digest.authors),
        wordCount: digest.wordCount,
        mediaIds: JSON.stringify(mediaIdsOf(doc)),
      });
    this.totals.clear();
    this.db
      .transaction(() => {
        insert();
        this.snapshot(meta.id, input.reason ?? 'create');
        this.search.markDirty(meta.id);
      })
      .immediate();
    this.search.scheduleFlush();
    return { meta, document: stored, revision: 1 };
  }

  /**
   * Create an article as a client asks for one: it starts as a draft. The workflow
   * moves it on ({@link setStatus} through `changeStatus`); imports and handoff
   * packages, which bring their own status, write through {@link create} and unpack.
   */
  createDraft(input: { meta?: ArticleMetaPatch; document?: StoredDocument; reason?: 'create' | 'import' }): Article {
    if (input.meta?.status !== undefined && input.meta.status !== 'draft') throw new ApiError('invalid_input', NEW_ARTICLES_ARE_DRAFTS);
    return this.create(input);
  }

  /**
   * Write document and/or metadata in one transaction; returns the new revision number.
   * A revision is recorded for an explicit save and for an autosave when the newest
   * revision is at least five minutes old. The status is not metadata a save may
   * carry: it changes only through the workflow ({@link setStatus}).
   */
  save(input: { id: string; baseRevision?: number; document?: StoredDocument; meta?: ArticleMetaPatch; reason?: SaveReason }): SaveResult {
    if (input.meta?.status !== undefined) throw new ApiError('invalid_input', STATUS_ONLY_THROUGH_WORKFLOW);
    return this.write(input);
  }

  /**
   * Move the article to another workflow state (with its publish time, when given)
   * and record a 'status' revision. Only the workflow calls this, inside the
   * transaction that also logs the transition (ReviewService.changeStatus).
   */
  setStatus(input: { id: string; status: ArticleStatus; publishedAt?: string | null; baseRevision?: number }): SaveResult {
    const meta: ArticleMetaPatch = { status: input.status };
    if (input.publishedAt !== undefined) meta.publishedAt = input.publishedAt;
    return this.write({ id: input.id, baseRevision: input.baseRevision, meta });
  }

  private write(input: { id: string; baseRevision?: number; document?: StoredDocument; meta?: ArticleMetaPatch; reason?: SaveReason }): SaveResult {
    const doc = input.document ? documentFromStored(input.document) : undefined;
    const digest = doc ? digestDocument(doc) : undefined;
    const stored = doc ? documentToStored(doc) : undefined;
    const documentJson = stored ? JSON.stringify(stored.doc) : undefined;
    if (documentJson !== undefined) assertDocumentFits(documentJson);
    const mediaIds = doc ? JSON.stringify(mediaIdsOf(doc)) : undefined;
    const result = this.db
      .transaction(() => {
        const current = this.db.prepare('SELECT revision, slug, status, deleted_at FROM articles WHERE id = ?').get(input.id) as
          | Pick<ArticleRow, 'revision' | 'slug' | 'status' | 'deleted_at'>
          | undefined;
        if (!current) throw new ApiError('not_found', `No article with id ${input.id}.`);
        if (input.baseRevision !== undefined && input.baseRevision !== current.revision) {
          throw new ApiError('conflict', `The article was changed elsewhere (revision ${current.revision}, you had ${input.baseRevision}).`);
        }
        const sets: string[] = ['updated_at = @updatedAt', 'revision = revision + 1'];
        const params: Record<string, unknown> = { id: input.id, updatedAt: this.now() };
        if (stored && digest) {
          sets.push('doc_version = @docVersion', 'document = @document', 'headline = @headline', 'authors = @authors', 'word_count = @wordCount', 'media_ids = @mediaIds');
          Object.assign(params, {
            docVersion: stored.version,
            document: documentJson,
            mediaIds,
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
        const statusChanged = m.status !== undefined && m.status !== current.status;
        if (statusChanged) this.totals.clear();
        const reason: RevisionReason | null = statusChanged
          ? 'status'
          : input.reason === 'save'
            ? 'save'
            : this.revisions.autosaveDue(input.id, params.updatedAt as string)
              ? 'autosave'
              : null;
        if (reason) this.snapshot(input.id, reason);
        this.search.markDirty(input.id);
        return { revision: current.revision + 1, updatedAt: params.updatedAt as string, slug: (m.slug as string | undefined) ?? current.slug };
      })
      .immediate();
    this.search.scheduleFlush();
    return result;
  }

  /** The article's workflow state alone (cheap: no document is read). */
  statusOf(id: string): ArticleStatus {
    const row = this.db.prepare('SELECT status FROM articles WHERE id = ?').get(id) as { status: string } | undefined;
    if (!row) throw new ApiError('not_found', `No article with id ${id}.`);
    return row.status as ArticleStatus;
  }

  /**
   * Keep the article as it now stands in its history (a 'save' revision), unless
   * its newest revision already holds this version: before a save knowingly
   * replaces another writer's text, so theirs stays restorable.
   */
  keepCurrentInHistory(id: string): void {
    this.db
      .transaction(() => {
        const current = this.db.prepare('SELECT revision FROM articles WHERE id = ?').get(id) as { revision: number } | undefined;
        if (!current) throw new ApiError('not_found', `No article with id ${id}.`);
        const newest = this.db.prepare('SELECT article_revision FROM revisions WHERE article_id = ? ORDER BY id DESC LIMIT 1').get(id) as { article_revision: number } | undefined;
        if (newest?.article_revision !== current.revision) this.snapshot(id, 'save');
      })
      .immediate();
  }

  /** An article's revisions, newest first. */
  listRevisions(articleId: string, options: { limit: number; offset: number }): { items: RevisionSummary[]; total: number } {
    this.requireArticle(articleId);
    return this.revisions.list(articleId, options);
  }

  /** One revision of an article, with its document and metadata. */
  getRevision(articleId: string, revisionId: number): Revision {
    const revision = this.revisions.get(revisionId);
    if (revision.articleId !== articleId) throw new ApiError('not_found', `Article ${articleId} has no revision ${revisionId}.`);
    return revision;
  }

  /**
   * Bring back an old revision's document and metadata as a new save; history is
   * never rewritten (the restore is itself a revision pointing at its source). The
   * status stays as it is: restoring text is not a workflow move.
   */
  restoreRevision(input: { articleId: string; revisionId: number; baseRevision?: number }): Article {
    const old = this.getRevision(input.articleId, input.revisionId);
    const doc = documentFromStored(old.document);
    const digest = digestDocument(doc);
    const stored = documentToStored(doc);
    const m = old.meta;
    this.db
      .transaction(() => {
        const current = this.db.prepare('SELECT revision FROM articles WHERE id = ?').get(input.articleId) as { revision: number } | undefined;
        if (!current) throw new ApiError('not_found', `No article with id ${input.articleId}.`);
        if (input.baseRevision !== undefined && input.baseRevision !== current.revision) {
          throw new ApiError('conflict', `The article was changed elsewhere (revision ${current.revision}, you had ${input.baseRevision}).`);
        }
        this.db
          .prepare(
            `UPDATE articles SET updated_at = @updatedAt, revision = revision + 1, doc_version = @docVersion, document = @document,
               headline = @headline, authors = @authors, word_count = @wordCount, media_ids = @mediaIds,
               slug = coalesce(@slug, slug), section = coalesce(@section, section), tags = coalesce(@tags, tags),
               dateline_place = coalesce(@datelinePlace, dateline_place),
               agency_tag = coalesce(@agencyTag, agency_tag), language = coalesce(@language, language),
               published_at = @publishedAt, length_target = coalesce(@lengthTarget, length_target)
             WHERE id = @id`,
          )
          .run({
            id: input.articleId,
            updatedAt: this.now(),
            docVersion: stored.version,
            document: JSON.stringify(stored.doc),
            headline: digest.headline,
            authors: JSON.stringify(digest.authors),
            wordCount: digest.wordCount,
            mediaIds: JSON.stringify(mediaIdsOf(doc)),
            slug: m.slug ?? null,
            section: m.section ?? null,
            tags: m.tags ? JSON.stringify(m.tags) : null,
            datelinePlace: m.datelinePlace ?? null,
            agencyTag: m.agencyTag ?? null,
            language: m.language ?? null,
            publishedAt: m.publishedAt ?? null,
            lengthTarget: m.lengthTarget ? JSON.stringify(m.lengthTarget) : null,
          });
        this.snapshot(input.articleId, 'restore', input.revisionId);
        this.totals.clear();
        this.search.markDirty(input.articleId);
      })
      .immediate();
    this.search.scheduleFlush();
    return this.get(input.articleId);
  }

  private requireArticle(id: string): void {
    if (!this.db.prepare('SELECT 1 FROM articles WHERE id = ?').get(id)) throw new ApiError('not_found', `No article with id ${id}.`);
  }

  /**
   * A row of `articleId` was written in this connection by another module (a handoff
   * package): re-index it for search and forget cached list totals, as the
   * repository's own writes do. Call inside the writer's transaction.
   */
  changedElsewhere(articleId: string): void {
    this.search.markDirty(articleId);
    this.totals.clear();
  }

  /** Move to or out of the bin; binned articles leave the search index. */
  setDeleted(id: string, deleted: boolean): void {
    this.totals.clear();
    this.db
      .transaction(() => {
        const result = this.db
          .prepare('UPDATE articles SET deleted_at = @deletedAt WHERE id = @id')
          .run({ id, deletedAt: deleted ? this.now() : null });
        if (result.changes === 0) throw new ApiError('not_found', `No article with id ${id}.`);
        this.search.markDirty(id);
      })
      .immediate();
    this.search.scheduleFlush();
  }
}
