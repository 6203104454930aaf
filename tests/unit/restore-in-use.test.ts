import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createCore } from '../../src/main/core/core';
import { tempDbPerTest } from '../support/temp-per-test';
import { runCli } from '../support/cli';

const HOLDER = join(import.meta.dirname, '..', 'support', 'database-holder.ts');

/** A second process with the database open (as the app or `serve` has it), and a way to ask it to save. */
async function startHolder(db: string): Promise<{ child: ChildProcess; create(headline: string): Promise<string>; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, db], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => String((await lines.next()).value);
  expect(await next()).toBe('ready');
  return {
    child,
    async create(slug) {
      child.stdin!.write(`create ${slug}\n`);
      const answer = await next();
      expect(answer).toMatch(/^created /);
      return answer.slice('created '.length);
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

function articleIds(db: string): string[] {
  const core = createCore({ databasePath: db, host: 'browser' });
  try {
    return core.articles.list({ limit: 100, offset: 0 }).items.map((a) => a.id);
  } finally {
    core.close();
  }
}

describe('restore while the database is in use', () => {
  const temp = tempDbPerTest();

  it('is refused, naming the process, while another process has the database open; later saves stay visible', async () => {
    const backupFile = join(temp.dir, 'b.db');
    articleIds(temp.db); // creates the database
    expect((await runCli(['backup', backupFile, '--db', temp.db])).code).toBe(0);
    const holder = await startHolder(temp.db);
    try {
      const r = await runCli(['restore', backupFile, '--db', temp.db]);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`${temp.db} is open in `);
      expect(r.err).toContain(`is open in node database-holder.ts (process ${holder.child.pid})`);
      expect(r.err).toContain('nothing was changed');
      expect(readdirSync(temp.dir).filter((f) => f.includes('before-restore'))).toEqual([]);
      // The holder's next save lands in the database everyone reads.
      const id = await holder.create('sau-khi-tu-choi');
      expect(articleIds(temp.db)).toContain(id);
    } finally {
      await holder.stop();
    }
    // Once it is closed, the same restore goes through and keeps the old file aside.
    const r = await runCli(['restore', backupFile, '--db', temp.db]);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(temp.dir).some((f) => f.startsWith('n.db.before-restore-'))).toBe(true);
    expect(articleIds(temp.db)).toEqual([]);
  }, 30_000);

  it('is refused while another connection of this process has it open (the app restoring under itself)', async () => {
    const backupFile = join(temp.dir, 'b.db');
    articleIds(temp.db);
    expect((await runCli(['backup', backupFile, '--db', temp.db])).code).toBe(0);
    const core = createCore({ databasePath: temp.db, host: 'browser' });
    try {
      const r = await runCli(['restore', backupFile, '--db', temp.db]);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`${temp.db} is open in another program`);
      expect(existsSync(temp.db)).toBe(true);
      expect(readdirSync(temp.dir).filter((f) => f.includes('before-restore'))).toEqual([]);
    } finally {
      core.close();
    }
  });
});
