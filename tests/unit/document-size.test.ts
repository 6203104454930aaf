import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../src/main/core/core';
import { MAX_DOCUMENT_BYTES } from '../../src/shared/article';
import { createDocument, documentToStored } from '../../src/shared/document';
import { tempDbPerTest } from '../support/temp-per-test';
import { runCli } from '../support/cli';

const TOO_LARGE = /^The article is too large to store \(\d+\.\d MB; an article can hold at most 20\.0 MB\)\. Nothing was saved: split it into several articles\.$/;

/** A document whose stored JSON passes the limit by a little: one long paragraph. */
const oversized = () => documentToStored(createDocument({ headline: 'Quá dài', paragraphs: ['chữ '.repeat(Math.ceil(MAX_DOCUMENT_BYTES / 5) + 1000)], authors: ['Tiến Thành'] }));

describe('MAX_DOCUMENT_BYTES', () => {
  const temp = tempDbPerTest();

  it('refuses creating and saving a document over the limit with a sentence, keeping the stored article', async () => {
    const core = createCore({ databasePath: temp.db, host: 'browser' });
    try {
      const created = await core.call('createArticle', { document: oversized() });
      expect(created.ok).toBe(false);
      if (!created.ok) expect(created.error.message).toMatch(TOO_LARGE);
      expect(core.articles.list({ limit: 10, offset: 0 }).total).toBe(0);

      const small = await core.call('createArticle', { document: documentToStored(createDocument({ headline: 'Vừa', paragraphs: ['Đoạn một.'], authors: ['Tiến Thành'] })) });
      if (!small.ok) throw new Error(small.error.message);
      const { meta, revision } = small.value as { meta: { id: string }; revision: number };
      const saved = await core.call('saveArticle', { id: meta.id, baseRevision: revision, document: oversized() });
      expect(saved.ok).toBe(false);
      if (!saved.ok) expect(saved.error.message).toMatch(TOO_LARGE);
      const kept = core.articles.get(meta.id);
      expect(kept.revision).toBe(revision);
      expect(JSON.stringify(kept.document.doc)).toContain('Đoạn một.');
    } finally {
      core.close();
    }
  });

  it('refuses an import whose document would pass the limit (a text file of many short lines)', async () => {
    const file = join(temp.dir, 'danh-sach.txt');
    // ~1.5 MB of text, but every line is a paragraph: its stored JSON is over 20 MB.
    writeFileSync(file, 'Tít\n\n' + 'ab\n\n'.repeat(380_000));
    const r = await runCli(['import', file, '--db', temp.db]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/The article is too large to store \(\d+\.\d MB; an article can hold at most 20\.0 MB\)/);
    expect((await runCli(['list', '--json', '--db', temp.db])).out).toContain('"total": 0');
  }, 60_000);
});
