import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type Database from 'better-sqlite3';
import { createCore } from '../../src/main/core/core';
import { openDatabase } from '../../src/main/core/db/open';
import { ArticleRepository } from '../../src/main/core/store/articles';
import { SearchInput } from '../../src/shared/search';
import { crashDocument, crashMarker } from '../support/crash-doc';
import { rng } from '../support/corpus';
import { tempDir } from '../support/temp';

/** Every connection the core opens in this file, through its one constructor. */
const connections = vi.hoisted(() => [] as Database.Database[]);
vi.mock('../../src/main/core/db/driver', async (importOriginal) => {
  const driver = await importOriginal<typeof import('../../src/main/core/db/driver')>();
  return {
    ...driver,
    connect: (...args: Parameters<typeof driver.connect>) => {
      const db = driver.connect(...args);
      connections.push(db);
      return db;
    },
  };
});

const WRITER = join(import.meta.dirname, '..', 'support', 'crash-writer.ts');
const LANES = 4;
const KILLS_PER_LANE = 13; // 52 kills in all

interface Life {
  acked: number | null;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Start a writer, let it save for a random while, SIGKILL it; returns the last save it acknowledged. */
function liveAndDie(dbPath: string, id: string, first: number, acksBeforeKill: number, extraDelayMs: number): Promise<Life> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dbPath, id, String(first)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let acked: number | null = null;
    let killing = false;
    const kill = () => {
      if (killing) return;
      killing = true;
      setTimeout(() => child.kill('SIGKILL'), extraDelayMs);
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      for (const m of out.matchAll(/ack (\d+)\n/g)) acked = Number(m[1]);
      if (acksBeforeKill === 0 && out.includes('ready\n')) kill();
      if (acked !== null && acked - first + 1 >= acksBeforeKill) kill();
    });
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      // Acks that reached the pipe before the kill count too.
      for (const m of out.matchAll(/ack (\d+)\n/g)) acked = Number(m[1]);
      resolve({ acked, code, signal, stderr });
    });
  });
}

/** Reopen after the kill: integrity ok, last acknowledged save present, search index repairable and exact. */
function verify(dbPath: string, id: string, lastAck: number, ackedThisLife: boolean): number {
  const db = openDatabase(dbPath);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const { document } = db.prepare('SELECT document FROM articles WHERE id = ?').get(id) as { document: string };
    const marker = crashMarker(document);
    expect(marker).toBeGreaterThanOrEqual(lastAck);
    // The save in flight when killed may have committed without its ack; never more than one.
    if (ackedThisLife) expect(marker).toBeLessThanOrEqual(lastAck + 1);
    const repo = new ArticleRepository(db);
    const hits = repo.search.search(SearchInput.parse({ query: `"lần ${marker}"` }));
    expect(hits.items.map((h) => h.article.id)).toEqual([id]);
    return marker;
  } finally {
    db.close();
  }
}

/** Kills that ended a writer, and saves the writer acknowledged before them. */
async function lane(dir: string, seed: number): Promise<{ kills: number; acked: number }> {
  const dbPath = join(dir, `lane-${seed}.db`);
  const setup = openDatabase(dbPath);
  const id = new ArticleRepository(setup).create({ document: crashDocument(0) }).meta.id;
  setup.close();
  const random = rng(seed);
  let lastAck = 0;
  let stored = 0;
  let kills = 0;
  for (let k = 0; k < KILLS_PER_LANE; k++) {
    const acksBeforeKill = random() < 0.15 ? 0 : 1 + Math.floor(random() * 30);
    const life = await liveAndDie(dbPath, id, stored + 1, acksBeforeKill, Math.floor(random() * 4));
    expect(life.signal, `writer ended by itself: ${life.stderr}`).toBe('SIGKILL');
    if (life.signal === 'SIGKILL') kills++;
    if (life.acked !== null) lastAck = life.acked;
    stored = verify(dbPath, id, lastAck, life.acked !== null);
  }
  return { kills, acked: lastAck };
}

/** SQLite's number for `synchronous = FULL`. */
const FULL = 2;
const writableFiles = () => connections.filter((db) => db.open && !db.readonly && !db.memory);

describe('durability settings', () => {
  // SIGKILL cannot tell FULL from OFF (the OS keeps the written pages); power loss can.
  // So the setting itself is asserted, on every writable connection, after each kind of write.
  it('keeps synchronous = FULL on every writable connection the core opens', () => {
    const { dir, cleanup } = tempDir();
    connections.length = 0;
    const core = createCore({ databasePath: join(dir, 'full.db'), host: 'browser', maintainSearch: true });
    try {
      const expectFull = () => {
        expect(writableFiles().length).toBeGreaterThan(0);
        for (const db of writableFiles()) expect(db.pragma('synchronous', { simple: true }), db.name).toBe(FULL);
      };
      expectFull();
      const id = core.articles.create({ document: crashDocument(1) }).meta.id;
      expectFull();
      core.articles.save({ id, document: crashDocument(2), reason: 'autosave' });
      expectFull();
      core.articles.search.flush(); // commits its own batches at NORMAL, then must restore FULL
      expectFull();
      core.articles.save({ id, document: crashDocument(3), reason: 'save' });
      expectFull();
    } finally {
      core.close();
      cleanup();
    }
  });
});

describe('crash safety (WAL)', () => {
  it(
    `keeps every acknowledged save and an intact file across ${LANES * KILLS_PER_LANE} SIGKILLs`,
    async () => {
      const { dir, cleanup } = tempDir();
      try {
        const lanes = await Promise.all(Array.from({ length: LANES }, (_, i) => lane(dir, 1000 + i)));
        // Every life ended by SIGKILL, and the kills landed among real saves, not only at start-up.
        expect(lanes.reduce((sum, l) => sum + l.kills, 0)).toBe(LANES * KILLS_PER_LANE);
        for (const l of lanes) expect(l.acked).toBeGreaterThanOrEqual(KILLS_PER_LANE);
      } finally {
        cleanup();
      }
    },
    // About 30 s on an idle 2-core machine (each writer is a fresh Node + tsx process);
    // the margin is for a machine shared with the rest of the suite.
    400_000,
  );
});
