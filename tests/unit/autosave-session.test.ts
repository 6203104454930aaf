import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type ApiClient } from '../../src/shared/api';
import { createDocument } from '../../src/shared/document';
import { ArticleSession, AUTOSAVE_DELAY_MS, SESSION_ARTICLE_ID as ID, draftArticle as article } from '../support/article-session';

type SaveInput = Parameters<ApiClient['saveArticle']>[0];

/** A client whose saveArticle records its inputs and answers with the given script. */
function fakeClient(answers: ((input: SaveInput) => Promise<unknown>)[]) {
  const calls: SaveInput[] = [];
  let revision = 1;
  const client = {
    saveArticle: vi.fn(async (input: SaveInput) => {
      calls.push(input);
      const answer = answers.shift();
      if (answer) return answer(input);
      revision++;
      return { revision, updatedAt: '2026-11-30T12:03:00+07:00', slug: input.meta?.slug ?? 'bai-viet', status: 'draft' };
    }),
  } as unknown as ApiClient;
  return { client, calls };
}

describe('autosave session', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once, within a second of the last change, with the base revision', async () => {
    const { client, calls } = fakeClient([]);
    let doc = createDocument({ headline: 'Một' });
    const session = new ArticleSession(client, article(), () => doc);
    session.documentChanged();
    await vi.advanceTimersByTimeAsync(300);
    doc = createDocument({ headline: 'Một hai' });
    session.documentChanged();
    session.updateMeta({ section: 'Thời sự' });
    expect(session.getSnapshot().save.kind).toBe('pending');
    // Step the clock a millisecond at a time from the last change to the save.
    const lastChange = Date.now();
    while (calls.length === 0 && Date.now() - lastChange < 1000) await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
    expect(Date.now() - lastChange).toBeLessThanOrEqual(1000);
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ id: ID, baseRevision: 1, meta: { section: 'Thời sự' } });
    expect(JSON.stringify(calls[0]!.document)).toContain('Một hai');
    expect(session.getSnapshot()).toMatchObject({ revision: 2, save: { kind: 'saved', at: '2026-11-30T12:03:00+07:00' } });
  });

  it('waits for an input method to commit its word before autosaving', async () => {
    const { client, calls } = fakeClient([]);
    let composing = true;
    const session = new ArticleSession(client, article(), () => createDocument({ headline: 'nghiên' }), () => composing);
    session.documentChanged();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(0);
    expect(session.getSnapshot().save.kind).toBe('pending');
    composing = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(1);
    expect(JSON.stringify(calls[0]!.document)).toContain('nghiên');
  });

  it('keeps every edit after a failure, reports it, and sends them again on the next save', async () => {
    const { client, calls } = fakeClient([() => Promise.reject(new ApiError('conflict', 'changed elsewhere'))]);
    const session = new ArticleSession(client, article(), () => createDocument({ headline: 'Giữ lại' }));
    session.updateMeta({ agencyTag: 'BLC' });
    session.documentChanged();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(session.getSnapshot().save).toMatchObject({ kind: 'failed', error: { code: 'conflict' } });
    expect(session.hasUnsavedChanges).toBe(true);
    // The user's metadata is still shown.
    expect(session.getSnapshot().meta.agencyTag).toBe('BLC');
    // A conflict is not retried blindly; keeping mine sends everything as replacing their revision.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);
    await session.keepMine(7);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ baseRevision: undefined, replaces: 7, meta: { agencyTag: 'BLC' } });
    expect(JSON.stringify(calls[1]!.document)).toContain('Giữ lại');
    expect(session.getSnapshot().save.kind).toBe('saved');
    expect(session.hasUnsavedChanges).toBe(false);
  });

  it('retries by itself after a temporary failure', async () => {
    const { client, calls } = fakeClient([() => Promise.reject(new ApiError('busy', 'database is locked'))]);
    const session = new ArticleSession(client, article(), () => createDocument({ headline: 'Thử lại' }));
    session.documentChanged();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(session.getSnapshot().save.kind).toBe('failed');
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(2);
    expect(session.getSnapshot().save.kind).toBe('saved');
  });

  it('never runs two saves at once; changes made during a save go in the next one', async () => {
    let release!: () => void;
    const { client, calls } = fakeClient([
      (input) =>
        new Promise((resolve) => {
          release = () => resolve({ revision: 2, updatedAt: '2026-11-30T12:03:00+07:00', slug: input.meta?.slug ?? 'bai-viet' });
        }),
    ]);
    let doc = createDocument({ headline: 'A' });
    const session = new ArticleSession(client, article(), () => doc);
    session.documentChanged();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(session.getSnapshot().save.kind).toBe('saving');
    doc = createDocument({ headline: 'AB' });
    session.documentChanged();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3);
    expect(calls).toHaveLength(1);
    release();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ baseRevision: 2 });
    expect(JSON.stringify(calls[1]!.document)).toContain('AB');
  });

  it('asks once before editing an approved article, sends the confirmation with the save, and takes the status the core moved it to', async () => {
    const { client, calls } = fakeClient([(input) => Promise.resolve({ revision: 2, updatedAt: '2026-11-30T12:03:00+07:00', slug: 'bai-viet', status: input.reopen ? 'in_edit' : 'approved' })]);
    const approved = article();
    approved.meta.status = 'approved';
    const session = new ArticleSession(client, approved, () => createDocument({ headline: 'Sửa sau duyệt' }));
    const asked: string[] = [];
    let answer = false;
    session.setReopenPrompt((status) => (asked.push(status), answer));
    // A no leaves the article untouched: no edit, no pending detail.
    expect(session.allowEdit()).toBe(false);
    session.updateMeta({ section: 'Thời sự' });
    expect(session.getSnapshot().meta.section).toBe('');
    expect(session.hasUnsavedChanges).toBe(false);
    answer = true;
    expect(session.allowEdit()).toBe(true);
    expect(session.allowEdit()).toBe(true);
    expect(asked).toEqual(['approved', 'approved', 'approved']);
    session.documentChanged();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(calls[0]).toMatchObject({ reopen: true });
    expect(session.getSnapshot().meta.status).toBe('in_edit');
    // In edit now: further edits ask nothing.
    answer = false;
    expect(session.allowEdit()).toBe(true);
  });

  it('lets the unsaved text go when the user keeps the other version', async () => {
    const { client, calls } = fakeClient([() => Promise.reject(new ApiError('conflict', 'changed elsewhere'))]);
    const session = new ArticleSession(client, article(), () => createDocument({ headline: 'Bỏ' }));
    session.documentChanged();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(session.hasUnsavedChanges).toBe(true);
    session.discardPending();
    expect(session.hasUnsavedChanges).toBe(false);
    expect(session.getSnapshot().save.kind).toBe('saved');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);
  });
});

describe('leaving an article', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('once sealed, refuses edits and stores only what was typed before, into its own article', async () => {
    const { client, calls } = fakeClient([]);
    let doc = createDocument({ headline: 'Bài cũ', paragraphs: ['Đoạn đã gõ'] });
    const session = new ArticleSession(client, article(), () => doc);
    expect(session.documentChanged()).toBe(true);
    session.seal();
    // The next article's text arriving while the switch runs: the editor already holds it, the session must not take it.
    doc = createDocument({ headline: 'Bài mới gõ nhầm chỗ' });
    expect(session.documentChanged()).toBe(false);
    expect(session.updateMeta({ section: 'Gõ nhầm' })).toBe(false);
    expect(session.acceptsEdits).toBe(false);
    await session.flush();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ id: ID, meta: undefined });
    expect(JSON.stringify(calls[0]!.document)).toContain('Đoạn đã gõ');
    expect(JSON.stringify(calls[0]!.document)).not.toContain('gõ nhầm');
    expect(session.getSnapshot().meta.section).not.toBe('Gõ nhầm');
    // Nothing is scheduled afterwards either.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);
    expect(session.hasUnsavedChanges).toBe(false);
  });

  it('takes edits again when the user stays', async () => {
    const { client, calls } = fakeClient([]);
    const doc = createDocument({ headline: 'Ở lại' });
    const session = new ArticleSession(client, article(), () => doc);
    session.seal();
    session.unseal();
    expect(session.updateMeta({ section: 'Thời sự' })).toBe(true);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(calls).toEqual([expect.objectContaining({ id: ID, meta: { section: 'Thời sự' } })]);
  });
});

