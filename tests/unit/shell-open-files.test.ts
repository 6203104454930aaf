import { describe, expect, it, vi } from 'vitest';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installFileOpening, packageArguments } from '../../src/main/shell/open-files';
import { OPEN_FILE_CHANNEL } from '../../src/shared/bridge';
import { LIMITS } from '../../src/main/core/handoff/format';
import { tempDir } from '../support/temp';

// The Electron binary never runs in unit tests: `app` and the window are stand-ins that record what the shell does.
function standIns() {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  const app = { on: (name: string, fn: (...args: unknown[]) => void) => (handlers.set(name, fn), app) };
  const sent: { name: string; data?: string; problem?: string }[] = [];
  const calls: string[] = [];
  const window = {
    minimized: false,
    isDestroyed: () => false,
    isMinimized: () => window.minimized,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
    on: () => window,
    webContents: {
      send: (channel: string, file: { name: string; data?: Uint8Array; problem?: string }) => {
        expect(channel).toBe(OPEN_FILE_CHANNEL);
        sent.push({ name: file.name, ...(file.data ? { data: Buffer.from(file.data).toString('utf8') } : { problem: file.problem }) });
      },
    },
  };
  return { app: app as never, handlers, window, asWindow: window as never, sent, calls };
}

describe('opening .newsroom files from the system', () => {
  it('reads the packages a command line names, against its folder, skipping options and the --db path', () => {
    expect(packageArguments(['/opt/Newsroom/newsroom', 'bai.newsroom', '--db', 'khac.newsroom', '--flag', '/home/a/Tải về/Bài Mới.NEWSROOM', 'ghi-chu.txt'], '/home/a')).toEqual([
      '/home/a/bai.newsroom',
      '/home/a/Tải về/Bài Mới.NEWSROOM',
    ]);
    expect(packageArguments(['electron', '.'], '/x')).toEqual([]);
  });

  it("hands the first launch's own file to the page once it has loaded, bytes and name as on disk", async () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'bai-lu.newsroom'), 'gói bài lũ quét');
      const s = standIns();
      const opening = installFileOpening(s.app, ['newsroom', 'bai-lu.newsroom'], dir);
      expect(s.sent).toEqual([]);
      opening.windowReady(s.asWindow);
      await vi.waitFor(() => expect(s.sent).toEqual([{ name: 'bai-lu.newsroom', data: 'gói bài lũ quét' }]));
    } finally {
      cleanup();
    }
  });

  it('a second launch brings the window back and hands over its file, resolved in its own folder', async () => {
    const { dir, cleanup } = tempDir();
    try {
      mkdirSync(join(dir, 'Downloads'));
      writeFileSync(join(dir, 'Downloads', 'bai-2.newsroom'), 'thứ hai');
      const s = standIns();
      const opening = installFileOpening(s.app, ['newsroom'], '/');
      opening.windowReady(s.asWindow);
      s.window.minimized = true;
      s.handlers.get('second-instance')!({}, ['newsroom', '--allow-file-access', 'bai-2.newsroom'], join(dir, 'Downloads'));
      expect(s.calls).toEqual(['restore', 'show', 'focus']);
      await vi.waitFor(() => expect(s.sent).toEqual([{ name: 'bai-2.newsroom', data: 'thứ hai' }]));
    } finally {
      cleanup();
    }
  });

  it("takes macOS's open-file, even before the window exists, and keeps the order files came in", async () => {
    const { dir, cleanup } = tempDir();
    try {
      for (const n of ['a', 'b', 'c']) writeFileSync(join(dir, `${n}.newsroom`), n.repeat(3));
      const s = standIns();
      const opening = installFileOpening(s.app, ['Newsroom'], '/');
      let prevented = 0;
      const event = { preventDefault: () => prevented++ };
      s.handlers.get('open-file')!(event, join(dir, 'a.newsroom'));
      s.handlers.get('open-file')!(event, join(dir, 'b.newsroom'));
      expect(prevented).toBe(2);
      expect(s.sent).toEqual([]);
      opening.windowReady(s.asWindow);
      s.handlers.get('open-file')!(event, join(dir, 'c.newsroom'));
      await vi.waitFor(() => expect(s.sent.map((f) => f.data)).toEqual(['aaa', 'bbb', 'ccc']));
    } finally {
      cleanup();
    }
  });

  it('says which file is missing and which is over the package limit, without reading the large one', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const huge = join(dir, 'qua-lon.newsroom');
      writeFileSync(huge, '');
      truncateSync(huge, LIMITS.packageBytes + 1);
      const s = standIns();
      const opening = installFileOpening(s.app, ['newsroom', join(dir, 'da-xoa.newsroom'), huge], dir);
      opening.windowReady(s.asWindow);
      await vi.waitFor(() =>
        expect(s.sent).toEqual([
          { name: 'da-xoa.newsroom', problem: 'missing' },
          { name: 'qua-lon.newsroom', problem: 'too-large' },
        ]),
      );
    } finally {
      cleanup();
    }
  });
});
