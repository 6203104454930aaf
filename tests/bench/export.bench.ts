/**
 * Desk export benchmark: `npm run bench export`.
 *
 * 1. A ~3 MB text-only article exported through `ExportService.exportArticle` (the
 *    production path: preflight, render, fsync'd staging, atomic rename, record),
 *    against the raw file-system floor measured in the same run (same files and
 *    bytes, fsync + rename, no rendering). Target: export − rendering ≤ 2 × floor
 *    (rendering timed apart on the same article).
 * 2. Batch export of 1,000 text-only ~800-word articles through the service
 *    (preflight, render, atomic write, record, index.json). Target ≥ 200 articles/s.
 * 3. Rendering document → index.html (model + page). Target ≥ 5,000 articles/s.
 * 4. Re-export of an unchanged article with photos: renditions reused, no encode.
 */
import { closeSync, fsyncSync, mkdirSync, mkdtempSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { openDatabase } from '../../src/main/core/db/open';
import { ArticleRepository } from '../../src/main/core/store/articles';
import { ExportService } from '../../src/main/core/export/service';
import { bundleFiles } from '../../src/main/core/export/bundle';
import { buildModel } from '../../src/main/core/export/model';
import { renderArticlePage } from '../../src/main/core/export/page';
import type { BundleFile } from '../../src/main/core/export/atomic-write';
import { DEFAULT_PROFILE } from '../../src/shared/export';
import { documentFromStored } from '../../src/shared/document';
import { generateArticle, storedDocument, vocabulary } from '../support/corpus';

const root = mkdtempSync(join(tmpdir(), 'newsroom-bench-export-'));
const now = () => performance.now();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

/**
 * The floor: the same files written raw into a temp folder, fsynced (concurrently,
 * the fastest way the file system offers), then renamed into place.
 */
async function rawFloor(dir: string, files: BundleFile[]): Promise<number> {
  const t = now();
  const tmp = join(dir, '.raw.tmp');
  mkdirSync(tmp);
  for (const f of files) writeFileSync(join(tmp, f.path), f.bytes);
  await Promise.all(
    [...files.map((f) => join(tmp, f.path)), tmp].map(async (p) => {
      const h = await open(p, 'r');
      await h.sync();
      await h.close();
    }),
  );
  renameSync(tmp, join(dir, 'raw'));
  const rfd = openSync(dir, 'r');
  fsyncSync(rfd);
  closeSync(rfd);
  return now() - t;
}

console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores): figures scale with it`);
try {
  const db = openDatabase(join(root, 'bench.db'));
  const articles = new ArticleRepository(db);
  const vocab = vocabulary();
  const media = new Map<string, Buffer>();
  let encodes = 0;
  const service = new ExportService({
    db,
    articles,
    readMedia: async (id) => (media.has(id) ? { bytes: media.get(id)! } : null),
    mediaSize: (id) => (media.has(id) ? { width: 2400, height: 1600 } : null),
    onEncode: () => encodes++,
  });
  const profile = service.profiles.get('default');

  // 1. A 3 MB text-only bundle: about 245,000 words (index.html and ninjs each carry the body).
  const big = generateArticle(1, vocab, 245_000);
  const bigArticle = articles.create({ meta: { status: 'draft', lengthTarget: {} }, document: storedDocument({ ...big, headline: 'Bài rất dài' }) });
  const bigDoc = documentFromStored(bigArticle.document);
  const renderTimes: number[] = [];
  const exportTimes: number[] = [];
  const floorTimes: number[] = [];
  let size = 0;
  for (let i = 0; i < 7; i++) {
    const dir = join(root, `big-${i}`);
    mkdirSync(dir);
    let t = now();
    const model = buildModel({ article: bigArticle, doc: bigDoc, profile: profile.profile, kind: 'preview', photos: [] });
    const files = bundleFiles(model);
    renderTimes.push(now() - t);
    size = files.reduce((n, f) => n + f.bytes.length, 0);
    floorTimes.push(await rawFloor(dir, files));
    // The production path, as the Export view and `newsroom export` run it: preflight,
    // render, stage with fsync, atomic rename, export record.
    t = now();
    const outcome = await service.exportArticle(bigArticle.meta.id, { outDir: dir, zip: false, profile, publish: false });
    exportTimes.push(now() - t);
    if (!outcome.ok) throw new Error(`bench export failed: ${JSON.stringify(outcome)}`);
  }
  const floor = median(floorTimes);
  const total = median(exportTimes);
  const render = median(renderTimes);
  const write = total - render;
  console.log(`text-only bundle ${(size / 1e6).toFixed(2)} MB: raw fs floor ${floor.toFixed(1)} ms, exportArticle ${total.toFixed(1)} ms, of which rendering ${render.toFixed(1)} ms and the rest (preflight, write, record) ${write.toFixed(1)} ms (${(write / floor).toFixed(2)} × floor)`);
  console.log(`  target export − rendering ≤ 2 × floor: ${verdict(write <= 2 * floor)}`);

  // 2. Batch of 1,000 text-only articles.
  const ids: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < 1000; i++) {
      const a = generateArticle(1000 + i, vocab, 800);
      ids.push(articles.create({ meta: { status: 'draft', lengthTarget: {}, slug: `bai-${i}` }, document: storedDocument(a) }).meta.id);
    }
  })();
  const t2 = now();
  const { results } = await service.exportMany({ ids, outDir: join(root, 'batch'), zip: false, profile: 'default', publish: false });
  const batchMs = now() - t2;
  const failed = results.filter((r) => !r.ok).length;
  const rate = (1000 / batchMs) * 1000;
  console.log(`batch export 1,000 text-only articles: ${(batchMs / 1000).toFixed(2)} s, ${rate.toFixed(0)} articles/s (${failed} failed)  target ≥ 200/s: ${verdict(rate >= 200 && failed === 0)}`);

  // 3. Rendering document → index.html for a typical 800-word article.
  const sample = articles.get(ids[0]!);
  const sampleDoc = documentFromStored(sample.document);
  for (let i = 0; i < 500; i++) renderArticlePage(buildModel({ article: sample, doc: sampleDoc, profile: DEFAULT_PROFILE, kind: 'preview', photos: [] }));
  const n = 20_000;
  const t3 = now();
  const cpu3 = process.cpuUsage();
  let bytes = 0;
  for (let i = 0; i < n; i++) bytes += renderArticlePage(buildModel({ article: sample, doc: sampleDoc, profile: DEFAULT_PROFILE, kind: 'preview', photos: [] })).length;
  const renderRate = (n / (now() - t3)) * 1000;
  const cpu = process.cpuUsage(cpu3);
  const cpuRate = n / ((cpu.user + cpu.system) / 1e6);
  console.log(`rendering document → index.html (800 words, ${(bytes / n / 1024).toFixed(1)} KB): ${renderRate.toFixed(0)} articles/s wall, ${cpuRate.toFixed(0)} per CPU-second  target ≥ 5,000/s: ${verdict(renderRate >= 5000)}`);

  // 4. Re-export with photos: the second export encodes nothing.
  const photo = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg({ quality: 85 }).toBuffer();
  const mediaId = createHash('sha256').update(photo).digest('hex');
  media.set(mediaId, photo);
  const withPhoto = storedDocument(generateArticle(7, vocab, 800));
  (withPhoto.doc.content![2]!.content as unknown[]).splice(1, 0, {
    type: 'figure',
    attrs: { mediaId, alt: 'Ảnh' },
    content: [{ type: 'caption', content: [{ type: 'text', text: 'Chú thích.' }] }, { type: 'credit', content: [{ type: 'text', text: 'Ảnh: Tiến Thành' }] }],
  });
  const photoArticle = articles.create({ meta: { lengthTarget: {}, slug: 'co-anh' }, document: withPhoto });
  const opts = { outDir: join(root, 'photo'), zip: false, profile, publish: false };
  let t4 = now();
  await service.exportArticle(photoArticle.meta.id, opts);
  const first = now() - t4;
  const firstEncodes = encodes;
  t4 = now();
  await service.exportArticle(photoArticle.meta.id, opts);
  const second = now() - t4;
  console.log(`export with one 2400 px photo: first ${first.toFixed(0)} ms (${firstEncodes} encodes), re-export ${second.toFixed(0)} ms (${encodes - firstEncodes} encodes)  target: renditions reused: ${verdict(encodes === firstEncodes)}`);
  db.close();
} finally {
  rmSync(root, { recursive: true, force: true });
}
