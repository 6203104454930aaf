import { describe, expect, it } from 'vitest';
import { allCommands, commandById } from '../../src/renderer/src/commands/app-commands';
import { buildMenus } from '../../src/renderer/src/commands/menus';
import { matchesQuery } from '../../src/renderer/src/commands/search';
import { commandForKey } from '../../src/renderer/src/commands/use-command-keys';
import type { CommandContext } from '../../src/renderer/src/commands/types';
import { nextZoom } from '../../src/renderer/src/appearance/zoom';
import type { Feature } from '../../src/renderer/src/features/index';
import type { MenuItem } from '../../src/renderer/src/app/MenuBar';

/** A context recording what ran; `editor` present or not. */
function context(withArticle: boolean): { ctx: CommandContext; ran: string[] } {
  const ran: string[] = [];
  const record = (name: string) => () => void ran.push(name);
  const ctx: CommandContext = {
    editor: withArticle ? ({ suggesting: false, run: () => ran.push('editor.run') } as never) : null,
    language: 'vi',
    panels: { list: true, details: true, review: false },
    theme: 'dark',
    runFeature: (f) => void ran.push(`feature:${f.id}`),
    newArticle: record('newArticle'),
    saveNow: record('saveNow'),
    deleteOpenArticle: record('delete'),
    startComment: record('comment'),
    toggleList: record('toggleList'),
    toggleDetails: record('toggleDetails'),
    toggleReview: record('toggleReview'),
    focusList: record('focusList'),
    focusEditor: record('focusEditor'),
    setTheme: (choice) => void ran.push(`theme:${choice}`),
    zoom: (step) => void ran.push(`zoom:${step}`),
    openPalette: record('palette'),
    openKeyboardHelp: record('help'),
    showAbout: record('about'),
  };
  return { ctx, ran };
}

const t = ((key: string) => `«${key}»`) as never;
const key = (init: Partial<KeyboardEvent>) => ({ key: '', code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...init }) as KeyboardEvent;
const items = (menus: ReturnType<typeof buildMenus>, id: string) => menus.find((m) => m.id === id)!.items.filter((i): i is Exclude<MenuItem, { separator: true }> => !('separator' in i));

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
