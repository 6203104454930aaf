import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurably } from '../../src/main/core/durable-write';
import { tempDbPerTest } from '../support/temp-per-test';

/** Every fsync (by the path its descriptor was opened with) and rename, in order. */
const recorded = vi.hoisted(() => ({ events: [] as string[], paths: new Map<number, string>() }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const openSync = ((path: string, ...rest: unknown[]) => {
    const fd = (real.openSync as (...a: unknown[]) => number)(path, ...rest);
    recorded.paths.set(fd, String(path));
    return fd;
  }) as typeof real.openSync;
  const fsyncSync = (fd: number) => {
    recorded.events.push(`fsync ${recorded.paths.get(fd)}`);
    real.fsyncSync(fd);
  };
  const renameSync = (from: string, to: string) => {
    recorded.events.push(`rename → ${to}`);
    real.renameSync(from, to);
  };
  return { ...real, default: { ...real, openSync, fsyncSync, renameSync }, openSync, fsyncSync, renameSync };
});

describe('writeFileDurably', () => {
  const temp = tempDbPerTest();

  it('fsyncs the folder after the rename, so the new name survives a power cut', () => {
    const folder = join(temp.dir, 'media', 'originals');
    const file = join(folder, 'anh.jpg');
    recorded.events.length = 0;
    writeFileDurably(file, Buffer.from('ảnh'));

    expect(readFileSync(file, 'utf8')).toBe('ảnh');
    const { events } = recorded;
    const renamed = events.indexOf(`rename → ${file}`);
    expect(renamed).toBeGreaterThan(0);
    expect(events[renamed - 1]).toMatch(/^fsync .*anh\.jpg\.tmp-/); // the data, before the name
    expect(events.slice(renamed + 1)).toContain(`fsync ${folder}`); // the name, after the rename
  });
});
