/**
 * Import benchmark: `npm run bench import`.
 *
 * Targets from issue 7: importing the seed ≤ 50 ms; a 300-page .docx ≤ 5 s with
 * progress shown. Prints p50/p95 of reading the seed (decode, recognise, build the
 * document), of the whole import into a database (preview + commit: article,
 * revision, attachment), and the time to read a generated 300-page Word document
 * (about 150,000 words, headings, lists, tables, 20 photos) with its progress steps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../src/main/core/core';
import { readSource } from '../../src/main/core/import/read';
import { assemble } from '../../src/main/core/import/parsed';
import { makeDocx, type DocxBlock } from '../fixtures/import/docx';
import { makeJpeg } from '../support/photos';
import { SEED_PATH, tempDir } from '../support/temp';

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;
const ms = (v: number) => `${v.toFixed(1)} ms`;
function report(label: string, samples: number[], target: number): void {
  const p95 = percentile(samples, 95);
  console.log(`${label.padEnd(40)} p50 ${ms(percentile(samples, 50)).padStart(9)}  p95 ${ms(p95).padStart(9)}  (n=${samples.length})  target ≤ ${target} ms: ${p95 <= target ? 'met' : 'MISSED'}`);
}

const seed = readFileSync(SEED_PATH);

// 1. Reading the seed: decode, recognise, build the document.
const readSamples: number[] = [];
for (let i = 0; i < 60; i++) {
  const t = performance.now();
  assemble(await readSource({ kind: 'file', name: 'seed.txt', bytes: seed }));
  if (i >= 10) readSamples.push(performance.now() - t);
}
report('seed: read and recognise', readSamples, 50);

// 2. The whole import into a database: preview + commit (article, revision, attachment).
const { dir, cleanup } = tempDir('newsroom-bench-import-');
const core = createCore({ databasePath: join(dir, 'bench.db'), host: 'browser' });
const fullSamples: number[] = [];
for (let i = 0; i < 40; i++) {
  const t = performance.now();
  const [item] = await core.imports.preview([{ kind: 'file', name: 'seed.txt', bytes: seed }]);
  await core.imports.commit(item!.importId!);
  if (i >= 5) fullSamples.push(performance.now() - t);
}
report('seed: preview + commit into the store', fullSamples, 50);

// 3. A 300-page Word document.
const WORDS = 'cán bộ công chức tỉnh Lai Châu đào tạo bồi dưỡng nâng cao năng lực chuyên môn nghiệp vụ phục vụ Nhân dân ngày càng tốt hơn trong giai đoạn mới'.split(' ');
let state = 42;
const rand = (n: number) => {
  state = (state * 1664525 + 1013904223) >>> 0;
  return state % n;
};
const sentence = (n: number) => {
  const w = Array.from({ length: n }, () => WORDS[rand(WORDS.length)]!);
  return `${w[0]![0]!.toUpperCase()}${w.join(' ').slice(1)}.`;
};
const photo = new Uint8Array(await makeJpeg({ width: 1200, height: 800, noise: true, quality: 70 }));
const blocks: DocxBlock[] = [{ p: 'Báo cáo tổng kết công tác đào tạo cán bộ 2011–2015', style: 'Title' }, { p: `(BLC) – ${sentence(40)}` }];
const images: Record<string, Uint8Array> = {};
const PAGES = 300;
for (let page = 0; page < PAGES; page++) {
  if (page % 10 === 0) blocks.push({ p: `Phần ${page / 10 + 1}`, style: 'Heading2' });
  for (let k = 0; k < 5; k++) blocks.push({ p: `${sentence(45)} ${sentence(40)} `, bold: sentence(8), italic: ` ${sentence(6)}` });
  if (page % 15 === 7) {
    const name = `image${page}.jpeg`;
    images[name] = photo;
    blocks.push({ image: name, alt: 'Ảnh minh hoạ' }, { p: `Ảnh minh hoạ trang ${page + 1}.`, style: 'Caption' });
  }
  if (page % 20 === 3) blocks.push({ list: [sentence(10), sentence(12), sentence(9)] });
  if (page % 25 === 5) blocks.push({ table: [['Năm', 'Số lượt'], ['2014', '24.834'], ['2015', '27.309']] });
}
blocks.push({ p: 'Tiến Thành' });
const docx = makeDocx(blocks, images);
const steps: string[] = [];
const t0 = performance.now();
const parsed = await readSource({ kind: 'file', name: 'bao-cao-300-trang.docx', bytes: docx }, (stage, fraction) => steps.push(`${stage} ${Math.round(fraction * 100)}% at ${(performance.now() - t0).toFixed(0)} ms`));
const docxMs = performance.now() - t0;
const built = assemble(parsed);
const words = built.document.textContent.split(/\s+/).filter(Boolean).length;
console.log(`300-page .docx (${(docx.length / 1024 / 1024).toFixed(1)} MB, ${words} words, ${built.report.figures.length} photos): read in ${ms(docxMs)}  target ≤ 5000 ms: ${docxMs <= 5000 ? 'met' : 'MISSED'}`);
console.log(`  progress: ${steps.join(' → ')}`);

core.close();
cleanup();
