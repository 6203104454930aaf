import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/core';
import { createClient, type ApiClient, type CallName } from '../../src/shared/api';
import { callOk as call } from '../support/calls';
import { tempDbPerTest } from '../support/temp-per-test';

// The loader lives in the renderer (web TypeScript project); load it by path and restate its shape.
const WORD_LISTS = '../../src/renderer/src/editor/plugins/proofing/word-lists';
const { loadPersonalWords } = (await import(WORD_LISTS)) as { loadPersonalWords: (client: ApiClient) => Promise<string[]> };

const temp = tempDbPerTest();
const REPORTER = { displayName: 'Tiến Thành', initials: 'TT', role: 'reporter', color: '#1a7f5a' } as const;
const LEGACY_KEY = 'newsroom.proofing.personal';

/** A browser profile's storage, as the renderer sees it. */
function fakeLocalStorage(initial: Record<string, string>): Storage {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, String(v)),
    removeItem: (k) => void data.delete(k),
    clear: () => data.clear(),
    key: (i) => [...data.keys()][i] ?? null,
    get length() {
      return data.size;
    },
  };
}

const clientOf = (core: Core): ApiClient => createClient((name: CallName, input) => core.call(name, input));
const open = () => createCore({ databasePath: temp.db, host: 'browser' });

afterEach(() => {
  delete (globalThis as { localStorage?: Storage }).localStorage;
});

describe('the personal dictionary in the store', () => {
  it('is kept per profile in the database, so another host or browser on the same store sees the same words', async () => {
    let core = open();
    await call(core, 'setLocalProfile', REPORTER);
    expect(await call(core, 'addPersonalWords', { words: [' homestay ', 'Xuxu', 'homestay'] })).toEqual({ words: ['homestay', 'Xuxu'] });
    core.close();
    core = open();
    expect(await call(core, 'listPersonalWords', {})).toEqual({ words: ['homestay', 'Xuxu'] });
    const me = core.review.people.requireLocal();
    expect(core.db.prepare('SELECT word FROM personal_words WHERE profile_id = ? ORDER BY word').pluck().all(me.id)).toEqual(['Xuxu', 'homestay']);
    core.close();
  });

  it('without a profile there is nothing to keep it for: listing is empty, adding is refused with a sentence', async () => {
    const core = open();
    expect(await call(core, 'listPersonalWords', {})).toEqual({ words: [] });
    expect(await core.call('addPersonalWords', { words: ['homestay'] })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('Set up your profile') } });
    core.close();
  });

  it('words a browser profile kept before the move go to the store once, then leave the browser', async () => {
    const core = open();
    await call(core, 'setLocalProfile', REPORTER);
    const storage = fakeLocalStorage({ [LEGACY_KEY]: JSON.stringify(['homestay', '', 'Xuxu']) });
    (globalThis as { localStorage?: Storage }).localStorage = storage;
    expect(await loadPersonalWords(clientOf(core))).toEqual(['homestay', 'Xuxu']);
    expect(storage.getItem(LEGACY_KEY)).toBeNull();
    expect(await call(core, 'listPersonalWords', {})).toEqual({ words: ['homestay', 'Xuxu'] });
    core.close();
  });

  it('while there is no profile the browser’s words stay there and still count', async () => {
    const core = open();
    const storage = fakeLocalStorage({ [LEGACY_KEY]: JSON.stringify(['homestay']) });
    (globalThis as { localStorage?: Storage }).localStorage = storage;
    expect(await loadPersonalWords(clientOf(core))).toEqual(['homestay']);
    expect(storage.getItem(LEGACY_KEY)).toBe('["homestay"]');
    core.close();
  });
});
