import { describe, expect, it } from 'vitest';

// Renderer modules are loaded by path: they belong to the web TypeScript project, not this one.
const SRC = '../../src/renderer/src/';
interface Command {
  id: string;
  labelKey: string;
  shortcut?: string;
  menu?: string;
}
type CommandItem = { id: string; label: string; shortcut?: string; disabled?: boolean; checked?: boolean; run(): void };
type Menu = { id: string; label: string; items: (CommandItem | { id: string; separator: true })[] };
type Feature = { id: string; menu: string; labelKey: string; shortcut?: string; needsArticle?: boolean; run?: () => void };
type CommandContext = Record<string, unknown>;
const { allCommands, commandById } = (await import(`${SRC}commands/app-commands`)) as {
  allCommands(features?: Feature[]): Command[];
  commandById(id: string, commands?: Command[]): Command | undefined;
};
const { buildMenus } = (await import(`${SRC}commands/menus`)) as { buildMenus(commands: Command[], ctx: CommandContext, t: (key: string) => string): Menu[] };
const { matchesQuery } = (await import(`${SRC}commands/search`)) as { matchesQuery(query: string, ...texts: string[]): boolean };
const { commandForKey } = (await import(`${SRC}commands/use-command-keys`)) as { commandForKey(event: KeyboardEvent, commands: Command[]): Command | undefined };
const { nextZoom } = (await import(`${SRC}appearance/zoom`)) as { nextZoom(current: number, step: 1 | -1 | 0): number };

/** A context recording what ran; `editor` present or not. */
function context(withArticle: boolean): { ctx: CommandContext; ran: string[] } {
  const ran: string[] = [];
  const record = (name: string) => () => void ran.push(name);
  const ctx: CommandContext = {
    editor: withArticle ? ({ suggesting: false, run: () => ran.push('editor.run') } as never) : null,
    language: 'vi',
    panels: { list: true, details: true, review: false },
    theme: 'dark',
    runFeature: (f: Feature) => void ran.push(`feature:${f.id}`),
    newArticle: record('newArticle'),
    saveNow: record('saveNow'),
    deleteOpenArticle: record('delete'),
    startComment: record('comment'),
    toggleList: record('toggleList'),
    toggleDetails: record('toggleDetails'),
    toggleReview: record('toggleReview'),
    focusList: record('focusList'),
    focusEditor: record('focusEditor'),
    setTheme: (choice: string) => void ran.push(`theme:${choice}`),
    zoom: (step: number) => void ran.push(`zoom:${step}`),
    openPalette: record('palette'),
    openKeyboardHelp: record('help'),
    showAbout: record('about'),
  };
  return { ctx, ran };
}

const t = (key: string) => `«${key}»`;
const key = (init: Partial<KeyboardEvent>) => ({ key: '', code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...init }) as KeyboardEvent;
function items(menus: Menu[], id: string): CommandItem[] {
  return menus.find((m) => m.id === id)!.items.filter((i): i is CommandItem => !('separator' in i));
}

describe('command registry', () => {
  it('gives every command a unique id', () => {
    const ids = allCommands().map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('builds the menu bar from the registry: labels, shortcuts, disabled without an article, checks, groups parted', () => {
    const { ctx, ran } = context(false);
    const menus = buildMenus(allCommands(), ctx, t);
    expect(menus.map((m) => m.id)).toEqual(['file', 'edit', 'format', 'insert', 'view', 'tools', 'help']);
    const file = items(menus, 'file');
    expect(file[0]).toMatchObject({ id: 'new-article', label: '«menu.newArticle»', disabled: false });
    expect(file.find((i) => i.id === 'save')).toMatchObject({ shortcut: 'Ctrl+S', disabled: true });
    expect(file.find((i) => i.id === 'feature-export')).toMatchObject({ label: '«exportView.menu»', shortcut: 'Ctrl+Shift+E' });
    expect(items(menus, 'format').every((i) => i.disabled)).toBe(true);
    const view = items(menus, 'view');
    expect(view.filter((i) => i.id.startsWith('theme-')).map((i) => [i.id, i.checked])).toEqual([
      ['theme-system', false],
      ['theme-light', false],
      ['theme-dark', true],
    ]);
    expect(view.find((i) => i.id === 'zoom-in')).toMatchObject({ shortcut: 'Ctrl+=' });
    expect(view.find((i) => i.id === 'zoom-out')).toMatchObject({ shortcut: 'Ctrl+-' });
    expect(menus.find((m) => m.id === 'view')!.items.some((i) => 'separator' in i)).toBe(true);
    view.find((i) => i.id === 'theme-light')!.run();
    items(menus, 'help').find((i) => i.id === 'keyboard-help')!.run();
    expect(ran).toEqual(['theme:light', 'help']);
  });

  it('lists a feature in the menu it names and runs it through the app', () => {
    const feature: Feature = { id: 'print', menu: 'file', labelKey: 'print.menu', shortcut: 'Mod-p', needsArticle: true, run: () => {} };
    const commands = allCommands([feature]);
    expect(commandById('print', commands)).toMatchObject({ labelKey: 'print.menu', shortcut: 'Mod-p', menu: 'file' });
    const without = context(false);
    expect(items(buildMenus(commands, without.ctx, t), 'file').find((i) => i.id === 'feature-print')).toMatchObject({ disabled: true });
    const withArticle = context(true);
    items(buildMenus(commands, withArticle.ctx, t), 'file').find((i) => i.id === 'feature-print')!.run();
    expect(withArticle.ran).toEqual(['feature:print']);
  });

  it('binds window keys to commands, but leaves the editor its own keys', () => {
    const commands = allCommands();
    expect(commandForKey(key({ key: 'P', code: 'KeyP', ctrlKey: true, shiftKey: true }), commands)?.id).toBe('command-palette');
    expect(commandForKey(key({ key: '/', code: 'Slash', ctrlKey: true }), commands)?.id).toBe('keyboard-help');
    expect(commandForKey(key({ key: 'F1', code: 'F1' }), commands)?.id).toBe('keyboard-help');
    expect(commandForKey(key({ key: '=', code: 'Equal', ctrlKey: true }), commands)?.id).toBe('zoom-in');
    expect(commandForKey(key({ key: '+', code: 'Equal', ctrlKey: true, shiftKey: true }), commands)?.id).toBe('zoom-in');
    expect(commandForKey(key({ key: '-', code: 'Minus', ctrlKey: true }), commands)?.id).toBe('zoom-out');
    expect(commandForKey(key({ key: '0', code: 'Digit0', ctrlKey: true }), commands)?.id).toBe('zoom-reset');
    expect(commandForKey(key({ key: 's', code: 'KeyS', ctrlKey: true }), commands)?.id).toBe('save');
    expect(commandForKey(key({ key: 'e', code: 'KeyE', ctrlKey: true, shiftKey: true }), commands)?.id).toBe('export');
    // Bold, undo and find belong to the editor's keymap.
    expect(commandForKey(key({ key: 'b', code: 'KeyB', ctrlKey: true }), commands)).toBeUndefined();
    expect(commandForKey(key({ key: 'z', code: 'KeyZ', ctrlKey: true }), commands)).toBeUndefined();
    expect(commandForKey(key({ key: 'f', code: 'KeyF', ctrlKey: true }), commands)).toBeUndefined();
  });
});

describe('palette search', () => {
  it('ignores tone marks, đ and case, and needs every word', () => {
    expect(matchesQuery('den danh sach', 'Đến danh sách bài')).toBe(true);
    expect(matchesQuery('XUAT', 'Xuất bài…')).toBe(true);
    expect(matchesQuery('dam', 'Đậm')).toBe(true);
    expect(matchesQuery('xuat anh', 'Xuất bài…')).toBe(false);
    expect(matchesQuery('', 'Bất kỳ')).toBe(true);
  });
});

describe('zoom steps', () => {
  it('steps through the browser steps, stops at the ends, and resets to 100 %', () => {
    expect(nextZoom(1, 1)).toBe(1.1);
    expect(nextZoom(1.1, -1)).toBe(1);
    expect(nextZoom(1, -1)).toBe(0.9);
    expect(nextZoom(2, 1)).toBe(2);
    expect(nextZoom(0.5, -1)).toBe(0.5);
    expect(nextZoom(1.75, 0)).toBe(1);
  });
});
