import type { Plugin } from 'prosemirror-state';
import type { EditorContext } from '../context';

/**
 * Feature plugins of the editor (paste, input rules, find/replace, counts, IME,
 * recovery). Owned by the editor-features engineer: add your plugins to the list
 * returned here. `setup.ts` places them before the base keymap, so your key
 * bindings win over the defaults.
 */
export function featurePlugins(_context: EditorContext): Plugin[] {
  return [];
}
