import { useCallback, useEffect, useRef, useState } from 'react';
import type { Anchor, Comment, Suggestion } from '../../../../shared/review/model';
import { resolveAnchor } from '../../../../shared/review/anchors';
import type { EditorState } from 'prosemirror-state';
import type { EditorController } from '../../editor/controller';
import { suggestKey } from '../../editor/plugins/suggest/suggest-state';
import { anchorsById, itemsAtSelection, layoutSignature, placeReviewItems, type ReviewItem } from './pane-items';

/** Re-find anchors this long after typing pauses: placing costs a scan of the text, not worth doing per key. */
const PLACE_DELAY_MS = 200;

export interface PlacedItems {
  /** Items as last placed; a new array only when what the pane shows changed. */
  items: ReviewItem[];
  /** Ids of the items under the editor's caret or selection, space-separated (a string, so React compares it by value). */
  active: string;
  /** The editor has text selected (a comment can be added). */
  hasSelection: boolean;
  /** Where an item's text is in the editor right now, or null when it is gone. */
  locate(id: string): Anchor | null;
}

/**
 * Follow the editor: place review items in its current text (after typing pauses)
 * and track which of them the caret is in, re-rendering only when the pane's
 * content or the active item changes. The editor is read through its controller's
 * subscriptions; React never re-renders ProseMirror.
 */
export function usePlacedItems(editor: EditorController, comments: Comment[], suggestions: Suggestion[]): PlacedItems {
  const known = useRef(new Map<string, Anchor>());
  const knownFor = useRef(editor);
  const latest = useRef<ReviewItem[]>([]);
  const [items, setItems] = useState<ReviewItem[]>([]);
  const [active, setActive] = useState('');
  const [hasSelection, setHasSelection] = useState(false);

  const updateActive = useCallback(() => {
    const { selection } = editor.getState();
    setActive(itemsAtSelection(latest.current, selection.from, selection.to).join(' '));
    setHasSelection(!selection.empty);
  }, [editor]);

  const place = useCallback(
    /** `fresh`: new records (a reply, a decision), shown even when the layout is the same. */
    (fresh: boolean) => {
    // A reopened article (after an accept) is a new document: start from the stored anchors.
    if (knownFor.current !== editor) {
      knownFor.current = editor;
      known.current = new Map();
    }
    const state = editor.getState();
    const typing = typingSuggestions(state);
    const placed = placeReviewItems(state.doc, comments, suggestions, { known: known.current, typing });
    // Keep the last place of items now detached: an undo can bring their text back. Suggestions
    // being typed are placed by their context only, which must not outlive the typing.
    known.current = new Map([...known.current, ...anchorsById(placed)]);
    for (const id of typing) known.current.delete(id);
    const changed = layoutSignature(placed) !== layoutSignature(latest.current);
    latest.current = placed;
    if (changed || fresh) setItems(placed);
    updateActive();
  },
    [editor, comments, suggestions, updateActive],
  );

  // Place now when the records or the editor change, and again after each pause in typing
  // (the text shown, suggested edits included); follow the caret on every change.
  useEffect(() => {
    place(true);
    let doc = editor.getState().doc;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = editor.subscribe(() => {
      const next = editor.getState().doc;
      if (next !== doc) {
        doc = next;
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => place(false), PLACE_DELAY_MS);
      }
      updateActive();
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [editor, place, updateActive]);

  const locate = useCallback(
    (id: string) => {
      const at = known.current.get(id);
      return at ? resolveAnchor(editor.getState().doc, at) : null;
    },
    [editor],
  );
  return { items, active, hasSelection, locate };
}

/** Ids of the stored suggestions the editor's suggest mode is still typing (it draws those itself). */
function typingSuggestions(state: EditorState): Set<string> {
  return new Set(suggestKey.getState(state)?.storedIds ?? []);
}
