import { describe, expect, it } from 'vitest';

// Renderer modules are loaded by path: they belong to the web TypeScript project, not this one.
const APP = '../../src/renderer/src/app/';
const { matchesShortcut } = (await import(`${APP}shortcuts`)) as { matchesShortcut: (event: KeyboardEvent, shortcut: string) => boolean };

const key = (init: Partial<KeyboardEvent>) => ({ key: '', code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...init }) as KeyboardEvent;

describe('app-wide shortcuts', () => {
  it('match by the character typed, with exactly the modifiers named', () => {
    expect(matchesShortcut(key({ key: 's', code: 'KeyS', ctrlKey: true }), 'Mod-s')).toBe(true);
    expect(matchesShortcut(key({ key: 'S', code: 'KeyS', ctrlKey: true, shiftKey: true }), 'Mod-Shift-s')).toBe(true);
    expect(matchesShortcut(key({ key: 's', code: 'KeyS', ctrlKey: true, altKey: true }), 'Mod-s')).toBe(false);
    expect(matchesShortcut(key({ key: 'S', code: 'KeyS', ctrlKey: true, shiftKey: true }), 'Mod-s')).toBe(false);
  });

  it('match by the key pressed when a modifier changes the character (Option on macOS, other layouts)', () => {
    expect(matchesShortcut(key({ key: 'µ', code: 'KeyM', ctrlKey: true, altKey: true }), 'Ctrl-Alt-m')).toBe(true);
    expect(matchesShortcut(key({ key: '©', code: 'KeyG', ctrlKey: true, altKey: true }), 'Ctrl-Alt-g')).toBe(true);
    expect(matchesShortcut(key({ key: 'ы', code: 'KeyS', ctrlKey: true }), 'Mod-s')).toBe(true);
    expect(matchesShortcut(key({ key: '¡', code: 'Digit1', altKey: true }), 'Alt-1')).toBe(true);
    expect(matchesShortcut(key({ key: 'µ', code: 'KeyM', ctrlKey: true, altKey: true }), 'Ctrl-Alt-g')).toBe(false);
  });
});
