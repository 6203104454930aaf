import { beforeEach, describe, expect, it, vi } from 'vitest';

// The Electron binary never runs in unit tests: the shell is tested against a stand-in.
const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
const windows: { options: Record<string, unknown>; events: Map<string, (...a: unknown[]) => void>; openHandler?: (d: { url: string }) => unknown; loaded?: string }[] = [];
const opened: string[] = [];
const sentToPage: [string, unknown][] = [];
let applicationMenu: unknown = null;

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
        send: (channel: string, message: unknown) => sentToPage.push([channel, message]),
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
    nativeTheme: { shouldUseDarkColors: false },
    shell: { openExternal: (url: string) => (opened.push(url), Promise.resolve()) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: (menu: unknown) => (applicationMenu = menu) },
  };
});

const { registerIpc } = await import('../../src/main/shell/ipc');
const { createMainWindow } = await import('../../src/main/shell/window');
const { CALL_NAMES } = await import('../../src/shared/api');
const { HOST_ONLY_CALLS } = await import('../../src/shared/call-names');
const { ChosenPaths } = await import('../../src/main/shell/chosen-paths');
const { installMenu, menuLabels } = await import('../../src/main/shell/menu');
const { MENU_COMMANDS } = await import('../../src/shared/bridge');
const { COMMAND_SHORTCUTS, toAccelerator } = await import('../../src/shared/menu-commands');
// The renderer's strings, loaded by path outside the node type program.
type UiStrings = { menu: Record<'file' | 'edit' | 'insert' | 'view' | 'tools' | 'help', string> };
const [viPath, enPath] = ['../../src/renderer/src/i18n/vi', '../../src/renderer/src/i18n/en'];
const { vi: uiVi } = (await import(viPath)) as { vi: UiStrings };
const { en: uiEn } = (await import(enPath)) as { en: UiStrings };

interface MenuEntry {
  label?: string;
  role?: string;
  accelerator?: string;
  click?: () => void;
  submenu?: MenuEntry[];
}

/** Install the menu for `locale` against a stand-in window; returns its command items and what clicking sent. */
function menuFor(locale: string) {
  const sent: [string, unknown][] = [];
  const win = { webContents: { send: (channel: string, command: unknown) => sent.push([channel, command]) } };
  installMenu(() => win as never, locale);
  const top = (applicationMenu as { template: MenuEntry[] }).template;
  const items = top.flatMap((m) => (m.submenu ?? []).map((item) => ({ ...item, menu: m.label })));
  return { top, items: items.filter((i) => i.click), sent };
}

const lookup = (strings: object, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], strings);

beforeEach(() => {
  handlers.clear();
  windows.length = 0;
  opened.length = 0;
  sentToPage.length = 0;
});

describe('Electron shell', () => {
  it('registers one IPC handler per call a page may make and refuses frames that are not the app', async () => {
    const calls: [string, unknown][] = [];
    const core = { call: async (name: string, input: unknown) => (calls.push([name, input]), { ok: true, value: 1 }) };
    registerIpc(core as never, new ChosenPaths());
    expect([...handlers.keys()].sort()).toEqual(CALL_NAMES.filter((n) => !HOST_ONLY_CALLS.includes(n)).map((n) => `api:${n}`).sort());
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

  it("turns Ctrl+wheel and pinch zoom into the page's own zoom commands", () => {
    createMainWindow({ preloadPath: '/x/preload.cjs', stateDir: '/nonexistent' });
    const zoomChanged = windows[0]!.events.get('wc:zoom-changed')!;
    zoomChanged({}, 'in');
    zoomChanged({}, 'out');
    expect(sentToPage).toEqual([
      ['menu:command', 'zoom-in'],
      ['menu:command', 'zoom-out'],
    ]);
  });
});

describe('Electron application menu', () => {
  it('sends every page command by name, once each', () => {
    const { items, sent } = menuFor('vi-VN');
    for (const item of items) item.click!();
    expect(sent.every(([channel]) => channel === 'menu:command')).toBe(true);
    expect(sent.map(([, command]) => command).sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('gives each command the shortcut of the page menus, and no other accelerator', () => {
    const { items, sent } = menuFor('en-US');
    for (const item of items) {
      item.click!();
      const command = sent.at(-1)![1] as keyof typeof COMMAND_SHORTCUTS;
      const shortcut = COMMAND_SHORTCUTS[command] as string | undefined;
      expect(item.accelerator, command).toBe(shortcut ? toAccelerator(shortcut) : undefined);
    }
    const accelerators = items.map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
    expect(items.find((i) => i.label === 'Export…')!.accelerator).toBe('CmdOrCtrl+Shift+E');
    expect(items.find((i) => i.label === 'Open package…')!.accelerator).toBe('CmdOrCtrl+Shift+O');
    expect(items.find((i) => i.label === 'Review and handoff…')!.accelerator).toBe('CmdOrCtrl+Alt+R');
    expect(items.find((i) => i.label === 'Import…')!.accelerator).toBe('CmdOrCtrl+O');
  });

  it("carries the page registry's commands with the registry's words and shortcuts, in Vietnamese and in English", async () => {
    // The renderer's command registry, loaded by path outside the node type program.
    const registryPath = '../../src/renderer/src/commands/app-commands';
    const { allCommands } = (await import(registryPath)) as { allCommands(): { id: string; labelKey: string; shortcut?: string; group?: string }[] };
    const registry = new Map(allCommands().map((c) => [c.id, c]));
    for (const [locale, strings] of [
      ['vi-VN', uiVi],
      ['en-GB', uiEn],
    ] as const) {
      const { items, sent } = menuFor(locale);
      for (const item of items) item.click!();
      sent.forEach(([, id], i) => {
        const command = registry.get(id as string);
        expect(command, `${id} is not in the page's command registry`).toBeDefined();
        expect(items[i]!.label, `${locale} ${id}`).toBe(lookup(strings, command!.labelKey));
        expect(items[i]!.accelerator, `${id}`).toBe(command!.shortcut ? toAccelerator(command!.shortcut) : undefined);
      });
      // Every feature screen the page's menus list is in the application menu too.
      const ids = new Set(sent.map(([, id]) => id));
      for (const command of registry.values()) if (command.group === 'features') expect(ids.has(command.id), command.id).toBe(true);
      const labels = menuLabels(locale);
      expect([labels.file, labels.edit, labels.insert, labels.view, labels.tools, labels.help]).toEqual([strings.menu.file, strings.menu.edit, strings.menu.insert, strings.menu.view, strings.menu.tools, strings.menu.help]);
    }
    expect(menuFor('vi').top.map((m) => m.label ?? m.role)).toEqual(['Tệp', 'Sửa', 'Chèn', 'Xem', 'Công cụ', 'windowMenu', 'Trợ giúp']);
  });

  it("leaves zoom to the page: no zoom roles, the page's zoom commands instead", () => {
    const { top, items } = menuFor('en');
    const roles = top.flatMap((m) => (m.submenu ?? []).map((i) => i.role)).filter(Boolean);
    expect(roles).not.toEqual(expect.arrayContaining(['zoomIn']));
    expect(roles.filter((r) => /zoom/i.test(String(r)))).toEqual([]);
    expect(items.find((i) => i.label === 'Zoom in')!.accelerator).toBe('CmdOrCtrl+=');
    expect(items.find((i) => i.label === 'Keyboard shortcuts')!.accelerator).toBe('CmdOrCtrl+/');
  });

  it('turns key notation into accelerators', () => {
    expect(toAccelerator('Mod-Shift-e')).toBe('CmdOrCtrl+Shift+E');
    expect(toAccelerator('Mod-Alt-r')).toBe('CmdOrCtrl+Alt+R');
    expect(toAccelerator('Shift-Mod-8')).toBe('Shift+CmdOrCtrl+8');
    expect(toAccelerator('Mod--')).toBe('CmdOrCtrl+-');
    expect(toAccelerator('F10')).toBe('F10');
    expect(() => toAccelerator('Hyper-x')).toThrow(/unknown modifier/);
  });
});
