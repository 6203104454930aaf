import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { createDocument, documentToStored } from '../../src/shared/document';
import { storeFixture, type StoreFixture } from '../support/store-fixture';

let fx: StoreFixture;
let core: Core;

beforeEach(() => ({ core } = fx = storeFixture()));
afterEach(() => fx.cleanup());

async function create(headline = 'Tít') {
  const r = await core.call('createArticle', { document: documentToStored(createDocument({ headline, paragraphs: ['Đoạn một.'], authors: ['Tiến Thành'] })) });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as { meta: { id: string; slug: string }; revision: number };
}

describe('API dispatch', () => {
  it('creates, saves, lists and reads an article', async () => {
    const a = await create('Đào tạo cán bộ');
    expect(a.meta.slug).toBe('dao-tao-can-bo');
    const saved = await core.call('saveArticle', {
      id: a.meta.id,
      baseRevision: a.revision,
      document: documentToStored(createDocument({ headline: 'Đào tạo cán bộ mới', paragraphs: ['Một hai ba.'] })),
      meta: { section: 'Thời sự', tags: ['Lai Châu'] },
    });
    expect(saved).toMatchObject({ ok: true, value: { revision: 2 } });
    const list = await core.call('listArticles', {});
    expect(list).toMatchObject({ ok: true, value: { total: 1, items: [{ headline: 'Đào tạo cán bộ mới', section: 'Thời sự', wordCount: 8 }] } });
  });

  it('rejects bad input with typed errors and no stack', async () => {
    const cases: [string, unknown][] = [
      ['getArticle', { id: 42 }],
      ['getArticle', { id: '../../etc/passwd' }],
      ['getArticle', {}],
      ['getArticle', null],
      ['listArticles', { limit: 1e9 }],
      ['listArticles', { status: 'burnt' }],
      ['createArticle', { document: { version: 1, doc: { type: 'doc', content: [{ type: 'script' }] } } }],
      ['createArticle', { document: 'not a document' }],
      ['createArticle', { meta: { slug: '../../x' } }],
      ['createArticle', { meta: { publishedAt: 'yesterday' } }],
      ['createArticle', { extra: true }],
    ];
    for (const [name, input] of cases) {
      const r = await core.call(name, input);
      expect(r.ok, `${name} ${JSON.stringify(input)}`).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid_input');
        expect(r.error.message).not.toMatch(/\n\s+at /);
      }
    }
    expect(await core.call('dropDatabase', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(await core.call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
  });

  it('reports not_found and conflict', async () => {
    expect(await core.call('getArticle', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const a = await create();
    await core.call('saveArticle', { id: a.meta.id, baseRevision: 1, meta: { section: 'A' } });
    expect(await core.call('saveArticle', { id: a.meta.id, baseRevision: 1, meta: { section: 'B' } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('stores NFC even when the client sends NFD', async () => {
    const nfc = 'Tiếng Mông';
    const nfd = nfc.normalize('NFD');
    // The request as a client puts it on the wire: JSON text whose strings are NFD,
    // built around a placeholder so nothing on the client side normalises it first.
    const shape = JSON.stringify({ document: documentToStored(createDocument({ headline: 'HEADLINE', paragraphs: ['PARAGRAPH'] })), meta: { section: 'SECTION', tags: ['TAG'] } });
    const wire = shape.replace(/HEADLINE|PARAGRAPH|SECTION|TAG/g, nfd);
    expect(wire).toContain(nfd);
    expect(wire).not.toContain(nfc);
    const r = await core.call('createArticle', JSON.parse(wire));
    expect(r.ok).toBe(true);
    // The bytes the store holds: every text column of the row, read back from SQLite.
    const row = core.db.prepare('SELECT headline, section, tags, document FROM articles').get() as Record<string, string>;
    const stored = Object.values(row).join('\n');
    expect(stored.split(nfc).length - 1).toBeGreaterThanOrEqual(5);
    expect(stored).not.toContain(nfd);
    expect(stored).toBe(stored.normalize('NFC'));
  });

  it('deletes to the bin and restores', async () => {
    const a = await create();
    await core.call('deleteArticle', { id: a.meta.id });
    expect(await core.call('listArticles', {})).toMatchObject({ value: { total: 0 } });
    await core.call('restoreArticle', { id: a.meta.id });
    expect(await core.call('listArticles', {})).toMatchObject({ value: { total: 1 } });
  });
});
