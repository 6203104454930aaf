import { isMac } from '../editor/keymap';

/**
 * Does a keyboard event match a shortcut written in ProseMirror's notation
 * ("Mod-s", "Shift-Mod-e", "Alt-1")? Used for app-wide shortcuts outside the editor.
 */
export function matchesShortcut(event: KeyboardEvent, shortcut: string): boolean {
  const parts = shortcut.split(/-(?!$)/);
  const key = parts.pop()!;
  let ctrl = false;
  let meta = false;
  let alt = false;
  let shift = false;
  for (const mod of parts) {
    if (mod === 'Mod') (isMac ? (meta = true) : (ctrl = true));
    else if (mod === 'Ctrl' || mod === 'Control') ctrl = true;
    else if (mod === 'Cmd' || mod === 'Meta') meta = true;
    else if (mod === 'Alt') alt = true;
    else if (mod === 'Shift') shift = true;
  }
  if (event.ctrlKey !== ctrl || event.metaKey !== meta || event.altKey !== alt) return false;
  const eventKey = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const wanted = key.length === 1 ? key.toLowerCase() : key;
  if (key.length === 1 && !/[a-z0-9]/i.test(key)) return eventKey === wanted; // Punctuation already reflects Shift.
  return (eventKey === wanted || physicalKey(event) === wanted) && event.shiftKey === shift;
}

/**
 * The letter or digit printed on the key pressed, from `event.code`. With Option
 * on macOS (⌥M types "µ") or a non-Latin keyboard layout, `event.key` is not the
 * letter of the shortcut; the key's position still is.
 */
function physicalKey(event: KeyboardEvent): string | null {
  const m = /^(?:Key([A-Z])|Digit([0-9]))$/.exec(event.code ?? '');
  return m ? (m[1] ?? m[2]!).toLowerCase() : null;
}
