import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExportService } from '../../src/main/core/export/service';
import type { Core } from '../../src/main/core/core';
import type { ArticleStatus } from '../../src/shared/article';
import type { ProfileInput } from '../../src/shared/review/model';
import { publishNeedsOverride, spikedFromLog, statusMoves } from '../../src/shared/review/workflow';
import { doc, storeFixture } from '../support/store-fixture';
import { DESK, moveAlongWorkflow } from '../support/workflow';
import { createArticle, createHarness, type ExportHarness } from './export-fixtures';

const EDITOR: ProfileInput = { displayName: 'Thu Hà', initials: 'TH', role: 'editor', color: '#7a3b9c' };
const REPORTER: ProfileInput = { displayName: 'Tiến Thành', initials: 'TT', role: 'reporter', color: '#1a7f5a' };

describe('status moves offered to a profile', () => {
  it('lists the plain moves and says when the desk may publish only by override', () => {
    expect(statusMoves('draft', 'reporter')).toEqual({ targets: ['submitted', 'spiked'], override: false });
    expect(statusMoves('in_edit', 'editor')).toEqual({ targets: ['draft', 'approved', 'spiked'], override: false });
    expect(statusMoves('in_edit', 'desk')).toEqual({ targets: ['draft', 'approved', 'spiked'], override: true });
    expect(statusMoves('approved', 'desk')).toEqual({ targets: ['in_edit', 'published', 'spiked'], override: false });
    expect(statusMoves('published', 'reporter')).toEqual({ targets: [], override: false });
  });

  it('never offers an override where a plain publish is allowed, to anyone but the desk, or out of the bin', () => {
    expect(publishNeedsOverride('approved', 'desk')).toBe(false);
    expect(publishNeedsOverride('draft', 'editor')).toBe(false);
    expect(publishNeedsOverride('published', 'desk')).toBe(false);
    expect(publishNeedsOverride('spiked', 'desk', 'in_edit')).toBe(false);
    expect(publishNeedsOverride('draft', 'desk')).toBe(true);
  });

  it('finds the state before the latest spike in the log', () => {
    const log = [
      { from: 'draft', to: 'spiked' },
      { from: 'spiked', to: 'draft' },
      { from: 'draft', to: 'submitted' },
      { from: 'submitted', to: 'spiked' },
    ] satisfies { from: ArticleStatus; to: ArticleStatus }[];
    expect(spikedFromLog(log)).toBe('submitted');
    expect(spikedFromLog([])).toBeNull();
    expect(statusMoves('spiked', 'editor', spikedFromLog(log)).targets).toEqual(['draft', 'submitted']);
  });
});

describe('the status door in the store', () => {
  let fx: ReturnType<typeof storeFixture>;
  beforeEach(() => (fx = storeFixture()));
  afterEach(() => fx.cleanup());

  it('refuses a status in saveArticle, even the current one, and changes nothing', async () => {
    const a = await fx.call('createArticle', { document: doc({ headline: 'Tin một' }) });
    for (const status of ['approved', 'draft'] as const) {
      const error = await fx.fail('saveArticle', { id: a.meta.id, baseRevision: a.revision, meta: { status, section: 'Thời sự' }, document: doc({ headline: 'Tin hai' }) });
      expect(error).toEqual({ code: 'invalid_input', message: expect.stringMatching(/use changeStatus/) });
    }
    const after = await fx.call('getArticle', { id: a.meta.id });
    expect(after).toMatchObject({ revision: a.revision, meta: { status: 'draft', section: '' } });
    expect(JSON.stringify(after.document)).toContain('Tin một');
    expect(await fx.call('listTransitions', { id: a.meta.id })).toEqual([]);
  });

  it('creates articles over the API as drafts only', async () => {
    const error = await fx.fail('createArticle', { document: doc({ headline: 'Đăng thẳng' }), meta: { status: 'published' } });
    expect(error).toEqual({ code: 'invalid_input', message: expect.stringMatching(/starts as a draft/) });
    expect((await fx.call('listArticles', {})).total).toBe(0);
    const a = await fx.call('createArticle', { document: doc({ headline: 'Nháp' }), meta: { status: 'draft' } });
    expect(a.meta.status).toBe('draft');
  });

  it('moves the status only through changeStatus: rule checked, transition logged, status revision named after the profile', async () => {
    fx.core.review.people.setLocal(EDITOR);
    const a = await fx.call('createArticle', { document: doc({ headline: 'Tin một' }) });
    expect(await fx.fail('changeStatus', { id: a.meta.id, to: 'approved' })).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/cannot go from draft to approved/) });
    const moved = await fx.call('changeStatus', { id: a.meta.id, to: 'submitted', note: 'Gửi duyệt', baseRevision: a.revision });
    expect(moved.transition).toMatchObject({ from: 'draft', to: 'submitted', note: 'Gửi duyệt', profileId: fx.core.review.people.local()!.id, revision: a.revision + 1 });
    const [newest] = (await fx.call('listRevisions', { articleId: a.meta.id })).items;
    expect(newest).toMatchObject({ reason: 'status', status: 'submitted', author: 'Thu Hà', articleRevision: a.revision + 1 });
  });

  it('refuses a status change over a stale revision and logs nothing', async () => {
    fx.core.review.people.setLocal(EDITOR);
    const a = await fx.call('createArticle', { document: doc({ headline: 'Tin một' }) });
    await fx.call('saveArticle', { id: a.meta.id, document: doc({ headline: 'Tin một, sửa' }) });
    expect(await fx.fail('changeStatus', { id: a.meta.id, to: 'submitted', baseRevision: a.revision })).toMatchObject({ code: 'conflict' });
    expect((await fx.call('getArticle', { id: a.meta.id })).meta.status).toBe('draft');
    expect(await fx.call('listTransitions', { id: a.meta.id })).toEqual([]);
  });

  it('restores an old revision without bringing back its status; into an approved article only when confirmed, which reopens it', async () => {
    const a = await fx.call('createArticle', { document: doc({ headline: 'Bản đầu' }) });
    await fx.call('saveArticle', { id: a.meta.id, document: doc({ headline: 'Bản sau' }), reason: 'save' });
    await moveAlongWorkflow(fx.core, a.meta.id, 'approved');
    const first = (await fx.call('listRevisions', { articleId: a.meta.id })).items.at(-1)!;
    expect(first.status).toBe('draft');
    const refused = await fx.fail('restoreRevision', { articleId: a.meta.id, revisionId: first.id });
    expect(refused).toEqual({ code: 'forbidden', message: expect.stringMatching(/approved: editing moves it back to in edit/) });
    expect(JSON.stringify(fx.core.articles.get(a.meta.id).document)).toContain('Bản sau');
    const restored = await fx.call('restoreRevision', { articleId: a.meta.id, revisionId: first.id, reopen: true });
    expect(restored.meta.status).toBe('in_edit');
    expect(JSON.stringify(restored.document)).toContain('Bản đầu');
    expect((await fx.call('listTransitions', { id: a.meta.id })).at(-1)).toMatchObject({ from: 'approved', to: 'in_edit', note: 'edited while approved' });
    // Into an article in edit, a restore moves nothing.
    const again = await fx.call('restoreRevision', { articleId: a.meta.id, revisionId: first.id });
    expect(again.meta.status).toBe('in_edit');
  });
});

describe('publishing from the export', () => {
  let h: ExportHarness;
  afterEach(() => h.cleanup());

  const approved = (headline = 'Tin đã duyệt') =>
    createArticle(h, { headline, lead: 'Dẫn đề.', blocks: ['Một đoạn.'], authors: ['Tiến Thành'] }, { status: 'approved', publishedAt: null, lengthTarget: {} });
  const publish = (id: string, outDir = join(h.dir, 'out')) => h.service.exportArticle(id, { outDir, zip: false, profile: h.service.profiles.get('default'), publish: true });

  it('records the desk publishing like any status change: transition by the local profile and a named revision', async () => {
    h = createHarness();
    const a = approved();
    const r = await publish(a.meta.id);
    expect(r).toMatchObject({ ok: true, kind: 'publish' });
    const after = h.articles.get(a.meta.id);
    expect(after.meta).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    const log = h.review.transitions.list(a.meta.id);
    expect(log).toEqual([expect.objectContaining({ from: 'approved', to: 'published', profileId: h.review.people.local()!.id, overrideReason: null, revision: after.revision })]);
    const [newest] = h.articles.listRevisions(a.meta.id, { limit: 1, offset: 0 }).items;
    expect(newest).toMatchObject({ reason: 'status', status: 'published', articleRevision: after.revision });
    expect(h.service.records.forArticle(a.meta.id)[0]).toMatchObject({ kind: 'publish', articleRevision: after.revision });
    // Exporting it again changes nothing in the workflow.
    expect(await publish(a.meta.id)).toMatchObject({ ok: true, kind: 'publish' });
    expect(h.review.transitions.list(a.meta.id)).toHaveLength(1);
  });

  it.each([
    ['an editor', EDITOR, /only the desk can publish/],
    ['a reporter', REPORTER, /only the desk can publish/],
    ['a machine with no profile', null, /Set up your profile/],
  ] as const)('refuses the publish for %s and leaves the article approved, unexported and unlogged', async (_who, profile, reason) => {
    h = createHarness({ profile });
    const a = approved();
    const r = await publish(a.meta.id);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(reason) });
    expect(h.articles.get(a.meta.id).meta).toMatchObject({ status: 'approved', publishedAt: null });
    expect(h.articles.get(a.meta.id).revision).toBe(a.revision);
    expect(h.review.transitions.list(a.meta.id)).toEqual([]);
    expect(existsSync(join(h.dir, 'out', a.meta.slug))).toBe(false);
  });

  it('reports a refused publish per article in a batch and publishes the others', async () => {
    h = createHarness({ profile: EDITOR });
    const a = approved('Tin một');
    const { results } = await h.service.exportMany({ status: 'approved', outDir: join(h.dir, 'batch'), zip: false, profile: 'default', publish: true });
    expect(results).toEqual([expect.objectContaining({ id: a.meta.id, ok: false, message: expect.stringMatching(/only the desk can publish/) })]);
  });

  it('exports an unapproved article as a preview without touching the workflow, even for the desk', async () => {
    h = createHarness();
    const a = createArticle(h, { headline: 'Đang biên tập', lead: 'Dẫn.', blocks: ['Đoạn.'], authors: ['A'] }, { status: 'in_edit', lengthTarget: {} });
    expect(await publish(a.meta.id)).toMatchObject({ ok: true, kind: 'preview' });
    expect(h.articles.get(a.meta.id).meta.status).toBe('in_edit');
    expect(h.review.transitions.list(a.meta.id)).toEqual([]);
  });

  it('withdraws a publish whose bundle could not be written, logging why instead of erasing the publish', async () => {
    h = createHarness();
    const a = approved();
    const notAFolder = join(h.dir, 'not-a-folder');
    writeFileSync(notAFolder, 'x');
    await expect(publish(a.meta.id, notAFolder)).rejects.toThrow();
    expect(h.articles.get(a.meta.id).meta).toMatchObject({ status: 'approved', publishedAt: null });
    const log = h.review.transitions.list(a.meta.id);
    expect(log.map((t) => [t.from, t.to])).toEqual([
      ['approved', 'published'],
      ['published', 'approved'],
    ]);
    expect(log[1]!.note).toMatch(/^Publication withdrawn: the export failed/);
    expect(h.articles.listRevisions(a.meta.id, { limit: 10, offset: 0 }).items.map((r) => [r.reason, r.status])).toEqual([
      ['status', 'approved'],
      ['status', 'published'],
      ['create', 'approved'],
    ]);
  });

  it('refuses to publish from a service built without the workflow', async () => {
    h = createHarness();
    const a = approved();
    const bare = new ExportService({ db: h.db, articles: h.articles, readMedia: async () => null, mediaSize: () => null });
    const r = await bare.exportArticle(a.meta.id, { outDir: join(h.dir, 'out'), zip: false, profile: bare.profiles.get('default'), publish: true });
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/Publishing is not available/) });
    expect(h.articles.get(a.meta.id).meta.status).toBe('approved');
  });
});

describe('publishing through the export call of a core', () => {
  let fx: ReturnType<typeof storeFixture>;
  let core: Core;
  beforeEach(() => {
    fx = storeFixture();
    core = fx.core;
  });
  afterEach(() => fx.cleanup());

  it('goes through the same workflow as changeStatus', async () => {
    core.review.people.setLocal(DESK);
    const a = await fx.call('createArticle', { document: doc({ headline: 'Tin qua lệnh xuất', lead: 'Dẫn.', paragraphs: ['Đoạn.'], authors: ['A'] }), meta: { lengthTarget: {} } });
    await moveAlongWorkflow(core, a.meta.id, 'approved');
    const { jobId } = await fx.call('startExport', { ids: [a.meta.id], outDir: join(fx.dbPath, '..', 'out'), publish: true });
    let job = await fx.call('exportJob', { jobId });
    for (let i = 0; !job.finished && i < 200; i++) {
      await new Promise((r) => setTimeout(r, 25));
      job = await fx.call('exportJob', { jobId });
    }
    expect(job.results).toEqual([expect.objectContaining({ ok: true, kind: 'publish' })]);
    const log = await fx.call('listTransitions', { id: a.meta.id });
    expect(log.at(-1)).toMatchObject({ from: 'approved', to: 'published', profileId: core.review.people.local()!.id });
  });
});
