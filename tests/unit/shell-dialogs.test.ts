import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/temp';

// The Electron binary never runs in unit tests: the shell is tested against a stand-in.
const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
const shown: { owner: unknown; options: { title: string; properties: string[]; filters?: { extensions: string[] }[] } }[] = [];
let answer: { canceled: boolean; filePaths: string[] } = { canceled: false, filePaths: [] };

vi.mock('electron', () => ({
  BrowserWindow: { fromWebContents: (contents: unknown) => (contents ? { window: contents } : null) },
  dialog: {
    showOpenDialog: (...args: unknown[]) => {
      const [owner, options] = args.length === 2 ? args : [null, args[0]];
      shown.push({ owner, options: options as (typeof shown)[number]['options'] });
      return Promise.resolve(answer);
    },
  },
  ipcMain: { handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) => handlers.set(channel, fn) },
}));

const { registerDialogs } = await import('../../src/main/shell/dialogs');
const { ChosenPaths } = await import('../../src/main/shell/chosen-paths');
const { CHOOSE_FOLDER_CHANNEL, CHOOSE_IMAGES_CHANNEL } = await import('../../src/shared/bridge');

let chosen = new ChosenPaths();
beforeEach(() => {
  handlers.clear();
  shown.length = 0;
  chosen = new ChosenPaths();
  registerDialogs(chosen);
});

const app = { senderFrame: { url: 'newsroom://app/index.html' }, sender: 'contents-1' };

describe('native dialogs', () => {
  it('shows the folder chooser attached to the asking window and returns the chosen path', async () => {
    answer = { canceled: false, filePaths: ['/home/toasoan/xuất bản'] };
    const choose = handlers.get(CHOOSE_FOLDER_CHANNEL)!;
    expect(await choose(app, { title: 'Chọn thư mục để xuất bài' })).toBe('/home/toasoan/xuất bản');
    expect(shown).toEqual([{ owner: { window: 'contents-1' }, options: { title: 'Chọn thư mục để xuất bài', properties: ['openDirectory', 'createDirectory'] } }]);
  });

  it('returns null when cancelled, and ignores odd input', async () => {
    answer = { canceled: true, filePaths: [] };
    const choose = handlers.get(CHOOSE_FOLDER_CHANNEL)!;
    expect(await choose(app, { title: 42 })).toBeNull();
    expect(await choose(app, null)).toBeNull();
    expect(shown.map((s) => s.options.title)).toEqual(['', '']);
    expect(await choose(app, { title: 'x'.repeat(5000) })).toBeNull();
    expect(shown[2]!.options.title).toHaveLength(200);
  });

  it('refuses frames that are not the app, without showing anything', async () => {
    answer = { canceled: false, filePaths: ['/etc'] };
    const choose = handlers.get(CHOOSE_FOLDER_CHANNEL)!;
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', '']) expect(await choose({ senderFrame: { url }, sender: 'x' }, { title: 't' })).toBeNull();
    expect(shown).toEqual([]);
  });
});

describe('choosing photos in the desktop app', () => {
  it('hands the chosen photos to the page by name and path, never their bytes, and remembers each path for one import', async () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'ảnh 1.jpg'), Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]));
      const huge = join(dir, 'lớn.jpg');
      writeFileSync(huge, '');
      truncateSync(huge, 4 * 1024 * 1024 * 1024); // sparse: no real disk use, and never read here
      mkdirSync(join(dir, 'thư mục.jpg'));
      answer = { canceled: false, filePaths: [join(dir, 'ảnh 1.jpg'), huge, join(dir, 'thư mục.jpg'), join(dir, 'gone.jpg')] };
      const choose = handlers.get(CHOOSE_IMAGES_CHANNEL)!;
      const files = await choose(app, { title: 'Chèn ảnh…' });
      expect(files).toEqual([
        { name: 'ảnh 1.jpg', path: join(dir, 'ảnh 1.jpg') },
        { name: 'lớn.jpg', path: huge },
      ]);
      expect([chosen.take(huge), chosen.take(huge), chosen.take(join(dir, 'thư mục.jpg'))]).toEqual([true, false, false]);
      expect(shown[0]!.options).toMatchObject({ title: 'Chèn ảnh…', properties: ['openFile', 'multiSelections'] });
      expect(shown[0]!.options.filters![0]!.extensions).toContain('heic');
    } finally {
      cleanup();
    }
  });

  it('gives nothing when cancelled or asked by a frame that is not the app', async () => {
    answer = { canceled: true, filePaths: [] };
    const choose = handlers.get(CHOOSE_IMAGES_CHANNEL)!;
    expect(await choose(app, { title: 't' })).toEqual([]);
    answer = { canceled: false, filePaths: ['/etc/passwd'] };
    expect(await choose({ senderFrame: { url: 'https://evil.example/' }, sender: 'x' }, { title: 't' })).toEqual([]);
    expect(shown).toHaveLength(1);
  });
});
