import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { isSuggesting } from './suggest/suggest-state';

/**
 * Lets an edit of the article's text happen only when `allowEdit` says so (it
 * asks the user before the first edit of an approved or published article). Input
 * the browser would write into the page itself (typing, paste, drop, cut) is
 * stopped before it touches the page; commands are stopped as transactions.
 * Suggest mode never edits the article, so it is never asked about.
 */
export function editGuardPlugin(allowEdit: () => boolean): Plugin {
  const stopInput = (view: EditorView, event: Event): boolean => {
    if (isSuggesting(view.state) || allowEdit()) return false;
    event.preventDefault();
    return true;
  };
  return new Plugin({
    props: { handleDOMEvents: { beforeinput: stopInput, paste: stopInput, drop: stopInput, cut: stopInput } },
    filterTransaction: (tr, state) => !tr.docChanged || isSuggesting(state) || allowEdit(),
  });
}
