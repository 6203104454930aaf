import { keymap } from 'prosemirror-keymap';
import { baseKeymap, chainCommands } from 'prosemirror-commands';
import type { Command, Plugin } from 'prosemirror-state';
import { nodes } from './types';
import { backspaceAtPartStart, commands, deleteAtPartEnd, enterAddsAuthor, enterMovesToNextPart } from './commands';

/** True on macOS, where "Mod" is Cmd and redo is Shift-Cmd-Z. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iP(hone|[oa]d)/.test(navigator.platform);

/** A line break inside a paragraph, lead or caption (not in the headline or names, which are plain text). */
const insertHardBreak: Command = (state, dispatch) => {
  const { $from, $to } = state.selection;
  if (!$from.parent.canReplaceWith($from.index(), $to.index(), nodes.hard_break)) return false;
  if (dispatch) dispatch(state.tr.replaceSelectionWith(nodes.hard_break.create()).scrollIntoView());
  return true;
};

/** The shortcuts shown in menus and tooltips, in ProseMirror key notation. */
export const SHORTCUTS = {
  bold: 'Mod-b',
  italic: 'Mod-i',
  link: 'Mod-k',
  paragraph: 'Mod-Alt-0',
  heading2: 'Mod-Alt-2',
  heading3: 'Mod-Alt-3',
  bulletList: 'Shift-Mod-8',
  orderedList: 'Shift-Mod-7',
  blockquote: 'Mod->',
  horizontalRule: 'Mod-_',
  undo: 'Mod-z',
  redo: isMac ? 'Shift-Mod-z' : 'Mod-y',
} as const;

/** "Mod-Alt-2" → "Ctrl+Alt+2" (or "⌘⌥2" on macOS), for tooltips and menus. */
export function shortcutLabel(key: string): string {
  const parts = key.split(/-(?!$)/); // "Mod--" is Mod and the minus key
  const last = parts.pop() ?? '';
  const keyName = last.length === 1 ? last.toUpperCase() : last;
  if (isMac) {
    const mac: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' };
    return parts.map((p) => mac[p] ?? p).join('') + keyName;
  }
  return [...parts.map((p) => (p === 'Mod' ? 'Ctrl' : p)), keyName].join('+');
}

/**
 * The article editor's keymap: the parts' own Enter/Backspace rules first, then
 * formatting shortcuts, then ProseMirror's base keymap.
 */
export function articleKeymaps(options: { requestLink: () => void }): Plugin[] {
  const requestLink: Command = () => {
    options.requestLink();
    return true;
  };
  const bindings: Record<string, Command> = {
    Enter: chainCommands(enterMovesToNextPart, enterAddsAuthor, commands.splitListItem),
    Backspace: backspaceAtPartStart,
    Delete: deleteAtPartEnd,
    'Mod-Delete': deleteAtPartEnd,
    'Shift-Enter': insertHardBreak,
    'Mod-Enter': insertHardBreak,
    Tab: commands.sinkListItem,
    'Shift-Tab': commands.liftListItem,
    [SHORTCUTS.bold]: commands.bold,
    [SHORTCUTS.italic]: commands.italic,
    [SHORTCUTS.link]: requestLink,
    [SHORTCUTS.paragraph]: commands.paragraph,
    [SHORTCUTS.heading2]: commands.heading2,
    [SHORTCUTS.heading3]: commands.heading3,
    [SHORTCUTS.bulletList]: commands.bulletList,
    [SHORTCUTS.orderedList]: commands.orderedList,
    [SHORTCUTS.blockquote]: commands.blockquote,
    [SHORTCUTS.horizontalRule]: commands.horizontalRule,
    'Mod-z': commands.undo,
    'Shift-Mod-z': commands.redo,
  };
  if (!isMac) bindings['Mod-y'] = commands.redo;
  return [keymap(bindings), keymap(baseKeymap)];
}
