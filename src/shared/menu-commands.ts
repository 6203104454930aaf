import type { MenuCommand } from './bridge';

/**
 * The one shortcut of each command the Electron menu also carries, in ProseMirror
 * key notation. The page's command registry (`renderer/src/commands/`) takes
 * these commands' shortcuts from here and the Electron application menu turns the
 * same entries into accelerators, so the two cannot disagree. A command missing
 * here has no shortcut in either menu (browsers keep Ctrl+N for a new window, so
 * "New article" has none).
 */
export const COMMAND_SHORTCUTS = {
  save: 'Mod-s',
  import: 'Mod-o',
  'open-package': 'Mod-Shift-o',
  export: 'Mod-Shift-e',
  find: 'Mod-f',
  'suggest-mode': 'Mod-Shift-x',
  review: 'Mod-Alt-r',
  'review-pane': 'Mod-Alt-g',
  comment: 'Mod-Alt-m',
  'proofing-panel': 'F7',
  'new-from-template': 'Mod-Alt-n',
  print: 'Mod-p',
  'zoom-in': 'Mod-=',
  'zoom-out': 'Mod--',
  'zoom-reset': 'Mod-0',
  'command-palette': 'Mod-Shift-p',
  'keyboard-help': 'Mod-/',
} as const satisfies Partial<Record<MenuCommand, string>>;

/** The shortcut of `command`, if it has one. */
export function commandShortcut(command: MenuCommand): string | undefined {
  return (COMMAND_SHORTCUTS as Partial<Record<MenuCommand, string>>)[command];
}

const ACCELERATOR_MODIFIERS: Record<string, string> = {
  Mod: 'CmdOrCtrl',
  Ctrl: 'Ctrl',
  Control: 'Ctrl',
  Cmd: 'Cmd',
  Meta: 'Cmd',
  Alt: 'Alt',
  Shift: 'Shift',
};

/** "Mod-Shift-e" → "CmdOrCtrl+Shift+E", the notation of Electron's menu accelerators. */
export function toAccelerator(shortcut: string): string {
  const parts = shortcut.split(/-(?!$)/);
  const key = parts.pop()!;
  const modifiers = parts.map((m) => {
    const mapped = ACCELERATOR_MODIFIERS[m];
    if (!mapped) throw new Error(`unknown modifier "${m}" in shortcut "${shortcut}"`);
    return mapped;
  });
  return [...modifiers, key.length === 1 ? key.toUpperCase() : key].join('+');
}
