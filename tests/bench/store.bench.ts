/**
 * Draft store benchmark: `npm run bench store [-- --articles N]`.
 *
 * Builds (once, cached under .tmp/) a database of N generated Vietnamese articles of
 * about 800 words (deterministic seed), then prints where its bytes go (dbstat),
 * p50/p95 for search (common, rare and prefix queries, each alone and under broad,
 * near-empty and empty filters), the article list's first page, opening the
 * database, and saving a 10k-word article against a raw UPDATE of the same bytes.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/main/core/db/open';
import { LATEST_VERSION } from '../../src/main/core/db/migrations';
import { ArticleRepository } from '../../src/main/core/store/articles';
import { SearchInput } from '../../src/shared/search';
import { generateArticle, rng, storedDocument, vocabulary } from '../support/corpus';

const argIndex = process.argv.indexOf('--articles');
const COUNT = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 100_000;
const TMP = join(import.meta.dirname, '..', '..', '.tmp');
const DB_PATH = join(TMP, `bench-store-${COUNT}-v${LATEST_VERSION}.db`);
const BASE = Date.UTC(2016, 0, 1);
/** Search p95 target: 10 ms at 100k articles, 30 ms at a million. */
const TARGET_MS = COUNT > 100_000 ? 30 : 10;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const ms = (v: number) => `${v.toFixed(2)} ms`;
function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}
function report(label: string, samples: number[], target?: number): void {
  const p95 = percentile(samples, 95);
  const verdict = target === undefined ? '' : `  target p95 ≤ ${target} ms: ${p95 <= target ? 'met' : 'MISSED'}`;
  console.log(`${label.padEnd(48)} p50 ${ms(percentile(samples, 50)).padStart(10)}  p95 ${ms(p95).padStart(10)}  (n=${samples.length})${verdict}`);
}

/**
 * Build the corpus through the real repository (the store's own SQL, revisions and
 * index), fast: 10,000 articles per transaction with the index caught up inside the
 * same transaction, so FTS5 writes large segments instead of one per article, and
 * no sync until the end (a half-built file is thrown away, never used).
 */
function build(): void {
  mkdirSync(TMP, { recursive: true });
  const partial = `${DB_PATH}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  const vocab = vocabulary();
  const db = openDatabase(partial);
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -65536');
  let clock = BASE;
  const repo = new ArticleRepository(db, { now: () => new Date(clock).toISOString().replace('Z', '+00:00').replace(/\.\d+/, ''), author: () => 'bench' });
  const started = Date.now();
  const BATCH = 10_000;
  for (let i = 0; i < COUNT; i += BATCH) {
    db.transaction(() => {
      for (let k = i; k < Math.min(COUNT, i + BATCH); k++) {
        clock = BASE + k * 60_000;
        const a = generateArticle(k + 1, vocab);
        repo.create({ document: storedDocument(a), meta: { status: (['draft', 'submitted', 'published'] as const)[k % 3], section: ['Thời sự', 'Kinh tế', 'Xã hội'][k % 3] } });
      }
      repo.search.cancelScheduled();
      repo.search.flush();
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const done = Math.min(COUNT, i + BATCH);
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`  generated ${done} articles, ${seconds.toFixed(0)} s (${(done / seconds).toFixed(0)} articles/s)\n`);
  }
  db.exec(`INSERT INTO search_text (search_text) VALUES ('optimize'); INSERT INTO search_headline (search_headline) VALUES ('optimize');`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(partial, DB_PATH);
  console.log(`generated ${COUNT} articles in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function fileSize(path: string): number {
  return [path, `${path}-wal`].reduce((n, f) => n + (existsSync(f) ? statSync(f).size : 0), 0);
}

/** Bytes per table and index (dbstat), largest first; FTS5 shadow tables summed per index. */
function sizeBreakdown(): void {
  const db = new Database(DB_PATH, { readonly: true });
  const rows = db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name').all() as { name: string; bytes: number }[];
  db.close();
  const groups = new Map<string, number>();
  for (const r of rows) {
    const key = /^search_(text|headline)_/.test(r.name) ? `${r.name.replace(/_(data|idx|docsize|config|content)$/, '')} (FTS5)` : r.name;
    groups.set(key, (groups.get(key) ?? 0) + r.bytes);
  }
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0).padStart(6)} MB`;
  for (const [name, bytes] of [...groups].sort((a, b) => b[1] - a[1])) if (bytes >= 1024 * 1024) console.log(`  ${name.padEnd(36)} ${mb(bytes)}`);
  console.log(`  ${'total'.padEnd(36)} ${mb(rows.reduce((n, r) => n + r.bytes, 0))}`);
}

function benchOpen(): void {
  const samples: number[] = [];
  for (let i = 0; i < 20; i++) {
    let db!: Database.Database;
    samples.push(time(() => (db = openDatabase(DB_PATH))));
    db.close();
  }
  report('open database + check migrations', samples, 50);
}

function benchListAndSearch(): void {
  const db = openDatabase(DB_PATH);
  const repo = new ArticleRepository(db);
  const list: number[] = [];
  for (let i = 0; i < 50; i++) list.push(time(() => repo.list({ limit: 100, offset: 0 })));
  report('article list, first page of 100', list, 20);
  // The total is counted once and cached until articles are added, binned or change status.
  const cold: number[] = [];
  for (let i = 0; i < 10; i++) {
    const fresh = new ArticleRepository(db);
    cold.push(time(() => fresh.list({ limit: 100, offset: 0 })));
  }
  report('  same, total not yet cached', cold);

  const queries = {
    'search, common 2-word': ['cán bộ', 'đào tạo', 'công tác', 'nâng cao', 'chương trình', 'phát triển', 'Cán Bộ', 'dao tao'],
    'search, rare 2-word': [] as string[],
    'search, prefix (typing)': ['cán b', 'đào t', 'công t', 'nâng c', 'ch', 'đ', 'cán bộ c', 'tỉnh l'],
  };
  // Rare words: from the far tail of the vocabulary, in pairs that share articles.
  const vocab = vocabulary();
  const r = rng(99);
  for (let i = 0; i < 8; i++) queries['search, rare 2-word'].push(`${vocab[3000 + Math.floor(r() * 1900)]} ${vocab[1000 + Math.floor(r() * 1000)]}`);
  // Each query class alone and under filters: broad (a third of the corpus), near-empty
  // (one hour of updates, about 20 articles) and empty (no published article is in Kinh tế).
  const hour = (k: number) => new Date(BASE + k * 60_000).toISOString().replace(/\.\d+Z$/, '+00:00');
  const filters: Record<string, Record<string, unknown>> = {
    '': {},
    ' + status/section': { status: 'published', section: 'Xã hội' },
    ' + near-empty filter': { status: 'published', from: hour(COUNT / 2), to: hour(COUNT / 2 + 59) },
    ' + filter matching nothing': { status: 'published', section: 'Kinh tế' },
  };
  let hitCount = 0;
  for (const [label, qs] of Object.entries(queries)) {
    for (const [suffix, filter] of Object.entries(filters)) {
      const samples: number[] = [];
      for (let round = 0; round < 4; round++) {
        for (const q of qs) {
          const input = SearchInput.parse({ query: q, limit: 20, ...filter });
          samples.push(time(() => (hitCount += repo.search.search(input).items.length)));
        }
      }
      report(`${label}${suffix}`, samples, TARGET_MS);
    }
  }
  // The naive design, for comparison: rank every match with bm25.
  const naive: number[] = [];
  for (const q of queries['search, common 2-word'].slice(0, 4)) {
    naive.push(time(() => db.prepare(`SELECT rowid FROM search_text WHERE search_text MATCH ? ORDER BY bm25(search_text) LIMIT 20`).all(q.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase())));
  }
  report('(naive ORDER BY bm25() LIMIT 20)', naive);
  console.log(`  (${hitCount} results returned in total)`);
  db.close();
}

/** A ~10k-word document (≈100 KB of JSON) with one word changed per save, as autosave sends it. */
function bigDocument(vocab: string[], edit: number) {
  const a = generateArticle(424242, vocab, 10_000);
  a.paragraphs[edit % a.paragraphs.length] += ` ${vocab[edit % vocab.length]}`;
  return storedDocument(a);
}

function benchSave(): void {
  const path = join(TMP, 'bench-save.db');
  for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
  const db = openDatabase(path);
  let clock = Date.UTC(2026, 0, 1);
  const repo = new ArticleRepository(db, { now: () => new Date(clock).toISOString().replace(/\.\d+Z$/, '+00:00'), author: () => 'bench' });
  const vocab = vocabulary();
  const first = bigDocument(vocab, 0);
  const bytes = JSON.stringify(first.doc).length;
  const target = repo.create({ document: first }).meta.id;
  const rawId = repo.create({ document: first }).meta.id;
  repo.search.flush();
  const rawUpdate = db.prepare('UPDATE articles SET document = ? WHERE id = ?');
  const raw: number[] = [];
  const save: number[] = [];
  const explicit: number[] = [];
  const index: number[] = [];
  for (let i = 1; i <= 120; i++) {
    clock += 2000; // autosave every 2 s: a revision every 5 minutes
    const doc = bigDocument(vocab, i);
    const json = JSON.stringify(doc.doc);
    raw.push(time(() => rawUpdate.run(json, rawId)));
    save.push(time(() => repo.save({ id: target, document: doc, reason: 'autosave' })));
    repo.search.cancelScheduled();
    index.push(time(() => repo.search.flush()));
    if (i % 10 === 0) {
      clock += 1000;
      explicit.push(time(() => repo.save({ id: target, document: bigDocument(vocab, i + 1000), reason: 'save' })));
      repo.search.cancelScheduled();
      repo.search.flush();
    }
  }
  console.log(`document JSON: ${(bytes / 1024).toFixed(0)} K characters (${(Buffer.byteLength(JSON.stringify(first.doc)) / 1024).toFixed(0)} KB UTF-8), 10,000 words`);
  report('raw single-statement UPDATE', raw);
  report('autosave (saveArticle)', save);
  report('explicit save (with revision)', explicit);
  report('search index update after a save', index);
  const ratio = percentile(save, 95) / percentile(raw, 95);
  console.log(`autosave p95 / raw UPDATE p95 = ${ratio.toFixed(2)}  (target ≤ 1.3: ${ratio <= 1.3 ? 'met' : 'MISSED'})`);
  console.log(`explicit save p95 / raw UPDATE p95 = ${(percentile(explicit, 95) / percentile(raw, 95)).toFixed(2)}`);
  const revisions = (db.prepare('SELECT count(*) AS n FROM revisions WHERE article_id = ?').get(target) as { n: number }).n;
  console.log(`revisions kept for ${save.length} autosaves + ${explicit.length} saves over ${((clock - Date.UTC(2026, 0, 1)) / 60000).toFixed(0)} min: ${revisions}`);
  db.close();
  for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
}

if (!existsSync(DB_PATH)) {
  console.log(`building ${COUNT} articles into ${DB_PATH} (cached for later runs)…`);
  build();
}
console.log(`corpus: ${COUNT} articles of ~800 words; database ${(fileSize(DB_PATH) / 1024 / 1024).toFixed(0)} MB`);
sizeBreakdown();
benchOpen();
benchListAndSearch();
benchSave();
