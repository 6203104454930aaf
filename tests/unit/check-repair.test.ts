import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createCore } from '../../src/main/core/core';
import { createDocument, documentToStored } from '../../src/shared/document';
import { tempDbPerTest } from '../support/temp-per-test';
import { runCli } from '../support/cli';

/** The search index rows of an article: its map entry and whether the full-text row is there. */
function indexState(db: string, id: string): { mapped: number; texts: number } {
  const conn = new Database(db, { readonly: true });
  try {
    const mapped = (conn.prepare('SELECT count(*) AS n FROM search_map WHERE article_id = ?').get(id) as { n: number }).n;
    const texts = (conn.prepare('SELECT count(*) AS n FROM search_text').get() as { n: number }).n;
    return { mapped, texts };
  } finally {
    conn.close();
  }
}

describe('newsroom check reports before it repairs', () => {
  const temp = tempDbPerTest();

  it('reports a damaged search index and leaves it as is; --repair rebuilds it and says so', async () => {
    const core = createCore({ databasePath: temp.db, host: 'browser' });
    const id = core.articles.create({ document: documentToStored(createDocument({ headline: 'Đào tạo cán bộ', paragraphs: ['Nâng cao trình độ.'], authors: ['Tiến Thành'] })) }).meta.id;
    core.articles.search.flush();
    core.close();
    // Damage: the article's index entry is gone, and no marker says it needs re-indexing.
    const raw = new Database(temp.db);
    const rowid = (raw.prepare('SELECT rowid FROM search_map WHERE article_id = ?').get(id) as { rowid: number }).rowid;
    raw.prepare('DELETE FROM search_map WHERE rowid = ?').run(rowid);
    raw.prepare('DELETE FROM search_text WHERE rowid = ?').run(rowid);
    raw.close();

    for (let run = 0; run < 2; run++) {
      const r = await runCli(['check', '--db', temp.db]);
      expect(r.code).toBe(1);
      expect(r.out).toContain('search index: 1 problem');
      expect(r.out).toContain(`article ${id} is not indexed as it stands (repair: newsroom check --repair)`);
      expect(indexState(temp.db, id)).toEqual({ mapped: 0, texts: 0 }); // left as found, run after run
    }

    const repaired = await runCli(['check', '--repair', '--db', temp.db]);
    expect(repaired.code).toBe(0);
    expect(repaired.out).toContain('search index: 1 problem'); // the report comes first
    expect(repaired.out).toContain('repaired: search index rebuilt (1 articles re-indexed)');
    expect(repaired.out.split('after the repair:')[1]).toContain('search index: ok');
    expect(indexState(temp.db, id)).toEqual({ mapped: 1, texts: 1 });
    expect((await runCli(['search', 'dao tao', '--db', temp.db])).out).toContain(id);

    const again = await runCli(['check', '--repair', '--db', temp.db]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('nothing to repair');
  });

  it('reports articles still waiting to be indexed without indexing them', async () => {
    const core = createCore({ databasePath: temp.db, host: 'browser' });
    const id = core.articles.create({ document: documentToStored(createDocument({ headline: 'Mùa lúa', paragraphs: ['Lúa chín.'], authors: ['Tiến Thành'] })) }).meta.id;
    core.articles.search.cancelScheduled();
    core.db.close(); // as a crash would: the marker stays, the index never got the article
    const r = await runCli(['check', '--db', temp.db]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`article ${id} is not indexed as it stands`);
    expect(indexState(temp.db, id).mapped).toBe(0);
  });
});
