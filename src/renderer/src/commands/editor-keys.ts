import { SEND_SHORTCUT } from '../features/review/pane-shortcuts';

/**
 * Keys the editor and its panels handle themselves, not commands of the
 * registry: listed in the keyboard help beside the commands (the Writing table
 * of the README).
 */
export const EDITOR_KEYS: readonly { labelKey: string; keys: readonly string[] }[] = [
  { labelKey: 'keyboardHelp.keys.nextPart', keys: ['Enter'] },
  { labelKey: 'keyboardHelp.keys.lineBreak', keys: ['Shift-Enter'] },
  { labelKey: 'keyboardHelp.keys.indent', keys: ['Tab', 'Shift-Tab'] },
  { labelKey: 'keyboardHelp.keys.captionCredit', keys: ['Tab', 'Shift-Tab'] },
  { labelKey: 'keyboardHelp.keys.undoReplacement', keys: ['Backspace'] },
  { labelKey: 'keyboardHelp.keys.findNext', keys: ['Enter', 'Shift-Enter'] },
  { labelKey: 'keyboardHelp.keys.closeBar', keys: ['Escape'] },
  { labelKey: 'keyboardHelp.keys.sendComment', keys: [SEND_SHORTCUT] },
  { labelKey: 'keyboardHelp.keys.menuBar', keys: ['F10'] },
];
