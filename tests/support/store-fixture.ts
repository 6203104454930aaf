import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/core/core';
import { createDocument, documentToStored, type ArticleParts, type StoredDocument } from '../../src/shared/document';
import type { CallInput, CallName, CallOutput } from '../../src/shared/api';
import { tempDir } from './temp';

/** A core on a fresh temporary database, with a typed `call` that throws on failure. */
export function storeFixture(): {
  core: Core;
  dbPath: string;
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  fail(name: CallName, input: unknown): Promise<{ code: string; message: string }>;
  cleanup(): void;
} {
  const { dir, cleanup } = tempDir();
  const dbPath = join(dir, 'newsroom.db');
  const core = createCore({ databasePath: dbPath, host: 'browser' });
  return {
    core,
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
