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
  return eventKey === wanted && event.shiftKey === shift;
}
