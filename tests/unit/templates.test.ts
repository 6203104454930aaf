import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/core/core';
import type { Article } from '../../src/shared/article';
import { createDocument, documentFromStored, documentToStored } from '../../src/shared/document';
import type { ArticleTemplate } from '../../src/shared/templates';
import { tempDir } from '../support/temp';
import { DESK } from '../support/workflow';

let core: Core;
let cleanup: () => void;

beforeEach(() => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  core = createCore({ databasePath: join(temp.dir, 'n.db'), host: 'browser' });
});
afterEach(() => {
  core.close();
  cleanup();
});

async function ok<T>(name: string, input: unknown): Promise<T> {
  const result = await core.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const templates = async () => (await ok<{ items: ArticleTemplate[] }>('listTemplates', {})).items;
const named = async (name: string) => (await templates()).find((t) => t.name === name)!;
/** Each body block as `kind: text`. */
const bodyOutline = (article: Article) => {
  const lines: string[] = [];
  documentFromStored(article.document).child(2).forEach((b) => lines.push(`${b.type.name}: ${b.textContent}`));
  return lines;
};

describe('article templates', () => {
  it('a new database has the news, interview, photo story and brief templates', async () => {
    expect((await templates()).map((t) => t.name)).toEqual(['Tin tức', 'Phỏng vấn', 'Phóng sự ảnh', 'Tin ngắn']);
  });

  it('a new article from the interview template has its question headings, length target, section and tags', async () => {
    const article = await ok<Article>('createFromTemplate', { templateId: (await named('Phỏng vấn')).id });
    expect(bodyOutline(article)).toEqual(['paragraph: ', 'heading: PV:', 'paragraph: ', 'heading: PV:', 'paragraph: ', 'heading: PV:', 'paragraph: ']);
    expect(article.meta).toMatchObject({ status: 'draft', section: 'Thời sự', tags: ['phỏng vấn'], lengthTarget: { min: 800, max: 1200, leadMax: 80 } });
    const photos = await ok<Article>('createFromTemplate', { templateId: (await named('Phóng sự ảnh')).id });
    expect(bodyOutline(photos).filter((l) => l.startsWith('figure'))).toHaveLength(3);
  });

  it('only the desk may change or delete a template; a refusal changes nothing', async () => {
    const interview = await named('Phỏng vấn');
    const change = { id: interview.id, name: 'Đổi tên', preset: interview.preset };
    const noProfile = await core.call('saveTemplate', change);
    expect(noProfile).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('Only a desk profile may change templates') } });
    core.review.people.setLocal({ ...DESK, role: 'reporter' });
    expect(await core.call('deleteTemplate', { id: interview.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await core.call('saveTemplate', change)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await templates()).map((t) => t.name)).toContain('Phỏng vấn');
  });

  it('the desk renames a template, changes its presets and takes its parts from an article; the next new article uses them', async () => {
    core.review.people.setLocal(DESK);
    const source = core.articles.create({
      document: documentToStored(createDocument({ headline: 'Đối thoại cuối tuần', lead: 'Giới thiệu khách mời.', paragraphs: ['Hỏi đáp thứ nhất.', 'Hỏi đáp thứ hai.'], authors: ['Tiến Thành'] })),
    });
    const interview = await named('Phỏng vấn');
    const saved = await ok<ArticleTemplate>('saveTemplate', {
      id: interview.id,
      name: '  Phỏng vấn cuối tuần ',
      preset: { section: 'Cuối tuần', tags: ['đối thoại'], lengthTarget: { min: 1000, max: 1500 } },
      documentFromArticle: source.meta.id,
    });
    expect(saved.name).toBe('Phỏng vấn cuối tuần');
    const article = await ok<Article>('createFromTemplate', { templateId: interview.id });
    expect(article.meta).toMatchObject({ section: 'Cuối tuần', tags: ['đối thoại'], lengthTarget: { min: 1000, max: 1500 } });
    const doc = documentFromStored(article.document);
    expect(doc.child(0).textContent).toBe('Đối thoại cuối tuần');
    expect(doc.child(1).textContent).toBe('Giới thiệu khách mời.');
    expect(bodyOutline(article)).toEqual(['paragraph: Hỏi đáp thứ nhất.', 'paragraph: Hỏi đáp thứ hai.']);
    expect(doc.child(3).textContent).toBe(''); // the byline is for whoever writes the new article

    const created = await ok<ArticleTemplate>('saveTemplate', { name: 'Bình luận', preset: { section: 'Ý kiến', tags: [], lengthTarget: {} } });
    expect((await templates()).map((t) => t.name)).toEqual(['Tin tức', 'Phỏng vấn cuối tuần', 'Phóng sự ảnh', 'Tin ngắn', 'Bình luận']);
    await ok('deleteTemplate', { id: created.id });
    expect((await templates()).map((t) => t.name)).not.toContain('Bình luận');
    expect(await core.call('createFromTemplate', { templateId: created.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a template needs a name', async () => {
    core.review.people.setLocal(DESK);
    const result = await core.call('saveTemplate', { name: '   ', preset: { section: '', tags: [], lengthTarget: {} } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('a template needs a name') } });
  });
});
