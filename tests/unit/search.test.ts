import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/main/core/search/query';
import { foldMapped } from '../../src/main/core/search/fold';
import { main } from '../../src/main/cli/main';
import type { SearchHit } from '../../src/shared/search';
import type { Segment } from '../../src/shared/search';
import { doc, storeFixture } from '../support/store-fixture';
import { moveAlongWorkflow } from '../support/workflow';
import type { ArticleStatus } from '../../src/shared/article';

let fx: ReturnType<typeof storeFixture>;
beforeEach(() => (fx = storeFixture()));
afterEach(() => fx.cleanup());

const headlines = (items: SearchHit[]) => items.map((i) => i.article.headline);
const hitTexts = (segments: Segment[]) => segments.filter((s) => s.hit).map((s) => s.text);
const search = async (query: string, more: Record<string, unknown> = {}) => (await fx.call('searchArticles', { query, ...more })).items;

/** An article created over the API; a status other than draft is reached through the workflow. */
async function create(headline: string, paragraphs: string[] = [], meta: { status?: ArticleStatus } & Record<string, unknown> = {}, authors: string[] = []) {
  const { status, ...rest } = meta;
  const id = (await fx.call('createArticle', { document: doc({ headline, paragraphs, authors }), meta: rest })).meta.id;
  if (status && status !== 'draft') await moveAlongWorkflow(fx.core, id, status);
  return id;
}

describe('query parsing', () => {
  it('folds, quotes every word, and makes the last word a prefix while typing', () => {
    expect(parseQuery('Đào TẠO')!.match).toBe('"dao" "tao" *');
    expect(parseQuery('đào tạo ')!.match).toBe('"dao" "tao"');
    expect(parseQuery('"cán bộ" tỉnh')!.match).toBe('"can bo" "tinh" *');
    expect(parseQuery('"cán bộ"')!.match).toBe('"can bo"');
    expect(parseQuery('"cán b')!.match).toBe('"can b" *');
    expect(parseQuery('  " * - ')).toBeNull();
  });

  it('treats FTS5 operators and punctuation as plain words', () => {
    expect(parseQuery('cán OR bộ NEAR(x) *')!.match).toBe('"can" "or" "bo" "near" "x"');
    expect(parseQuery('05-NQ/TU')!.match).toBe('"05" "nq" "tu" *');
  });

  it('maps folded offsets back to the original text, NFD input included', () => {
    const text = 'Đào tạo';
    const { folded, map } = foldMapped(text);
    expect(folded).toBe('dao tao');
    expect(text.slice(map[4]!, map[7]!)).toBe('tạo');
  });
});

describe('Vietnamese search', () => {
  beforeEach(async () => {
    await create('Công tác đào tạo cán bộ ở Lai Châu', ['Tỉnh chú trọng bồi dưỡng công chức.']);
    await create('Mùa màng bội thu', ['Nông dân vui vì giá lúa tăng.']);
  });

  it('finds đào tạo from dao tao, Đào tạo and ĐÀO TẠO, and from NFD input', async () => {
    for (const q of ['dao tao', 'Đào tạo', 'ĐÀO TẠO', 'đào tạo'.normalize('NFD'), 'DAO TAO']) {
      expect(headlines(await search(q)), q).toEqual(['Công tác đào tạo cán bộ ở Lai Châu']);
    }
  });

  it('matches hoà and hòa (old and new tone placement) both ways', async () => {
    await create('Hoà giải ở cơ sở');
    await create('Hòa bình cho vùng biên');
    expect(headlines(await search('hoà ')).sort()).toEqual(['Hoà giải ở cơ sở', 'Hòa bình cho vùng biên']);
    expect(headlines(await search('hòa ')).sort()).toEqual(['Hoà giải ở cơ sở', 'Hòa bình cho vùng biên']);
  });

  it('matches the last word as a prefix while typing (cán b finds cán bộ)', async () => {
    expect(headlines(await search('cán b'))).toEqual(['Công tác đào tạo cán bộ ở Lai Châu']);
    expect(headlines(await search('bồi dư'))).toEqual(['Công tác đào tạo cán bộ ở Lai Châu']);
    // A finished word (trailing space) is not a prefix.
    expect(await search('cán b ')).toEqual([]);
  });

  it('matches an exact phrase only in that order', async () => {
    await create('Bộ cán sự', ['Một bài khác.']);
    expect(headlines(await search('"cán bộ"'))).toEqual(['Công tác đào tạo cán bộ ở Lai Châu']);
    expect(headlines(await search('cán bộ ')).sort()).toEqual(['Bộ cán sự', 'Công tác đào tạo cán bộ ở Lai Châu']);
  });

  it('searches lead, body, captions, credits, byline, tags and slug', async () => {
    const id = (
      await fx.call('createArticle', {
        document: {
          version: 1,
          doc: {
            type: 'doc',
            content: [
              { type: 'headline', content: [{ type: 'text', text: 'Bài có ảnh' }] },
              { type: 'lead', content: [{ type: 'text', text: 'Sa Pa mờ sương' }] },
              {
                type: 'body',
                content: [
                  { type: 'paragraph', content: [{ type: 'text', text: 'Ruộng bậc thang' }] },
                  { type: 'figure', attrs: { mediaId: null, alt: '' }, content: [{ type: 'caption', content: [{ type: 'text', text: 'Chợ phiên Bắc Hà' }] }, { type: 'credit', content: [{ type: 'text', text: 'Ảnh: Quàng Thị Mai' }] }] },
                ],
              },
              { type: 'byline', content: [{ type: 'author', content: [{ type: 'text', text: 'Lò Văn Pấng' }] }] },
            ],
          },
        },
        meta: { tags: ['Du lịch Tây Bắc'], slug: 'sapa-mua-dong' },
      })
    ).meta.id;
    for (const q of ['sương', 'bậc thang', 'chợ phiên', 'quàng thị mai', 'lò văn pấng', 'tây bắc', 'sapa']) {
      expect((await search(q)).map((h) => h.article.id), q).toEqual([id]);
    }
  });
});

describe('ranking, snippets and filters', () => {
  it('ranks headline hits above body hits, then the most recently changed first', async () => {
    const old = await create('Đào tạo nghề cho thanh niên');
    await create('Tin thời tiết', ['Trung tâm đào tạo nghề mở lớp mới.']);
    const newest = await create('Tin giao thông', ['Đào tạo lái xe an toàn.']);
    const items = await search('đào tạo');
    expect(items.map((i) => i.matchedIn)).toEqual(['headline', 'text', 'text']);
    expect(items[0]!.article.id).toBe(old);
    expect(items[1]!.article.id).toBe(newest);
    // Editing the older body article moves it up among body hits.
    const weather = items[2]!.article.id;
    await fx.call('saveArticle', { id: weather, document: doc({ headline: 'Tin thời tiết', paragraphs: ['Trung tâm đào tạo nghề mở thêm lớp.'] }) });
    expect((await search('đào tạo')).map((i) => i.article.id)).toEqual([old, weather, newest]);
  });

  it('gives snippets as plain segments of the original text, hits marked, never HTML', async () => {
    const long = 'Mở đầu dài dòng. '.repeat(30);
    await create('Tin <b>đậm</b> & "trích"', ['Mở đầu.', `${long}Theo đó, công tác ĐÀO TẠO <script>alert(1)</script> được quan tâm. ${long}`]);
    const [hit] = await search('dao tao');
    expect(hitTexts(hit!.snippet)).toEqual(['ĐÀO', 'TẠO']);
    const snippetText = hit!.snippet.map((s) => s.text).join('');
    expect(snippetText).toContain('<script>alert(1)</script>');
    expect(snippetText.startsWith('…')).toBe(true);
    expect(snippetText.length).toBeLessThan(260);
    expect(hit!.headline.map((s) => s.text).join('')).toBe('Tin <b>đậm</b> & "trích"');
    const [h2] = await search('đậm');
    expect(hitTexts(h2!.headline)).toEqual(['đậm']);
    expect(h2!.matchedIn).toBe('headline');
  });

  it('filters by status, section, author, tag and date range', async () => {
    const a = await create('Lúa mùa', [], { status: 'published', section: 'Kinh tế', tags: ['nông nghiệp'], publishedAt: '2024-04-30T14:43:00+07:00' }, ['Tiến Thành']);
    const b = await create('Lúa chiêm', [], { status: 'draft', section: 'Xã hội', tags: ['mùa vụ'] }, ['Thu Hà']);
    const ids = async (more: Record<string, unknown>) => (await search('lúa', more)).map((h) => h.article.id);
    expect(await ids({ status: 'published' })).toEqual([a]);
    expect(await ids({ section: 'Xã hội' })).toEqual([b]);
    expect(await ids({ author: 'Tiến Thành' })).toEqual([a]);
    expect(await ids({ tag: 'mùa vụ' })).toEqual([b]);
    // Filter values typed decomposed (as macOS and some keyboards send them) match the NFC fields.
    expect(await ids({ section: 'Xã hội'.normalize('NFD'), author: 'Thu Hà'.normalize('NFD'), tag: 'mùa vụ'.normalize('NFD') })).toEqual([b]);
    expect(await ids({ dateField: 'published', from: '2024-04-30', to: '2024-04-30' })).toEqual([a]);
    expect(await ids({ dateField: 'published', from: '2024-05-01' })).toEqual([]);
    expect(await ids({ from: '2000-01-01', to: '2000-01-02' })).toEqual([]);
    // An empty query lists the filtered articles, newest first.
    expect((await search('', { status: 'draft' })).map((h) => h.article.id)).toEqual([b]);
    expect((await fx.fail('searchArticles', { query: 'lúa', from: '30/04/2024' })).code).toBe('invalid_input');
  });

  it('pages through results without gaps or repeats', async () => {
    for (let i = 0; i < 7; i++) await create(`Tin số ${i}`, ['Chuyện đào tạo.']);
    for (let i = 0; i < 4; i++) await create(`Đào tạo ${i}`);
    const seen: string[] = [];
    for (let offset = 0; ; offset += 3) {
      const page = await fx.call('searchArticles', { query: 'đào tạo', limit: 3, offset });
      seen.push(...page.items.map((h) => h.article.id));
      if (!page.hasMore) break;
    }
    expect(seen).toHaveLength(11);
    expect(new Set(seen).size).toBe(11);
  });
});

describe('the index stays exact', () => {
  it('after edits, bin, restore from bin, revision restore and re-open', async () => {
    const id = await create('Đường lên bản', ['Con đường đất đỏ.']);
    await fx.call('saveArticle', { id, document: doc({ headline: 'Đường lên bản', paragraphs: ['Con đường bê tông mới.'] }) });
    expect(await search('đất đỏ')).toEqual([]);
    expect((await search('bê tông')).map((h) => h.article.id)).toEqual([id]);

    await fx.call('deleteArticle', { id });
    expect(await search('bê tông')).toEqual([]);
    await fx.call('restoreArticle', { id });
    expect((await search('bê tông')).map((h) => h.article.id)).toEqual([id]);

    const first = (await fx.call('listRevisions', { articleId: id })).items.at(-1)!;
    await fx.call('restoreRevision', { articleId: id, revisionId: first.id });
    expect((await search('đất đỏ')).map((h) => h.article.id)).toEqual([id]);
    expect(await search('bê tông')).toEqual([]);

    fx.core.close();
    const { createCore } = await import('../../src/main/core/core');
    const reopened = createCore({ databasePath: fx.dbPath, host: 'browser' });
    const r = await reopened.call('searchArticles', { query: 'đất đỏ' });
    expect(r.ok && r.value).toMatchObject({ items: [{ article: { id } }] });
    reopened.close();
  });

  it('catches up on writes another process left unindexed', async () => {
    const id = await create('Chợ tình', ['Khâu Vai mùa xuân']);
    // Another process saved and died before indexing: only the marker is left.
    fx.core.db.prepare(`UPDATE articles SET document = replace(document, 'Khâu Vai', 'Sa Pa'), revision = revision + 1 WHERE id = ?`).run(id);
    fx.core.db.prepare('INSERT OR IGNORE INTO search_dirty (article_id) VALUES (?)').run(id);
    expect(await search('khâu vai')).toEqual([]);
    expect((await search('sa pa')).map((h) => h.article.id)).toEqual([id]);
  });
});

describe('newsroom search', () => {
  it('prints ranked results with marked hits, honours --status and --json', async () => {
    await create('Đào tạo cán bộ', [], { status: 'published' });
    await create('Tin khác', ['Chuyện đào tạo.'], { status: 'draft' });
    fx.core.close();
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    expect(await main(['search', 'DAO', 'TAO', '--db', fx.dbPath], io)).toBe(0);
    expect(out[0]).toContain('«Đào» «tạo» cán bộ');
    expect(out.at(-1)).toBe('2 results');
    out.length = 0;
    expect(await main(['search', 'dao tao', '--status', 'draft', '--json', '--db', fx.dbPath], io)).toBe(0);
    const json = JSON.parse(out.join('\n')) as { items: SearchHit[] };
    expect(json.items.map((h) => h.article.headline)).toEqual(['Tin khác']);
    expect(await main(['search', 'x', '--status', 'nope', '--db', fx.dbPath], io)).toBe(2);
    expect(err.at(-1)).toMatch(/unknown status "nope"/);
  });
});
