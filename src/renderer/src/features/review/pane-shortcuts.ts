import { COMMAND_SHORTCUTS } from '../../../../shared/menu-commands';

/**
 * Shortcuts of the review pane, in ProseMirror key notation. Comment is the one
 * Google Docs and Word use; the pane's own is free in the editor's keymap, the
 * app's features and the browser ("g" for góp ý).
 */
export const REVIEW_PANE_SHORTCUT = COMMAND_SHORTCUTS['review-pane'];
export const COMMENT_SHORTCUT = COMMAND_SHORTCUTS.comment;
/** Send a comment or reply from its text box. */
export const SEND_SHORTCUT = 'Mod-Enter';
