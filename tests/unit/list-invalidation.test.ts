import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, CALL_NAMES, type ApiClient } from '../../src/shared/api';
// Renderer sources belong to the web TypeScript project: loaded at run time, their type restated here.
const APP = '../../src/renderer/src/app/';
const { withListInvalidation } = (await import(`${APP}list-invalidation`)) as { withListInvalidation: (client: ApiClient, invalidate: () => void) => ApiClient };

/** A client whose every call answers `{}`, except the ones told to fail. */
function fakeClient(failing: string[] = []): ApiClient {
  const client: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of CALL_NAMES) {
    client[name] = (input) => (failing.includes(name) ? Promise.reject(new ApiError('forbidden', 'no')) : Promise.resolve(name === 'exportJob' ? input : {}));
  }
  return client as unknown as ApiClient;
}

describe('the article list follows calls that change it', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('invalidates after each review action, import, package arrival and article made, deleted or restored (the callers do not refresh again)', async () => {
    const invalidate = vi.fn();
    const client = withListInvalidation(fakeClient(), invalidate);
    const calls = [
      () => client.changeStatus({ id: 'a', to: 'approved' }),
      () => client.decideSuggestions({ articleId: 'a', decision: 'accept' }),
      () => client.undoSuggestionDecision({ id: 's' }),
      () => client.commitImport({ importId: 'x', fields: {} } as never),
      () => client.openHandoffPackage({ data: 'AA==' }),
      () => client.resolveHandoffConflict({ id: 'c', resolution: 'theirs' }),
      () => client.createFromTemplate({ templateId: 't' } as never),
      () => client.createArticle({}),
      () => client.deleteArticle({ id: 'a' }),
      () => client.restoreArticle({ id: 'a' }),
    ];
    for (const [i, call] of calls.entries()) {
      await call();
      vi.advanceTimersByTime(200);
      expect(invalidate).toHaveBeenCalledTimes(i + 1);
    }
  });

  it('invalidates once after a burst', async () => {
    const invalidate = vi.fn();
    const client = withListInvalidation(fakeClient(), invalidate);
    await client.changeStatus({ id: 'a', to: 'approved' });
    await client.decideSuggestions({ articleId: 'a', decision: 'accept' });
    expect(invalidate).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(invalidate).toHaveBeenCalledTimes(1);
  });

  it('leaves the list alone for reads, failed calls and an export still running', async () => {
    const invalidate = vi.fn();
    const client = withListInvalidation(fakeClient(['changeStatus']), invalidate);
    await client.listArticles({});
    await client.getArticle({ id: 'a' });
    await expect(client.changeStatus({ id: 'a', to: 'approved' })).rejects.toThrow('no');
    await client.exportJob({ jobId: 'j', finished: false } as never);
    vi.advanceTimersByTime(200);
    expect(invalidate).not.toHaveBeenCalled();
    await client.exportJob({ jobId: 'j', finished: true } as never);
    vi.advanceTimersByTime(200);
    expect(invalidate).toHaveBeenCalledTimes(1);
  });
});
