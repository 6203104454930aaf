import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/open';
import { ArticleRepository } from '../../src/main/core/store/articles';
import { SearchInput } from '../../src/shared/search';
import { crashDocument, crashMarker } from '../support/crash-doc';
import { rng } from '../support/corpus';
import { tempDir } from '../support/temp';

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

async function lane(dir: string, seed: number): Promise<number> {
  const dbPath = join(dir, `lane-${seed}.db`);
  const setup = openDatabase(dbPath);
  const id = new ArticleRepository(setup).create({ document: crashDocument(0) }).meta.id;
  setup.close();
  const random = rng(seed);
  let lastAck = 0;
  let stored = 0;
  for (let k = 0; k < KILLS_PER_LANE; k++) {
    const acksBeforeKill = random() < 0.15 ? 0 : 1 + Math.floor(random() * 30);
    const life = await liveAndDie(dbPath, id, stored + 1, acksBeforeKill, Math.floor(random() * 4));
    expect(life.signal, `writer ended by itself: ${life.stderr}`).toBe('SIGKILL');
    if (life.acked !== null) lastAck = life.acked;
    stored = verify(dbPath, id, lastAck, life.acked !== null);
  }
  return KILLS_PER_LANE;
}

describe('crash safety (synchronous = FULL, WAL)', () => {
  it(
    `keeps every acknowledged save and an intact file across ${LANES * KILLS_PER_LANE} SIGKILLs`,
    async () => {
      const { dir, cleanup } = tempDir();
      try {
        const kills = await Promise.all(Array.from({ length: LANES }, (_, i) => lane(dir, 1000 + i)));
        expect(kills.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(50);
      } finally {
        cleanup();
      }
    },
    // About 30 s on an idle 2-core machine (each writer is a fresh Node + tsx process);
    // the margin is for a machine shared with the rest of the suite.
    400_000,
  );
});
