import { beforeEach, describe, expect, it, vi } from 'vitest';

// The Electron binary never runs in unit tests: the shell is tested against a stand-in.
const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
const windows: { options: Record<string, unknown>; events: Map<string, (...a: unknown[]) => void>; openHandler?: (d: { url: string }) => unknown; loaded?: string }[] = [];
const opened: string[] = [];

vi.mock('electron', () => {
  class BrowserWindow {
    record: (typeof windows)[number];
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      this.record = { options, events: new Map() };
      windows.push(this.record);
      const rec = this.record;
      this.webContents = {
        setWindowOpenHandler: (fn: (d: { url: string }) => unknown) => (rec.openHandler = fn),
        on: (name: string, fn: (...a: unknown[]) => void) => rec.events.set(`wc:${name}`, fn),
      };
    }
    on(name: string, fn: (...a: unknown[]) => void) {
      this.record.events.set(name, fn);
    }
    once(name: string, fn: (...a: unknown[]) => void) {
      this.record.events.set(name, fn);
    }
    maximize() {}
    loadURL(url: string) {
      this.record.loaded = url;
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    ipcMain: { handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) => handlers.set(channel, fn) },
    shell: { openExternal: (url: string) => (opened.push(url), Promise.resolve()) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  };
});

const { registerIpc } = await import('../../src/main/shell/ipc');
const { createMainWindow } = await import('../../src/main/shell/window');
const { CALL_NAMES } = await import('../../src/shared/api');

beforeEach(() => {
  handlers.clear();
  windows.length = 0;
  opened.length = 0;
});

describe('Electron shell', () => {
  it('registers one IPC handler per call and refuses frames that are not the app', async () => {
    const calls: [string, unknown][] = [];
    const core = { call: async (name: string, input: unknown) => (calls.push([name, input]), { ok: true, value: 1 }) };
    registerIpc(core as never);
    expect([...handlers.keys()].sort()).toEqual(CALL_NAMES.map((n) => `api:${n}`).sort());
    const handle = handlers.get('api:listArticles')!;
    expect(await handle({ senderFrame: { url: 'newsroom://app/index.html' } }, { limit: 5 })).toEqual({ ok: true, value: 1 });
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'newsroom://other/index.html', '']) {
      expect(await handle({ senderFrame: { url } }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(calls).toEqual([['listArticles', { limit: 5 }]]);
  });

  it('creates an isolated, sandboxed window that cannot navigate away or open windows', () => {
    createMainWindow({ preloadPath: '/x/preload.cjs', stateDir: '/nonexistent' });
    const w = windows[0]!;
    expect(w.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(w.loaded).toBe('newsroom://app/index.html');
    expect(w.openHandler!({ url: 'https://baolaichau.vn/' })).toEqual({ action: 'deny' });
    expect(w.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://baolaichau.vn/']);
    let prevented = false;
    w.events.get('wc:will-navigate')!({ preventDefault: () => (prevented = true) }, 'file:///etc/passwd');
    expect(prevented).toBe(true);
    expect(opened).toEqual(['https://baolaichau.vn/']);
  });
});
