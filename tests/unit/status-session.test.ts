import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type ApiClient } from '../../src/shared/api';
import { createDocument } from '../../src/shared/document';
import { ArticleSession, AUTOSAVE_DELAY_MS, draftArticle as article } from '../support/article-session';

type SaveInput = Parameters<ApiClient['saveArticle']>[0];

/** A store stand-in: saves bump the revision unless the base revision is stale; `fail` makes the next save fail. */
function fakeStore() {
  const log: string[] = [];
  let revision = 1;
  let status: 'draft' | 'submitted' = 'draft';
  let fail: ApiError | null = null;
  const client = {
    saveArticle: vi.fn(async (input: SaveInput) => {
      log.push(`save@${input.baseRevision}`);
      if (fail) throw fail;
      if (input.baseRevision !== undefined && input.baseRevision !== revision) throw new ApiError('conflict', 'changed elsewhere');
      revision++;
      return { revision, updatedAt: '2026-11-30T12:03:00+07:00', slug: 'bai-viet', status };
    }),
  } as unknown as ApiClient;
  const changeStatus = async (baseRevision: number) => {
    log.push(`status@${baseRevision}`);
    await new Promise((r) => setTimeout(r, 50));
    if (baseRevision !== revision) throw new ApiError('conflict', 'changed elsewhere');
    revision++;
    status = 'submitted';
    return { revision, status };
  };
  return { client, log, changeStatus, failNext: (e: ApiError | null) => (fail = e) };
}

describe('a status change in turn with the autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves pending edits first, makes typing wait, then takes the new revision so the next save is not a conflict', async () => {
    const store = fakeStore();
    let doc = createDocument({ headline: 'Một' });
    const session = new ArticleSession(store.client, article(), () => doc);
    const saved = vi.fn();
    session.onSaved(saved);
    doc = createDocument({ headline: 'Một hai' });
    session.documentChanged();
    const change = session.commitExternal(store.changeStatus, (r) => ({ status: r.status }));
    await vi.advanceTimersByTimeAsync(0);
    // Typing while the status change runs.
    doc = createDocument({ headline: 'Một hai ba' });
    session.documentChanged();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(store.log).toEqual(['save@1', 'status@2']);
    await vi.advanceTimersByTimeAsync(50);
    expect(await change).toEqual({ revision: 3, status: 'submitted' });
    expect(saved).toHaveBeenCalled();
    // The edits typed meanwhile go out on the status change's revision.
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(store.log).toEqual(['save@1', 'status@2', 'save@3']);
    expect(session.getSnapshot()).toMatchObject({ revision: 4, meta: { status: 'submitted' }, save: { kind: 'saved' } });
    expect(session.hasUnsavedChanges).toBe(false);
  });

  it('with nothing pending, tells no saved listener: the status call itself refreshes the list, once', async () => {
    const store = fakeStore();
    const session = new ArticleSession(store.client, article(), () => createDocument());
    const saved = vi.fn();
    session.onSaved(saved);
    const change = session.commitExternal(store.changeStatus, (r) => ({ status: r.status }));
    await vi.advanceTimersByTimeAsync(60);
    expect(await change).toEqual({ revision: 2, status: 'submitted' });
    expect(session.getSnapshot()).toMatchObject({ revision: 2, meta: { status: 'submitted' } });
    expect(saved).not.toHaveBeenCalled();
  });

  it('does not run when the pending edits cannot be saved, and keeps them', async () => {
    const store = fakeStore();
    const session = new ArticleSession(store.client, article(), () => createDocument({ headline: 'Sửa' }));
    session.documentChanged();
    store.failNext(new ApiError('storage', 'disk full'));
    const write = vi.fn(store.changeStatus);
    await expect(session.commitExternal(write, () => ({}))).rejects.toMatchObject({ code: 'storage' });
    expect(write).not.toHaveBeenCalled();
    expect(session.hasUnsavedChanges).toBe(true);
    expect(session.getSnapshot().meta.status).toBe('draft');
  });

  it('leaves revision and status as they were when the store refuses the change', async () => {
    const store = fakeStore();
    const session = new ArticleSession(store.client, article(), () => createDocument());
    const refused = session.commitExternal(
      async () => {
        throw new ApiError('forbidden', 'Cannot change the status: only the desk can publish.');
      },
      () => ({ status: 'published' }),
    );
    await expect(refused).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/only the desk/) });
    expect(session.getSnapshot()).toMatchObject({ revision: 1, meta: { status: 'draft' } });
    // Autosave still works afterwards.
    session.updateMeta({ section: 'Xã hội' });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(store.log).toEqual(['save@1']);
  });
});
