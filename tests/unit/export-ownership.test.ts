import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { createCore } from '../../src/main/core/core';
import { documentToStored } from '../../src/shared/document';
import { tempDbPerTest } from '../support/temp-per-test';
import { runCli } from '../support/cli';
import { buildDoc, sha256 } from './export-fixtures';
import { assertReplaceableZip, isOwnBundleZip, MANIFEST_NAME } from '../../src/main/core/export/ownership';

const SLUG = 'bai-kiem-tra';

/** Every file under `dir` with its sha256, for "not one byte changed" comparisons. */
function snapshot(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(out, snapshot(path, `${prefix}${name}/`));
    else out[prefix + name] = sha256(readFileSync(path));
  }
  return out;
}

describe('export replaces only what it wrote', () => {
  const temp = tempDbPerTest();

  function makeArticle(headline = 'Tin thử nghiệm'): string {
    const core = createCore({ databasePath: temp.db, host: 'browser' });
    try {
      return core.articles.create({
        meta: { slug: SLUG, lengthTarget: {} },
        document: documentToStored(buildDoc({ headline, lead: 'Dẫn đề.', blocks: ['Nội dung.'], authors: ['Tiến Thành'] })),
      }).meta.id;
    } finally {
      core.close();
    }
  }

  const exportTo = (id: string, out: string, zip = false) => runCli(['export', id, '--out', out, ...(zip ? ['--zip'] : []), '--db', temp.db]);

  it("refuses a folder of the user's own files with one sentence naming it, and leaves every byte", async () => {
    const id = makeArticle();
    const out = join(temp.dir, 'out');
    const mine = join(out, SLUG);
    mkdirSync(join(mine, 'notes'), { recursive: true });
    writeFileSync(join(mine, 'ban-thao.docx'), 'bản thảo của phóng viên');
    writeFileSync(join(mine, 'notes', 'ghi-chu.txt'), 'ghi chú');
    const before = snapshot(out);

    const r = await exportTo(id, out);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${mine} already exists and holds files Newsroom did not write, so the export left it untouched`);
    expect(snapshot(out)).toEqual(before);
  });

  it('refuses a bundle someone edited or added a file to, and replaces one it wrote itself', async () => {
    const id = makeArticle();
    const out = join(temp.dir, 'out');
    expect((await exportTo(id, out)).code).toBe(0);
    const bundle = join(out, SLUG);
    // Its own untouched bundle is replaced (the re-export succeeds).
    expect((await exportTo(id, out)).code).toBe(0);

    writeFileSync(join(bundle, 'extra.txt'), 'thêm');
    let before = snapshot(out);
    let r = await exportTo(id, out);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${bundle} already exists and holds files Newsroom did not write`);
    expect(snapshot(out)).toEqual(before);

    // A listed file whose bytes changed is not ours any more either.
    rmSync(join(bundle, 'extra.txt'));
    writeFileSync(join(bundle, 'index.html'), '<p>trang đã sửa tay</p>');
    before = snapshot(out);
    r = await exportTo(id, out);
    expect(r.code).toBe(1);
    expect(snapshot(out)).toEqual(before);
  });

  it('refuses a foreign <slug>.zip before writing the folder, and replaces its own zip', async () => {
    const id = makeArticle();
    const out = join(temp.dir, 'out');
    mkdirSync(out);
    const zip = join(out, `${SLUG}.zip`);
    writeFileSync(zip, Buffer.from(zipSync({ 'anh-goc.jpg': new Uint8Array([1, 2, 3]) })));
    const before = snapshot(out);
    const r = await exportTo(id, out, true);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${zip} already exists and holds files Newsroom did not write`);
    expect(snapshot(out)).toEqual(before); // no folder written either

    rmSync(zip);
    expect((await exportTo(id, out, true)).code).toBe(0);
    expect((await exportTo(id, out, true)).code).toBe(0); // its own zip and folder are replaced
  });

  it('reads a zip at the target through the capped reader: one declaring more than any bundle is refused unread', () => {
    const body = Buffer.from('Nội dung.');
    const manifest = new TextEncoder().encode(`${sha256(body)}  article.txt\n`);
    const zip = join(temp.dir, 'target.zip');
    const bytes = zipSync({ [MANIFEST_NAME]: manifest, 'article.txt': body });
    writeFileSync(zip, Buffer.from(bytes));
    expect(isOwnBundleZip(zip)).toBe(true); // the manifest rule alone accepts it

    // The same zip, its central directory now declaring 1.5 GB for article.txt.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let patched = 0;
    for (let at = 0; at + 46 <= bytes.length; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(at + 28, true);
      if (new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)) !== 'article.txt') continue;
      view.setUint32(at + 24, 0x60000000, true);
      patched++;
    }
    expect(patched).toBe(1);
    writeFileSync(zip, Buffer.from(bytes));
    const before = sha256(readFileSync(zip));
    expect(isOwnBundleZip(zip)).toBe(false);
    expect(() => assertReplaceableZip(zip)).toThrow(`${zip} already exists and holds files Newsroom did not write`);
    expect(sha256(readFileSync(zip))).toBe(before);
  });

  it('the API reports the refusal with the refused path, for the Export view to translate', async () => {
    const id = makeArticle();
    const out = join(temp.dir, 'out');
    mkdirSync(join(out, SLUG), { recursive: true });
    writeFileSync(join(out, SLUG, 'index.html'), 'trang riêng');
    const core = createCore({ databasePath: temp.db, host: 'browser' });
    try {
      const started = await core.call('startExport', { ids: [id], outDir: out, zip: false, profile: 'default', publish: false });
      expect(started.ok).toBe(true);
      const { jobId } = (started as { value: { jobId: string } }).value;
      let status;
      for (;;) {
        status = await core.call('exportJob', { jobId });
        if ((status as { value: { finished: boolean } }).value.finished) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      const result = (status as { value: { results: { ok: boolean; refusedPath?: string; message?: string }[] } }).value.results[0]!;
      expect(result.ok).toBe(false);
      expect(result.refusedPath).toBe(join(out, SLUG));
      expect(readFileSync(join(out, SLUG, 'index.html'), 'utf8')).toBe('trang riêng');
    } finally {
      core.close();
    }
  });

  it("refuses a batch whose index.json would replace the user's file, before writing any bundle", async () => {
    const a = makeArticle('Tin một');
    const core = createCore({ databasePath: temp.db, host: 'browser' });
    const b = core.articles.create({
      meta: { slug: 'bai-hai', lengthTarget: {} },
      document: documentToStored(buildDoc({ headline: 'Tin hai', lead: 'Dẫn đề.', blocks: ['Nội dung.'], authors: ['Tiến Thành'] })),
    }).meta.id;
    core.close();
    const out = join(temp.dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'index.json'), '{"trang": "danh mục riêng của toà soạn"}\n');
    const before = snapshot(out);
    const r = await runCli(['export', a, b, '--out', out, '--db', temp.db]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${join(out, 'index.json')} already exists and holds files Newsroom did not write`);
    expect(snapshot(out)).toEqual(before);

    rmSync(join(out, 'index.json'));
    expect((await runCli(['export', a, b, '--out', out, '--db', temp.db])).code).toBe(0);
    expect((await runCli(['export', a, b, '--out', out, '--db', temp.db])).code).toBe(0); // its own index.json is replaced
  });
});
