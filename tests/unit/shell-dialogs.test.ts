import { beforeEach, describe, expect, it, vi } from 'vitest';

// The Electron binary never runs in unit tests: the shell is tested against a stand-in.
const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
const shown: { owner: unknown; options: { title: string; properties: string[] } }[] = [];
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
const { CHOOSE_FOLDER_CHANNEL } = await import('../../src/shared/bridge');

beforeEach(() => {
  handlers.clear();
  shown.length = 0;
  registerDialogs();
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
