import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { DEFAULT_PROFILE, PublicationProfile } from '../../src/shared/export';
import { scriptSafeJson } from '../../src/main/core/export/json-ld';
import { inside } from '../../src/main/core/export/atomic-write';
import { createArticle, createHarness, makePhoto, type ExportHarness } from './export-fixtures';

const HOSTILE = {
  headline: '</script><script>alert(1)</script> "Tít" & <b>đậm</b> <!--',
  lead: '<!-- <img src=x onerror=alert(1)> --> ]]> \u2028 Mở đầu',
  section: '</title><svg onload=alert(3)>',
  tags: ['"><script>alert(2)</script>', "' onmouseover='alert(5)"],
  author: '<a href="javascript:alert(1)">Tèo</a>',
  caption: '" onerror="alert(4)',
  credit: '</figcaption><script>alert(6)</script>',
  alt: '"><img src=x onerror=alert(7)>',
  place: '</p><script>alert(8)</script>',
  agencyTag: '<i>X</i>',
};

describe('export safety', () => {
  let h: ExportHarness;
  beforeEach(() => {
    h = createHarness();
  });
  afterEach(() => h.cleanup());

  it('escapes hostile text in every field so nothing runs or breaks out of the page', async () => {
    h.service.profiles.save('default', { ...DEFAULT_PROFILE, siteName: '</title><script>alert(9)</script>' });
    const mediaId = await h.addPhoto(await makePhoto(h.dir, { width: 1300, height: 900 }));
    const a = createArticle(
      h,
      {
        headline: HOSTILE.headline,
        lead: HOSTILE.lead,
        blocks: ['Đoạn một.', { figure: { mediaId, caption: HOSTILE.caption, credit: HOSTILE.credit, alt: HOSTILE.alt } }, { link: { text: 'nguồn', href: new URL('https://example.org/?q="><script>').href } }],
        authors: [HOSTILE.author],
      },
      { slug: 'bai-doc-hai', section: HOSTILE.section, tags: HOSTILE.tags, datelinePlace: HOSTILE.place, agencyTag: HOSTILE.agencyTag },
    );
    const r = await h.service.exportArticle(a.meta.id, { outDir: join(h.dir, 'out'), zip: false, profile: h.service.profiles.get('default'), publish: false });
    expect(r.ok).toBe(true);
    const html = readFileSync(join(h.dir, 'out', 'bai-doc-hai', 'index.html'), 'utf8');
    const { document } = parseHTML(html);
    const scripts = Array.from(document.querySelectorAll('script'));
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.getAttribute('type')).toBe('application/ld+json');
    const ld = JSON.parse(scripts[0]!.textContent!);
    expect(ld.headline).toBe(HOSTILE.headline);
    expect(ld.articleSection).toBe(HOSTILE.section);
    expect(ld.keywords).toEqual(HOSTILE.tags);
    expect(ld.author[0].name).toBe(HOSTILE.author);
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).toBe(false);
    }
    for (const a of Array.from(document.querySelectorAll('a'))) expect(a.getAttribute('href')).toMatch(/^(https?:|mailto:)/);
    expect(document.querySelectorAll('svg, iframe, object, embed, b, i')).toHaveLength(0);
    expect(document.querySelector('title')!.textContent).toBe(`${HOSTILE.headline} – </title><script>alert(9)</script>`);
    expect(document.querySelector('h1')!.textContent).toBe(HOSTILE.headline);
    expect(document.querySelector('img')!.getAttribute('alt')).toBe(HOSTILE.alt);
    expect(document.querySelector('figcaption')!.textContent).toBe(`${HOSTILE.caption} ${HOSTILE.credit}`);
    expect(document.querySelector('meta[name="description"]')!.getAttribute('content')).toBe(HOSTILE.lead.replace(/\s+/g, ' '));
    expect(Array.from(document.querySelectorAll('meta[property="article:tag"]')).map((m) => m.getAttribute('content'))).toEqual(HOSTILE.tags);
    expect(document.querySelector('.byline a')!.getAttribute('href')).toMatch(/^https:\/\/baolaichau\.vn\/tac-gia\/[a-z0-9-]+\/$/);
    expect(document.querySelector('.lead .tag')!.textContent).toBe(`${HOSTILE.place} (${HOSTILE.agencyTag}) –`);
    const ninjs = JSON.parse(readFileSync(join(h.dir, 'out', 'bai-doc-hai', 'article.ninjs.json'), 'utf8'));
    expect(ninjs.headlines[0].value).toBe(HOSTILE.headline);
    const body = parseHTML(`<!DOCTYPE html><html><body>${ninjs.bodies[0].value}</body></html>`).document;
    expect(body.querySelectorAll('script, svg, img[onerror]')).toHaveLength(0);
    expect(body.querySelector('.lead')!.textContent).toBe(HOSTILE.lead);
  });

  it('keeps </script>, <!-- and line separators out of inline JSON', () => {
    const json = scriptSafeJson({ h: '</script><!--<script>&\u2028\u2029' });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual({ h: '</script><!--<script>&\u2028\u2029' });
  });

  it('drops an unsafe link that slipped into the database and blocks export in preflight', async () => {
    const a = createArticle(h, { headline: 'Liên kết', lead: 'Dẫn.', blocks: [{ link: { text: 'xem', href: 'https://example.org/' } }], authors: ['A'] }, { slug: 'lien-ket' });
    const raw = JSON.parse((h.db.prepare('SELECT document FROM articles WHERE id = ?').get(a.meta.id) as { document: string }).document);
    raw.content[2].content[0].content[1].marks[0].attrs.href = 'javascript:alert(1)';
    h.db.prepare('UPDATE articles SET document = ? WHERE id = ?').run(JSON.stringify(raw), a.meta.id);
    const pre = h.service.preflight(a.meta.id);
    expect(pre.exportable).toBe(false);
    expect(pre.errors.map((e) => e.code)).toEqual(['unsafe_link']);
    const r = await h.service.exportArticle(a.meta.id, { outDir: join(h.dir, 'out'), zip: false, profile: h.service.profiles.get('default'), publish: false });
    expect(r.ok).toBe(false);
    expect(existsSync(join(h.dir, 'out'))).toBe(false);
  });

  it('never writes outside the output folder, whatever the slug says', async () => {
    const a = createArticle(h, { headline: 'Tin', lead: 'Dẫn.', blocks: ['Một.'], authors: ['A'] }, { slug: 'tin' });
    const out = join(h.dir, 'nested', 'out');
    for (const slug of ['../../x', 'CON', 'con', 'a/b', '.hidden', '..', '']) {
      h.db.prepare('UPDATE articles SET slug = ? WHERE id = ?').run(slug, a.meta.id);
      await expect(h.service.exportArticle(a.meta.id, { outDir: out, zip: true, profile: h.service.profiles.get('default'), publish: false })).rejects.toThrow(/unsafe slug/);
    }
    expect(readdirSync(h.dir).sort()).toEqual(['n.db', 'n.db-shm', 'n.db-wal'].filter((f) => existsSync(join(h.dir, f))).sort());
    expect(() => inside('/tmp/out', '../x')).toThrow(/outside/);
    expect(() => inside('/tmp/out', '/etc/passwd')).toThrow(/outside/);
  });

  it('refuses profile CSS that could close its element or fetch anything', () => {
    for (const css of ['</style><script>alert(1)</script>', '@import "https://x.example/a.css";', 'body{background:url(https://x.example/p.png)}', 'a{b:\\3c}']) {
      expect(PublicationProfile.safeParse({ ...DEFAULT_PROFILE, css }).success, css).toBe(false);
    }
    expect(PublicationProfile.safeParse({ ...DEFAULT_PROFILE, baseUrl: 'javascript:alert(1)//' }).success).toBe(false);
    expect(PublicationProfile.safeParse({ ...DEFAULT_PROFILE, timeZone: 'Mars/Olympus' }).success).toBe(false);
  });
});
