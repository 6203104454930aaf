import type { Database, Statement } from 'better-sqlite3';
import type { z } from 'zod';
import { DOCUMENT_VERSION, migrateDocument, type NodeJSON } from '../../../shared/document';
import type { SearchHit, SearchInput, SearchResult } from '../../../shared/search';
import { rowToSummary, type SummaryRow } from '../store/articles';
import { documentFields, type DocumentFields } from './fields';
import { facetMatch, facetText } from './facets';
import { filterClause } from './filters';
import { foldForIndex } from './fold';
import { highlightTerms, parseQuery } from './query';
import { bestSnippet, highlightAll } from './snippet';

/** Articles re-indexed per transaction when catching up. */
const FLUSH_BATCH = 200;

/**
 * Search rowids encode recency: the article's `updated_at` in seconds, shifted left
 * 20 bits, plus a small counter for articles changed in the same second. FTS5 can
 * then read hits newest first (`ORDER BY rowid DESC`) whatever order articles were
 * indexed in.
 */
const SAME_SECOND = 2 ** 20;

interface IndexRow {
  id: string;
  revision: number;
  updated_at: string;
  document: string;
  doc_version: number;
  tags: string;
  slug: string;
  status: string;
  section: string;
  authors: string;
  deleted_at: string | null;
}

/** The columns a query's words are looked for in (never the facet tokens). */
const TEXT_COLUMNS = {
  search_headline: '{headline}',
  search_text: '{headline lead body captions byline tags slug}',
} as const;

const FULL_SPAN = { lo: 0, hi: Number.MAX_SAFE_INTEGER };

/**
 * Search rowids that can hold articles updated between two instants (either may be
 * absent): whole seconds, widened outwards, so the bounds only ever prune.
 */
function rowidSpan(from: string | undefined, to: string | undefined): { lo: number; hi: number } {
  const lo = from ? Math.floor(Date.parse(from) / 1000) * SAME_SECOND : FULL_SPAN.lo;
  const hi = to ? (Math.floor(Date.parse(to) / 1000) + 1) * SAME_SECOND - 1 : FULL_SPAN.hi;
  return { lo: Number.isFinite(lo) ? Math.max(0, lo) : FULL_SPAN.lo, hi: Number.isFinite(hi) ? hi : FULL_SPAN.hi };
}

type ResultRow = SummaryRow & { document: string; doc_version: number };

function fieldsOf(row: { document: string; doc_version: number }): DocumentFields {
  let doc = JSON.parse(row.document) as NodeJSON;
  if (row.doc_version !== DOCUMENT_VERSION) doc = migrateDocument({ version: row.doc_version, doc }).doc;
  return documentFields(doc);
}

/**
 * The article search index: keeps `search_*` tables (migration 0003) in step with
 * `articles`, and answers searches with ranking, filters and snippets.
 *
 * Writers call {@link markDirty} inside their own transaction; the index is then
 * brought up to date by {@link flush}, which runs right after each write and before
 * every search, so a search never sees a stale index. Keeping the re-index out of
 * the save transaction keeps a save close to the cost of writing its bytes.
 */
export class SearchIndex {
  private readonly statements: Record<string, Statement>;
  private scheduled: NodeJS.Immediate | null = null;

  constructor(
    private readonly db: Database,
    private readonly log: (message: string) => void = (m) => console.error(m),
  ) {
    this.statements = {
      mark: db.prepare('INSERT OR IGNORE INTO search_dirty (article_id) VALUES (?)'),
      // Oldest change first, so articles changed in the same second keep their order.
      pending: db.prepare('SELECT d.article_id FROM search_dirty d LEFT JOIN articles a ON a.id = d.article_id ORDER BY a.updated_at, a.rowid LIMIT ?'),
      row: db.prepare('SELECT id, revision, updated_at, document, doc_version, tags, slug, status, section, authors, deleted_at FROM articles WHERE id = ?'),
      lastInSecond: db.prepare('SELECT max(rowid) AS last FROM search_map WHERE rowid >= ? AND rowid < ?'),
      oldRowid: db.prepare('SELECT rowid FROM search_map WHERE article_id = ?'),
      dropHeadline: db.prepare('DELETE FROM search_headline WHERE rowid = ?'),
      dropText: db.prepare('DELETE FROM search_text WHERE rowid = ?'),
      dropMap: db.prepare('DELETE FROM search_map WHERE rowid = ?'),
      addMap: db.prepare('INSERT INTO search_map (rowid, article_id, revision) VALUES (?, ?, ?)'),
      addHeadline: db.prepare('INSERT INTO search_headline (rowid, headline, facets) VALUES (?, ?, ?)'),
      addText: db.prepare(
        'INSERT INTO search_text (rowid, headline, lead, body, captions, byline, tags, slug, facets) VALUES (@rowid, @headline, @lead, @body, @captions, @byline, @tags, @slug, @facets)',
      ),
      done: db.prepare('DELETE FROM search_dirty WHERE article_id = ?'),
    };
  }

  /** Record that an article's searchable text changed. Call inside the writing transaction. */
  markDirty(articleId: string): void {
    this.statements.mark!.run(articleId);
  }

  /** How many articles wait to be re-indexed. */
  pendingCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM search_dirty').get() as { n: number }).n;
  }

  /** Re-index everything now (repair). */
  rebuild(): number {
    this.db.transaction(() => {
      this.db.exec(`DELETE FROM search_map; DELETE FROM search_headline; DELETE FROM search_text; INSERT OR IGNORE INTO search_dirty (article_id) SELECT id FROM articles;`);
    }).immediate();
    return this.flush();
  }

  /** Flush soon, after the current call returns (coalesces bursts of writes). */
  scheduleFlush(): void {
    if (this.scheduled || !this.db.open) return;
    this.scheduled = setImmediate(() => {
      this.scheduled = null;
      if (!this.db.open) return;
      try {
        this.flush();
      } catch (err) {
        // Busy or failing: the markers stay, the next search or write retries.
        this.log(`search index: ${(err as Error).message}`);
      }
    });
    this.scheduled.unref();
  }

  /** Cancel a scheduled flush (before closing the database). */
  cancelScheduled(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
  }

  /**
   * Re-index every article marked dirty; returns how many were processed.
   *
   * Each batch reads and writes in one IMMEDIATE transaction, so no other writer can
   * slip a save between reading an article and clearing its marker. These commits use
   * synchronous = NORMAL: the index is derived data and the marker it clears was made
   * durable by the save itself. A power cut can lose the index update and the marker
   * deletion together, never one without the other (WAL commits are atomic), so the
   * article is simply re-indexed on the next open. The next FULL commit syncs these
   * frames along with its own.
   */
  flush(): number {
    let total = 0;
    for (;;) {
      const ids = (this.statements.pending!.all(FLUSH_BATCH) as { article_id: string }[]).map((r) => r.article_id);
      if (!ids.length) return total;
      const batch = this.db.transaction(() => {
        for (const id of ids) this.reindex(id);
      });
      if (this.db.inTransaction) batch(); // inside a caller's transaction: its commit decides
      else {
        this.db.pragma('synchronous = NORMAL');
        try {
          batch.immediate();
        } finally {
          this.db.pragma('synchronous = FULL');
        }
      }
      total += ids.length;
    }
  }

  private reindex(articleId: string): void {
    const s = this.statements;
    const old = s.oldRowid!.get(articleId) as { rowid: number } | undefined;
    if (old) {
      s.dropHeadline!.run(old.rowid);
      s.dropText!.run(old.rowid);
      s.dropMap!.run(old.rowid);
    }
    const row = s.row!.get(articleId) as IndexRow | undefined;
    if (row && row.deleted_at === null) {
      const f = fieldsOf(row);
      const base = Math.floor(Date.parse(row.updated_at) / 1000) * SAME_SECOND;
      const last = (s.lastInSecond!.get(base, base + SAME_SECOND) as { last: number | null }).last;
      const rowid = last === null ? base : last + 1;
      s.addMap!.run(rowid, articleId, row.revision);
      const headline = foldForIndex(f.headline);
      const tags = JSON.parse(row.tags) as string[];
      const facets = facetText({ status: row.status, section: row.section, authors: JSON.parse(row.authors) as string[], tags });
      s.addHeadline!.run(rowid, headline, facets);
      s.addText!.run({
        rowid,
        headline,
        lead: foldForIndex(f.lead),
        body: foldForIndex(f.body.join('\n')),
        captions: foldForIndex(f.captions.join('\n')),
        byline: foldForIndex(f.byline.join('\n')),
        tags: foldForIndex(tags.join('\n')),
        slug: row.slug.replace(/-/g, ' '),
        facets,
      });
    }
    s.done!.run(articleId);
  }

  /**
   * Search live articles. Ranking: articles whose headline holds every query word
   * come first, then the rest; within each group the most recently changed first.
   * Both groups are read from FTS5 in rowid order with a LIMIT, so the cost depends
   * on the page asked for, not on how many articles match.
   */
  search(input: z.output<typeof SearchInput>): SearchResult {
    try {
      this.flush();
    } catch (err) {
      // Another process holds the write lock: its own writes are indexed by that
      // process as soon as it commits, so search the index as it stands. The same
      // for a database opened read-only.
      const code = (err as { code?: string }).code ?? '';
      if (code !== 'SQLITE_BUSY' && !code.startsWith('SQLITE_READONLY')) throw err;
    }
    const { sql: filters, params } = filterClause(input);
    const want = input.offset + input.limit + 1;
    const parsed = parseQuery(input.query);
    if (!parsed) {
      const rows = this.db
        .prepare(
          `SELECT a.id, a.slug, a.headline, a.status, a.section, a.authors, a.updated_at, a.word_count, a.deleted_at, a.document, a.doc_version
           FROM articles a WHERE ${filters} ORDER BY a.updated_at DESC, a.id LIMIT @want OFFSET @offset`,
        )
        .all({ ...params, want: input.limit + 1, offset: input.offset }) as ResultRow[];
      const page = rows.slice(0, input.limit);
      return {
        items: page.map((row) => ({ article: rowToSummary(row), headline: row.headline ? [{ text: row.headline, hit: false }] : [], snippet: bestSnippet(fieldsOf(row), []), matchedIn: 'none' })),
        hasMore: rows.length > input.limit,
      };
    }
    // The words are looked for in the text columns only; the filters' facet tokens
    // (and an update-date range, as rowid bounds) narrow inside FTS5 itself. The SQL
    // filters still check each candidate, exactly.
    const facets = facetMatch(input);
    const span = input.dateField === 'updated' ? rowidSpan(params.from as string | undefined, params.to as string | undefined) : FULL_SPAN;
    const candidates = (table: 'search_headline' | 'search_text', limit: number) =>
      (
        this.db
          .prepare(
            `SELECT m.article_id AS id FROM ${table} f
             CROSS JOIN search_map m ON m.rowid = f.rowid
             CROSS JOIN articles a ON a.id = m.article_id
             WHERE ${table} MATCH @match AND f.rowid BETWEEN @lo AND @hi AND ${filters}
             ORDER BY f.rowid DESC LIMIT @limit`,
          )
          .all({ ...params, match: `${TEXT_COLUMNS[table]} : (${parsed.match})${facets ? ` AND ${facets}` : ''}`, lo: span.lo, hi: span.hi, limit }) as { id: string }[]
      ).map((r) => r.id);

    // Filters no article passes: answered from the facet doclists alone, without
    // reading a single hit of the words.
    if ((facets || span.lo !== FULL_SPAN.lo || span.hi !== FULL_SPAN.hi) && !this.anyFiltered(facets, span)) return { items: [], hasMore: false };
    const inHeadline = candidates('search_headline', want);
    const ranked = [...inHeadline];
    if (ranked.length < want) {
      const seen = new Set(inHeadline);
      // Headline hits are text hits too: read past them so the page is still full.
      for (const id of candidates('search_text', want + inHeadline.length)) {
        if (ranked.length >= want) break;
        if (!seen.has(id)) ranked.push(id);
      }
    }
    const pageIds = ranked.slice(input.offset, input.offset + input.limit);
    const headlineSet = new Set(inHeadline);
    const terms = highlightTerms(parsed);
    const rows = this.loadRows(pageIds);
    const items: SearchHit[] = pageIds.map((id) => {
      const row = rows.get(id)!;
      const fields = fieldsOf(row);
      return {
        article: rowToSummary(row),
        headline: highlightAll(fields.headline, terms).segments,
        snippet: bestSnippet(fields, terms),
        matchedIn: headlineSet.has(id) ? 'headline' : 'text',
      };
    });
    return { items, hasMore: ranked.length > input.offset + input.limit };
  }

  /** Whether any indexed article passes the facet and update-date filters. */
  private anyFiltered(facets: string | null, span: { lo: number; hi: number }): boolean {
    const row = facets
      ? this.db.prepare('SELECT 1 FROM search_text WHERE search_text MATCH @facets AND rowid BETWEEN @lo AND @hi LIMIT 1').get({ facets, ...span })
      : this.db.prepare('SELECT 1 FROM search_map WHERE rowid BETWEEN @lo AND @hi LIMIT 1').get(span);
    return row !== undefined;
  }

  private loadRows(ids: string[]): Map<string, ResultRow> {
    if (!ids.length) return new Map();
    const rows = this.db
      .prepare(
        `SELECT id, slug, headline, status, section, authors, updated_at, word_count, deleted_at, document, doc_version
         FROM articles WHERE id IN (${ids.map(() => '?').join(', ')})`,
      )
      .all(...ids) as ResultRow[];
    return new Map(rows.map((r) => [r.id, r]));
  }
}
