import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../src/main/core/core';
import { openDatabase } from '../../src/main/core/db/open';
import { LATEST_VERSION } from '../../src/main/core/db/migrations';
import { createDocument, documentToStored } from '../../src/shared/document';
import { tempDbPerTest } from '../support/temp-per-test';
import { runCli } from '../support/cli';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'newsroom.js');
/** Root writes through any permission bits, so as root the CLI runs as `nobody` to meet a read-only file. */
const AS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

/** Run the real `newsroom` command in its own process, as a user the permission bits apply to. */
function cliProcess(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH }, ...(AS_ROOT ? { uid: NOBODY, gid: NOBODY } : {}) });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function seed(db: string, headline = 'Đào tạo cán bộ'): string {
  const core = createCore({ databasePath: db, host: 'browser' });
  try {
    return core.articles.create({ document: documentToStored(createDocument({ headline, paragraphs: ['Nâng cao trình độ.'], authors: ['Tiến Thành'] })) }).meta.id;
  } finally {
    core.close();
  }
}

describe('clear sentences instead of "unexpected error"', () => {
  const temp = tempDbPerTest();
  afterEach(() => chmodSync(temp.dir, 0o755)); // so the folder can be removed

  it('--db pointing at a folder', async () => {
    const r = await runCli(['list', '--db', temp.dir]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`newsroom: ${temp.dir} is a folder, not a database file; give the path of a .db file (a new name starts a new database).`);
  });

  it('a database from a newer Newsroom', async () => {
    const db = openDatabase(temp.db);
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    db.close();
    const r = await runCli(['list', '--db', temp.db]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`was written by a newer Newsroom (database version ${LATEST_VERSION + 5}; this app understands up to ${LATEST_VERSION})`);
  });

  it('a read-only database file: list works, a write is refused with a sentence and nothing changes', () => {
    const id = seed(temp.db);
    chmodSync(temp.db, 0o444);
    chmodSync(temp.dir, 0o755);
    if (AS_ROOT) chownSync(temp.dir, NOBODY, NOBODY); // the folder stays writable for the user running the command

    const list = cliProcess(['list', '--db', temp.db]);
    expect(list.err).toBe('');
    expect(list.code).toBe(0);
    expect(list.out).toContain(id);
    expect(cliProcess(['search', 'dao tao', '--db', temp.db]).out).toContain(id);

    const text = join(temp.dir, 'tin.txt');
    writeFileSync(text, 'Tin mới\n\nMột đoạn.\n');
    const imported = cliProcess(['import', text, '--db', temp.db]);
    expect(imported.code).toBe(1);
    expect(imported.err.trim()).toBe('newsroom: The database is open read-only (its file or folder cannot be written); nothing was saved.');
    expect(cliProcess(['list', '--json', '--db', temp.db]).out).toContain('"total": 1');
  }, 30_000);

  it('a database in a read-only folder: a sentence saying why and what to do, the file untouched', () => {
    seed(temp.db);
    chmodSync(temp.dir, 0o555);
    const r = cliProcess(['list', '--db', temp.db]);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(
      `newsroom: ${temp.db} is in a folder Newsroom cannot write to, and reading it needs a n.db-shm file beside it; copy the database to a writable folder or make this one writable. The file was left as it is.`,
    );
    expect(readdirSync(temp.dir)).toEqual(['n.db']);
  }, 30_000);

  it.skipIf(!AS_ROOT)('a full disk during a write (a real 1 MB file system)', async () => {
    const disk = join(temp.dir, 'disk');
    mkdirSync(disk);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk]);
    if (mounted.status !== 0) throw new Error(`mount failed: ${mounted.stderr}`);
    try {
      const db = join(disk, 'n.db');
      seed(db, 'Bài có sẵn');
      const big = join(temp.dir, 'dai.txt');
      writeFileSync(big, 'Tin dài\n\n' + 'Một đoạn văn khá dài để làm đầy đĩa. '.repeat(60_000));
      const r = await runCli(['import', big, '--db', db]);
      expect(r.code).toBe(1);
      expect(r.err).toContain('newsroom: The disk is full; nothing was saved. Free some space and try again.');
      expect(r.err).not.toContain('unexpected error');
      const left = await runCli(['list', '--json', '--db', db]);
      expect(left.out).toContain('"total": 1');
    } finally {
      spawnSync('umount', [disk]);
    }
  }, 30_000);

  it('a full database file during a save through the API: the sentence, and the stored article unchanged', async () => {
    const core = createCore({ databasePath: temp.db, host: 'browser' });
    try {
      const created = core.articles.create({ document: documentToStored(createDocument({ headline: 'Vừa', paragraphs: ['Đoạn một.'], authors: ['A'] })) });
      // SQLite's own "database or disk is full" (SQLITE_FULL): no more pages may be added.
      core.db.pragma(`max_page_count = ${core.db.pragma('page_count', { simple: true }) as number}`);
      const saved = await core.call('saveArticle', {
        id: created.meta.id,
        baseRevision: created.revision,
        document: documentToStored(createDocument({ headline: 'Dài', paragraphs: Array.from({ length: 400 }, (_, i) => `Đoạn ${i} `.repeat(40)), authors: ['A'] })),
        reason: 'save',
      });
      expect(saved).toEqual({ ok: false, error: { code: 'storage', message: 'The disk is full; nothing was saved. Free some space and try again.' } });
      expect(core.articles.get(created.meta.id).revision).toBe(created.revision);
    } finally {
      core.close();
    }
  });

  it('`newsroom list | head -1`: the reader closing the pipe ends the command quietly with 0', async () => {
    seed(temp.db);
    const child = spawn(process.execPath, [BIN, 'list', '--db', temp.db], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader has gone before the first line is written
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 30_000);
});
