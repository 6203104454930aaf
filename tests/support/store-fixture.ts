import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/core/core';
import { createDocument, documentToStored, type ArticleParts, type StoredDocument } from '../../src/shared/document';
import type { CallInput, CallName, CallOutput } from '../../src/shared/api';
import { tempDir } from './temp';

/** What `storeFixture` gives a test. */
export interface StoreFixture {
  core: Core;
  /** The temporary folder holding the database (and its media folder); free for a test's own files. */
  dir: string;
  dbPath: string;
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  /** The error of a call that must fail; throws if it succeeds. */
  fail(name: CallName, input: unknown): Promise<{ code: string; message: string }>;
  /** Close the core (unless the test already did) and remove the folder. */
  cleanup(): void;
}

/** A core on a fresh temporary database, with a typed `call` that throws on failure. */
export function storeFixture(prefix?: string): StoreFixture {
  const { dir, cleanup } = tempDir(prefix);
  const dbPath = join(dir, 'newsroom.db');
  const core = createCore({ databasePath: dbPath, host: 'browser' });
  return {
    core,
    dir,
    dbPath,
    async call(name, input) {
      const r = await core.call(name, input);
      if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
      return r.value as never;
    },
    async fail(name, input) {
      const r = await core.call(name, input);
      if (r.ok) throw new Error(`${name} unexpectedly succeeded`);
      return r.error;
    },
    cleanup() {
      if (core.db.open) core.close();
      cleanup();
    },
  };
}

/** Stored document from plain parts. */
export const doc = (parts: ArticleParts): StoredDocument => documentToStored(createDocument(parts));
