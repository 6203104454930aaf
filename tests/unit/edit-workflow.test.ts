import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { documentFromStored } from '../../src/shared/document';
import type { ArticleStatus } from '../../src/shared/article';
import type { ProfileInput } from '../../src/shared/review/model';
import { proposeFromTransform } from '../../src/shared/review/suggest';
import { doc, storeFixture } from '../support/store-fixture';
import { findText } from '../support/calls';
import { DESK, moveAlongWorkflow } from '../support/workflow';

const REPORTER: ProfileInput = { displayName: 'Tiến Thành', initials: 'TT', role: 'reporter', color: '#1a7f5a' };

describe('editing moves the workflow', () => {
  let fx: ReturnType<typeof storeFixture>;
  beforeEach(() => (fx = storeFixture()));
  afterEach(() => fx.cleanup());

  async function articleAt(status: ArticleStatus) {
    const a = await fx.call('createArticle', { document: doc({ headline: 'Tin gốc', paragraphs: ['Đoạn một.'] }) });
    await moveAlongWorkflow(fx.core, a.meta.id, status);
    return fx.call('getArticle', { id: a.meta.id });
  }

  const edited = doc({ headline: 'Tin đã sửa', paragraphs: ['Đoạn một.'] });

  it('moves a submitted article to in edit on the first edit, logged with who and why', async () => {
    const a = await articleAt('submitted');
    fx.core.review.people.setLocal(REPORTER);
    const saved = await fx.call('saveArticle', { id: a.meta.id, baseRevision: a.revision, document: edited });
    expect(saved.status).toBe('in_edit');
    const after = await fx.call('getArticle', { id: a.meta.id });
    expect(after.meta.status).toBe('in_edit');
    expect(JSON.stringify(after.document)).toContain('Tin đã sửa');
    const last = (await fx.call('listTransitions', { id: a.meta.id })).at(-1);
    expect(last).toMatchObject({ from: 'submitted', to: 'in_edit', note: 'edited while submitted', profileId: fx.core.review.people.local()!.id });
  });

  it('does not move the workflow for a save that changes nothing', async () => {
    const a = await articleAt('submitted');
    const saved = await fx.call('saveArticle', { id: a.meta.id, baseRevision: a.revision, document: a.document, meta: { slug: a.meta.slug } });
    expect(saved.status).toBe('submitted');
    expect((await fx.call('getArticle', { id: a.meta.id })).meta.status).toBe('submitted');
  });

  for (const status of ['approved', 'published'] as const) {
    it(`refuses an unconfirmed edit of an ${status} article with a sentence, and changes nothing`, async () => {
      const a = await articleAt(status);
      const error = await fx.fail('saveArticle', { id: a.meta.id, baseRevision: a.revision, document: edited, meta: { section: 'Thời sự' } });
      expect(error).toEqual({ code: 'forbidden', message: expect.stringMatching(status === 'approved' ? /approved: editing moves it back to in edit/ : /published: editing reopens it as a correction/) });
      const after = await fx.call('getArticle', { id: a.meta.id });
      expect(after).toMatchObject({ revision: a.revision, meta: { status, section: '' } });
      expect(JSON.stringify(after.document)).toContain('Tin gốc');
    });
  }

  it('moves a confirmed edit of an approved article back to in edit', async () => {
    const a = await articleAt('approved');
    const saved = await fx.call('saveArticle', { id: a.meta.id, baseRevision: a.revision, document: edited, reopen: true });
    expect(saved.status).toBe('in_edit');
    const after = await fx.call('getArticle', { id: a.meta.id });
    expect(after).toMatchObject({ revision: saved.revision, meta: { status: 'in_edit' } });
    expect(JSON.stringify(after.document)).toContain('Tin đã sửa');
    expect((await fx.call('listTransitions', { id: a.meta.id })).at(-1)).toMatchObject({ from: 'approved', to: 'in_edit', note: 'edited while approved' });
  });

  it('reopens a published article as a correction, and its next publish is logged as a correction', async () => {
    const a = await articleAt('published');
    await fx.call('saveArticle', { id: a.meta.id, baseRevision: a.revision, document: edited, reopen: true });
    const log = await fx.call('listTransitions', { id: a.meta.id });
    expect(log.at(-1)).toMatchObject({ from: 'published', to: 'in_edit', note: 'reopened as a correction' });
    await moveAlongWorkflow(fx.core, a.meta.id, 'approved');
    const published = await fx.call('changeStatus', { id: a.meta.id, to: 'published', note: 'Sửa tên xã' });
    expect(published.transition.note).toBe('published as a correction: Sửa tên xã');
    // A later, ordinary publish is not a correction again.
    await fx.call('changeStatus', { id: a.meta.id, to: 'in_edit' });
    await fx.call('changeStatus', { id: a.meta.id, to: 'approved' });
    expect((await fx.call('changeStatus', { id: a.meta.id, to: 'published' })).transition.note).toBe('');
  });

  it('refuses a stale confirmed edit as a conflict without moving the workflow', async () => {
    const a = await articleAt('approved');
    const error = await fx.fail('saveArticle', { id: a.meta.id, baseRevision: a.revision - 1, document: edited, reopen: true });
    expect(error.code).toBe('conflict');
    expect((await fx.call('getArticle', { id: a.meta.id })).meta.status).toBe('approved');
  });
});

describe('approval needs a decided review', () => {
  let fx: ReturnType<typeof storeFixture>;
  beforeEach(() => (fx = storeFixture()));
  afterEach(() => fx.cleanup());

  async function inEditWithOpenReview() {
    fx.core.review.people.setLocal(DESK);
    const a = await fx.call('createArticle', { document: doc({ headline: 'Tin gốc', paragraphs: ['Hội nghị thực hiện nhiệm vụ.'] }) });
    await moveAlongWorkflow(fx.core, a.meta.id, 'in_edit');
    const pm = documentFromStored(a.document);
    const t = findText(pm, 'thực hiện');
    const [suggestion] = await fx.call('proposeSuggestions', { articleId: a.meta.id, changes: proposeFromTransform(pm, EditorState.create({ doc: pm }).tr.insertText('triển khai', t.from, t.to).steps)! });
    const thread = await fx.call('addComment', { articleId: a.meta.id, ...findText(pm, 'nhiệm vụ'), body: 'Nhiệm vụ gì?' });
    return { id: a.meta.id, suggestion: suggestion!, thread };
  }

  it('refuses to approve with an open suggestion and an unresolved comment, naming both', async () => {
    const { id } = await inEditWithOpenReview();
    const error = await fx.fail('changeStatus', { id, to: 'approved' });
    expect(error).toEqual({ code: 'forbidden', message: 'Cannot approve: 1 suggestion still open and 1 comment thread unresolved. Decide them first, or approve with an override reason.' });
    expect((await fx.call('getArticle', { id })).meta.status).toBe('in_edit');
  });

  it('approves once the review is decided, with no override logged', async () => {
    const { id, suggestion, thread } = await inEditWithOpenReview();
    await fx.call('decideSuggestions', { articleId: id, ids: [suggestion.id], decision: 'reject' });
    expect((await fx.fail('changeStatus', { id, to: 'approved' })).message).toMatch(/1 comment thread unresolved/);
    await fx.call('resolveComment', { threadId: thread.threadId, resolved: true });
    const moved = await fx.call('changeStatus', { id, to: 'approved' });
    expect(moved.transition).toMatchObject({ to: 'approved', overrideReason: null });
  });

  it('accepts a suggestion into an approved article only when confirmed, which moves it back to in edit', async () => {
    const { id, suggestion } = await inEditWithOpenReview();
    await fx.call('changeStatus', { id, to: 'approved', overrideReason: 'Để sửa sau' });
    const refused = await fx.fail('decideSuggestions', { articleId: id, ids: [suggestion.id], decision: 'accept' });
    expect(refused).toEqual({ code: 'forbidden', message: expect.stringMatching(/approved: editing moves it back to in edit/) });
    expect((await fx.call('listSuggestions', { articleId: id, status: 'open' })).map((s) => s.id)).toEqual([suggestion.id]);
    expect(JSON.stringify(fx.core.articles.get(id).document)).toContain('thực hiện');
    await fx.call('decideSuggestions', { articleId: id, ids: [suggestion.id], decision: 'accept', reopen: true });
    expect(fx.core.articles.get(id).meta.status).toBe('in_edit');
    expect(JSON.stringify(fx.core.articles.get(id).document)).toContain('triển khai');
    expect((await fx.call('listTransitions', { id })).at(-1)).toMatchObject({ from: 'approved', to: 'in_edit', note: 'edited while approved' });
  });

  it('approves over an open review with a stated reason, logged as the override', async () => {
    const { id } = await inEditWithOpenReview();
    const moved = await fx.call('changeStatus', { id, to: 'approved', overrideReason: 'Gợi ý nhỏ, xử lý sau khi lên trang' });
    expect(moved.transition).toMatchObject({ to: 'approved', overrideReason: 'Gợi ý nhỏ, xử lý sau khi lên trang' });
    expect((await fx.call('getArticle', { id })).meta.status).toBe('approved');
  });
});

describe('keep mine after a save conflict', () => {
  let fx: ReturnType<typeof storeFixture>;
  beforeEach(() => (fx = storeFixture()));
  afterEach(() => fx.cleanup());

  it('replaces the other writer’s version and keeps theirs restorable in history', async () => {
    const a = await fx.call('createArticle', { document: doc({ headline: 'Tin gốc', paragraphs: ['Đoạn gốc.'] }) });
    // Another window saves first (an autosave: no revision of its own).
    const theirs = await fx.call('saveArticle', { id: a.meta.id, baseRevision: a.revision, document: doc({ headline: 'Tin gốc', paragraphs: ['Đoạn của họ.'] }) });
    expect((await fx.fail('saveArticle', { id: a.meta.id, baseRevision: a.revision, document: doc({ headline: 'Tin gốc', paragraphs: ['Đoạn của tôi.'] }) })).code).toBe('conflict');
    const mine = await fx.call('saveArticle', { id: a.meta.id, replaces: theirs.revision, document: doc({ headline: 'Tin gốc', paragraphs: ['Đoạn của tôi.'] }) });
    expect(JSON.stringify((await fx.call('getArticle', { id: a.meta.id })).document)).toContain('Đoạn của tôi.');
    const history = (await fx.call('listRevisions', { articleId: a.meta.id })).items;
    const kept = history.find((r) => r.articleRevision === theirs.revision);
    expect(kept).toBeDefined();
    expect(JSON.stringify((await fx.call('getRevision', { articleId: a.meta.id, revisionId: kept!.id })).document)).toContain('Đoạn của họ.');
    expect(mine.revision).toBe(theirs.revision + 1);
  });

  it('refuses to replace a version other than the one the user saw', async () => {
    const a = await fx.call('createArticle', { document: doc({ headline: 'Tin gốc' }) });
    const theirs = await fx.call('saveArticle', { id: a.meta.id, baseRevision: a.revision, document: doc({ headline: 'Bản hai' }) });
    await fx.call('saveArticle', { id: a.meta.id, baseRevision: theirs.revision, document: doc({ headline: 'Bản ba' }) });
    const error = await fx.fail('saveArticle', { id: a.meta.id, replaces: theirs.revision, document: doc({ headline: 'Bản của tôi' }) });
    expect(error.code).toBe('conflict');
    expect(JSON.stringify((await fx.call('getArticle', { id: a.meta.id })).document)).toContain('Bản ba');
  });
});
