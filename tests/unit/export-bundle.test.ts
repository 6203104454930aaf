import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { unzipSync } from 'fflate';
import { DEFAULT_PROFILE } from '../../src/shared/export';
import { ExportService } from '../../src/main/core/export/service';
import { recoverInterrupted, writeFolderAtomically } from '../../src/main/core/export/atomic-write';
import { makeRenditions, renditionWidths } from '../../src/main/core/export/renditions';
import { createArticle, createHarness, makePhoto, photoArticle, sha256, type ExportHarness } from './export-fixtures';

/** A bundle's files plus the manifest export writes, so a later export recognises the folder as its own. */
function withManifest(files: { path: string; bytes: Buffer }[]): { path: string; bytes: Buffer }[] {
  const manifest = files.map((f) => `${sha256(f.bytes)}  ${f.path}\n`).join('');
  return [...files, { path: 'manifest-sha256.txt', bytes: Buffer.from(manifest) }];
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(root, p));
    }
  };
  walk(root);
  return out;
}

function snapshot(root: string): Map<string, string> {
  return new Map(listFiles(root).map((f) => [f, sha256(readFileSync(join(root, f)))]));
}

describe('export bundle', () => {
  let h: ExportHarness;
  beforeEach(() => {
    h = createHarness();
  });
  afterEach(() => h.cleanup());

  const exportOne = (id: string, outDir: string, opts: { zip?: boolean; publish?: boolean; profile?: string } = {}) =>
    h.service.exportArticle(id, { outDir, zip: opts.zip ?? false, profile: h.service.profiles.get(opts.profile ?? 'default'), publish: opts.publish ?? false });

  it('holds index.html, ninjs, six renditions and a manifest listing every other file', async () => {
    const a = await photoArticle(h);
    const r = await exportOne(a.meta.id, join(h.dir, 'out'));
    expect(r.ok).toBe(true);
    const root = join(h.dir, 'out', a.meta.slug);
    const files = listFiles(root);
    expect(files.filter((f) => f.startsWith('images/'))).toHaveLength(6);
    expect(files).toContain('index.html');
    expect(files).toContain('article.ninjs.json');
    const manifest = readFileSync(join(root, 'manifest-sha256.txt'), 'utf8').trim().split('\n');
    expect(manifest.map((l) => l.split('  ')[1]).sort()).toEqual(files.filter((f) => f !== 'manifest-sha256.txt').sort());
    for (const line of manifest) {
      const [hash, path] = line.split('  ');
      expect(sha256(readFileSync(join(root, path!)))).toBe(hash);
    }
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    expect(html).toMatch(/<img src="images\/[0-9a-f]{20}-1600\.jpg" srcset="[^"]+480w, [^"]+960w, [^"]+1600w" sizes="[^"]+" width="1600" height="1067" alt="Lớp học tiếng Mông" loading="lazy"/);
    expect(html).toContain('<figcaption>Một giờ học tiếng Mông của cán bộ, công chức. <span class="credit">Ảnh: Tiến Thành</span></figcaption>');
    // No outside requests: every src/srcset/href that loads something is relative.
    expect(html).not.toMatch(/<(img|source|link rel="stylesheet"|script src)[^>]*(src|srcset)="https?:/);
    expect(html).not.toMatch(/<script(?! type="application\/ld\+json")/);
  });

  it('is byte-identical when exported twice from the same article and profile, zip included, re-encoded at another time', async () => {
    const a = await photoArticle(h);
    // The clock moves between the exports (across a DST change in Europe, a year apart),
    // and the rendition cache is emptied, so the photos are encoded again from the original.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-29T00:30:00Z') });
    try {
      await exportOne(a.meta.id, join(h.dir, 'one'), { zip: true });
      expect(h.encodes.count).toBe(6);
      h.db.exec('DELETE FROM export_renditions');
      vi.setSystemTime(new Date('2027-10-31T01:30:00Z'));
      await exportOne(a.meta.id, join(h.dir, 'two'), { zip: true });
      expect(h.encodes.count).toBe(12);
    } finally {
      vi.useRealTimers();
    }
    const times = h.db.prepare('SELECT exported_at AS at FROM export_records ORDER BY rowid').all() as { at: string }[];
    expect(times.map((t) => t.at.slice(0, 4))).toEqual(['2026', '2027']);
    const one = snapshot(join(h.dir, 'one'));
    const two = snapshot(join(h.dir, 'two'));
    expect([...one.keys()]).toEqual([...two.keys()]);
    expect(one).toEqual(two);
    const zip = unzipSync(readFileSync(join(h.dir, 'one', `${a.meta.slug}.zip`)));
    const folder = snapshot(join(h.dir, 'one', a.meta.slug));
    expect(Object.keys(zip).sort()).toEqual([...folder.keys()].sort());
    for (const [path, bytes] of Object.entries(zip)) expect(sha256(Buffer.from(bytes))).toBe(folder.get(path));
  });

  it('re-exports an unchanged photo from cached renditions, even from a new service on the same database', async () => {
    const a = await photoArticle(h);
    await exportOne(a.meta.id, join(h.dir, 'out'));
    expect(h.encodes.count).toBe(6);
    await exportOne(a.meta.id, join(h.dir, 'out'));
    expect(h.encodes.count).toBe(6);
    let encodes = 0;
    const fresh = new ExportService({ db: h.db, articles: h.articles, readMedia: async (id) => ({ bytes: h.media.get(id)! }), mediaSize: () => ({ width: 1800, height: 1200 }), onEncode: () => encodes++ });
    await fresh.exportArticle(a.meta.id, { outDir: join(h.dir, 'again'), zip: false, profile: fresh.profiles.get('default'), publish: false });
    expect(encodes).toBe(0);
    expect(snapshot(join(h.dir, 'again'))).toEqual(snapshot(join(h.dir, 'out')));
  });

  it('strips EXIF, GPS and IPTC from renditions, keeping only the credit when the profile asks', async () => {
    const photo = await makePhoto(h.dir);
    const before = await exifr.parse(photo, { gps: true, iptc: true, xmp: true });
    expect(before.latitude).toBeCloseTo(22.3964, 3);
    expect(before.Make).toBe('NewsCam');
    const withCredit = await makeRenditions(photo, { embeddedCredit: 'Ảnh: Tiến Thành' });
    for (const r of withCredit.renditions) {
      const meta = await sharp(r.bytes).metadata();
      expect(meta.iptc).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      if (r.format === 'jpeg') {
        const tags = (await exifr.parse(r.bytes, { gps: true, iptc: true, xmp: true })) ?? {};
        expect(tags.latitude).toBeUndefined();
        expect(tags.Make).toBeUndefined();
        expect(tags.SerialNumber).toBeUndefined();
        expect(tags.Copyright).toBe('Ảnh: Tiến Thành');
      }
    }
    const bare = await makeRenditions(photo, {});
    for (const r of bare.renditions) {
      const meta = await sharp(r.bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
    }
  });

  it('uses the featured photo for Open Graph and first in JSON-LD', async () => {
    const a = await photoArticle(h);
    const second = await h.addPhoto(await makePhoto(h.dir, { width: 1300, height: 900, seed: 5 }));
    const doc = JSON.parse(JSON.stringify(a.document));
    doc.doc.content[2].content.push({ type: 'figure', attrs: { mediaId: second, alt: 'Ảnh hai' }, content: [{ type: 'caption', content: [{ type: 'text', text: 'Hai.' }] }, { type: 'credit', content: [{ type: 'text', text: 'Ảnh: B' }] }] });
    h.articles.save({ id: a.meta.id, document: doc });
    h.db.prepare('UPDATE articles SET featured_media_id = ? WHERE id = ?').run(second, a.meta.id);
    await exportOne(a.meta.id, join(h.dir, 'out'));
    const html = readFileSync(join(h.dir, 'out', a.meta.slug, 'index.html'), 'utf8');
    expect(html).toContain('<meta property="og:image:alt" content="Ảnh hai">');
    expect(html).toContain('<meta property="og:image:width" content="1300">');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*)<\/script>/.exec(html)![1]!);
    expect(ld.image.map((i: { width: number }) => i.width)).toEqual([1300, 1600]);
  });

  it('never upscales: a narrow photo stops at its own width', async () => {
    expect(renditionWidths(3000)).toEqual([480, 960, 1600]);
    expect(renditionWidths(1200)).toEqual([480, 960, 1200]);
    expect(renditionWidths(300)).toEqual([300]);
    const set = await makeRenditions(await makePhoto(h.dir, { width: 800, height: 600 }));
    expect(set.renditions.map((r) => `${r.format}-${r.width}x${r.height}`)).toEqual(['jpeg-480x360', 'webp-480x360', 'jpeg-800x600', 'webp-800x600']);
  });

  it('names renditions after their content, so a changed photo gets new names', async () => {
    const a = await makeRenditions(await makePhoto(h.dir, { seed: 1 }));
    const b = await makeRenditions(await makePhoto(h.dir, { seed: 2 }));
    for (const r of a.renditions) expect(r.path).toBe(`images/${sha256(r.bytes).slice(0, 20)}-${r.width}.${r.format === 'jpeg' ? 'jpg' : 'webp'}`);
    expect(a.renditions.map((r) => r.path)).not.toEqual(b.renditions.map((r) => r.path));
  });

  it('replaces the previous bundle in one step and keeps it when writing fails', async () => {
    const root = join(h.dir, 'atomic');
    await writeFolderAtomically(root, 'bai', withManifest([{ path: 'index.html', bytes: Buffer.from('old') }]));
    await expect(
      writeFolderAtomically(
        root,
        'bai',
        withManifest([
          { path: 'index.html', bytes: Buffer.from('new') },
          { path: '../escape.txt', bytes: Buffer.from('x') },
        ]),
      ),
    ).rejects.toThrow(/unsafe file name/);
    expect(readFileSync(join(root, 'bai', 'index.html'), 'utf8')).toBe('old');
    expect(readdirSync(root)).toEqual(['bai']);
    await writeFolderAtomically(root, 'bai', withManifest([{ path: 'index.html', bytes: Buffer.from('new') }]));
    expect(readFileSync(join(root, 'bai', 'index.html'), 'utf8')).toBe('new');
    expect(readdirSync(root)).toEqual(['bai']);
  });

  it('recovers the old bundle when a previous export was killed between its two renames', async () => {
    const root = join(h.dir, 'killed');
    await writeFolderAtomically(root, 'bai', withManifest([{ path: 'index.html', bytes: Buffer.from('old') }]));
    renameSync(join(root, 'bai'), join(root, '.bai.old'));
    mkdirSync(join(root, '.bai.tmp'));
    writeFileSync(join(root, '.bai.tmp', 'index.html'), 'half');
    recoverInterrupted(root, 'bai');
    expect(readFileSync(join(root, 'bai', 'index.html'), 'utf8')).toBe('old');
    expect(readdirSync(root)).toEqual(['bai']);
  });

  it('keeps the previous bundle when a photo cannot be read', async () => {
    const a = await photoArticle(h);
    const out = join(h.dir, 'out');
    await exportOne(a.meta.id, out);
    const before = snapshot(join(out, a.meta.slug));
    h.media.clear();
    await expect(exportOne(a.meta.id, out)).rejects.toThrow();
    expect(snapshot(join(out, a.meta.slug))).toEqual(before);
    expect(readdirSync(out)).toEqual([a.meta.slug]);
  });

  it('writes a preview export as noindex and withheld, and leaves the status alone', async () => {
    const a = await photoArticle(h, { status: 'in_edit' });
    const r = await exportOne(a.meta.id, join(h.dir, 'out'), { publish: true });
    expect(r.kind).toBe('preview');
    const root = join(h.dir, 'out', a.meta.slug);
    expect(readFileSync(join(root, 'index.html'), 'utf8')).toContain('<meta name="robots" content="noindex">');
    expect(JSON.parse(readFileSync(join(root, 'article.ninjs.json'), 'utf8')).pubStatus).toBe('withheld');
    expect(h.articles.get(a.meta.id).meta.status).toBe('in_edit');
  });

  it('publishes an approved article: status, publish time, record of exactly what went out', async () => {
    const a = await photoArticle(h, { status: 'approved', publishedAt: null });
    const r = await exportOne(a.meta.id, join(h.dir, 'out'), { publish: true });
    expect(r.kind).toBe('publish');
    const after = h.articles.get(a.meta.id);
    expect(after.meta.status).toBe('published');
    expect(after.meta.publishedAt).not.toBeNull();
    const root = join(h.dir, 'out', a.meta.slug);
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    expect(html).not.toContain('noindex');
    expect(html).toContain(`<meta property="article:published_time" content="${after.meta.publishedAt}">`);
    const ninjs = JSON.parse(readFileSync(join(root, 'article.ninjs.json'), 'utf8'));
    expect(ninjs.pubStatus).toBe('usable');
    expect(ninjs.version).toBe(String(after.revision));
    const [record] = h.service.records.forArticle(a.meta.id);
    expect(record).toMatchObject({ kind: 'publish', articleRevision: after.revision, profileName: 'default', indexSha256: sha256(readFileSync(join(root, 'index.html'))) });
    expect(record!.manifestSha256).toBe(sha256(readFileSync(join(root, 'manifest-sha256.txt'))));
    // Re-exporting the published article gives the same bytes.
    const first = snapshot(root);
    await exportOne(a.meta.id, join(h.dir, 'out'), { publish: true });
    expect(snapshot(root)).toEqual(first);
  });

  it('puts the status back when publishing fails to write', async () => {
    const a = await photoArticle(h, { status: 'approved', publishedAt: null });
    h.media.clear();
    await expect(exportOne(a.meta.id, join(h.dir, 'out'), { publish: true })).rejects.toThrow(/not in the media library/);
    const after = h.articles.get(a.meta.id);
    expect(after.meta.status).toBe('approved');
    expect(after.meta.publishedAt).toBeNull();
    expect(existsSync(join(h.dir, 'out', a.meta.slug))).toBe(false);
  });

  it('uses the profile: site name, base URL, time zone, date style and extra CSS', async () => {
    h.service.profiles.save('english', { ...DEFAULT_PROFILE, siteName: 'Lai Chau News', baseUrl: 'https://en.example.org/news/', locale: 'en_GB', timeZone: 'Europe/London', dateStyle: 'iso', css: 'h1{color:#102030}' });
    const a = createArticle(h, { headline: 'Training officials', lead: 'Lai Chau trains its officials.', blocks: ['Body text.'], authors: ['Tien Thanh'] }, { language: 'en', agencyTag: '', datelinePlace: 'Lai Chau' });
    await exportOne(a.meta.id, join(h.dir, 'out'), { profile: 'english' });
    const html = readFileSync(join(h.dir, 'out', a.meta.slug, 'index.html'), 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(`<link rel="canonical" href="https://en.example.org/news/${a.meta.slug}/">`);
    expect(html).toContain('<meta property="og:locale" content="en_GB">');
    expect(html).toContain('<time datetime="2016-06-10T10:36:00+01:00">2016-06-10T10:36:00+01:00</time>');
    expect(html).toContain('h1{color:#102030}');
    expect(html).toContain('<p class="lead"><span class="tag">Lai Chau (BLC) –</span> Lai Chau trains its officials.</p>');
  });

  it('writes a batch index.json and keeps going when one article fails', async () => {
    const good = await photoArticle(h, { status: 'approved' });
    const bad = createArticle(h, { headline: '', lead: 'Không có tít.', blocks: ['Nội dung.'], authors: ['A'] }, { status: 'approved', slug: 'khong-tit' });
    const other = createArticle(h, { headline: 'Bài nháp', lead: 'Chưa duyệt.', blocks: ['Nội dung.'], authors: ['B'] }, { status: 'draft' });
    const out = join(h.dir, 'batch');
    const { results, indexPath } = await h.service.exportMany({ status: 'approved', outDir: out, zip: false, profile: 'default', publish: true });
    expect(results.map((r) => [r.id, r.ok])).toEqual(expect.arrayContaining([[good.meta.id, true], [bad.meta.id, false]]));
    expect(results.find((r) => r.id === bad.meta.id)!.blocking.map((i) => i.code)).toContain('no_headline');
    expect(results.some((r) => r.id === other.meta.id)).toBe(false);
    const index = JSON.parse(readFileSync(indexPath!, 'utf8'));
    expect(index.articles).toEqual([
      { slug: good.meta.slug, headline: 'Từng bước đáp ứng yêu cầu của nền hành chính hiện đại', publishedAt: '2016-06-10T16:36:00+07:00', kind: 'publish', path: `${good.meta.slug}/index.html`, sha256: sha256(readFileSync(join(out, good.meta.slug, 'index.html'))) },
    ]);
  });

  it('refuses two articles with the same slug in one batch instead of overwriting', async () => {
    const a = createArticle(h, { headline: 'Tin A', lead: 'Lead.', blocks: ['Một.'], authors: ['A'] }, { slug: 'trung-ten' });
    const b = createArticle(h, { headline: 'Tin B', lead: 'Lead.', blocks: ['Hai.'], authors: ['B'] }, { slug: 'trung-ten' });
    const { results } = await h.service.exportMany({ ids: [a.meta.id, b.meta.id], outDir: join(h.dir, 'out'), zip: false, profile: 'default', publish: false });
    expect(results[0]!.ok).toBe(true);
    expect(results[1]!.ok).toBe(false);
    expect(results[1]!.message).toMatch(/already used/);
    expect(readFileSync(join(h.dir, 'out', 'trung-ten', 'index.html'), 'utf8')).toContain('Tin A');
  });
});
