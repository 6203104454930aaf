import { beforeEach, describe, expect, it, vi } from 'vitest';

/** The page's local storage, as a plain map. */
const stored = new Map<string, string>();
vi.stubGlobal('localStorage', {
  getItem: (k: string) => stored.get(k) ?? null,
  setItem: (k: string, v: string) => void stored.set(k, v),
  removeItem: (k: string) => void stored.delete(k),
});

// The renderer's module, loaded by path: the Node type check does not compile renderer files.
type Place = { articleId: string; anchor: number; head: number; scrollTop: number };
type Entry = { id: string; headline: string };
const STORE = '../../src/renderer/src/app/resume-store';
const { readPlace, readRecent, rememberRecent, writePlace, RECENT_LIMIT } = (await import(STORE)) as {
  readPlace(db: string): Place | null;
  writePlace(db: string, place: Place | null): void;
  readRecent(db: string): Entry[];
  rememberRecent(db: string, entry: Entry): Entry[];
  RECENT_LIMIT: number;
};

beforeEach(() => stored.clear());

describe('where the user left off, per database', () => {
  it('File → Recent keeps the last ten articles opened, newest first, each once', () => {
    for (let i = 1; i <= 12; i++) rememberRecent('/a/newsroom.db', { id: `id-${i}`, headline: `Bài ${i}` });
    rememberRecent('/a/newsroom.db', { id: 'id-5', headline: 'Bài 5 (sửa tít)' });
    const recent = readRecent('/a/newsroom.db');
    expect(recent).toHaveLength(RECENT_LIMIT);
    expect(recent.map((r) => r.id)).toEqual(['id-5', 'id-12', 'id-11', 'id-10', 'id-9', 'id-8', 'id-7', 'id-6', 'id-4', 'id-3']);
    expect(recent[0]!.headline).toBe('Bài 5 (sửa tít)');
  });

  it('each database has its own place and list', () => {
    writePlace('/a/newsroom.db', { articleId: 'a', anchor: 10, head: 12, scrollTop: 300 });
    rememberRecent('/a/newsroom.db', { id: 'a', headline: 'A' });
    expect(readPlace('/b/other.db')).toBeNull();
    expect(readRecent('/b/other.db')).toEqual([]);
    expect(readPlace('/a/newsroom.db')).toEqual({ articleId: 'a', anchor: 10, head: 12, scrollTop: 300 });
    writePlace('/a/newsroom.db', null);
    expect(readPlace('/a/newsroom.db')).toBeNull();
  });

  it('a stored value in another shape (an older version, a hand edit) is ignored, never thrown', () => {
    stored.set('newsroom.resume./a/newsroom.db', '{"articleId":42}');
    stored.set('newsroom.recent./a/newsroom.db', 'not json');
    expect(readPlace('/a/newsroom.db')).toBeNull();
    expect(readRecent('/a/newsroom.db')).toEqual([]);
    expect(rememberRecent('/a/newsroom.db', { id: 'x', headline: 'X' })).toEqual([{ id: 'x', headline: 'X' }]);
  });
});
