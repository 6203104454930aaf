import { useEffect, useRef, useState, type RefObject } from 'react';
import { TextSelection } from 'prosemirror-state';
import type { ApiClient } from '../../../shared/api';
import { documentParts } from '../../../shared/document';
import type { EditorController } from '../editor/controller';
import { whenMounted, type OpenArticle } from './open-article';
import { readPlace, rememberRecent, writePlace, type Place } from './resume-store';

/** Caret and scroll are written this long after they last moved: often enough to survive a crash, rarely enough to cost nothing. */
const PLACE_WRITE_DELAY_MS = 250;

const scroller = () => document.querySelector<HTMLElement>('.editor-scroll');

/** Put the caret (or selection) and the scroll position back, within the document as it is now. */
function restorePlace(controller: EditorController, place: Place): void {
  controller.run((state, dispatch) => {
    const size = state.doc.content.size;
    const at = (pos: number) => state.doc.resolve(Math.min(pos, size));
    dispatch?.(state.tr.setSelection(TextSelection.between(at(place.anchor), at(place.head))));
    return true;
  });
  scroller()?.scrollTo({ top: place.scrollTop });
}

/**
 * Pick up where the user left off: on launch, the article that was open comes
 * back with its caret and scroll position; while an article is open, its place
 * is remembered and it goes first in File → Recent. Everything is kept per
 * database (see resume-store.ts).
 */
export function useResume({
  client,
  open,
  openRef,
  openArticle,
}: {
  client: ApiClient;
  open: OpenArticle | null;
  openRef: RefObject<OpenArticle | null>;
  openArticle(id: string): Promise<void>;
}): void {
  const [databasePath, setDatabasePath] = useState<string | null>(null);
  const resumed = useRef(false);

  useEffect(() => {
    client.appInfo({}).then(
      (info) => setDatabasePath(info.databasePath),
      () => undefined, // no host answer: the app says so elsewhere; there is simply nothing to resume
    );
  }, [client]);

  // Once, at launch: reopen the last article, unless the user already opened one.
  useEffect(() => {
    if (!databasePath || resumed.current) return;
    resumed.current = true;
    const place = readPlace(databasePath);
    if (!place || openRef.current) return;
    void client.getArticle({ id: place.articleId }).then(
      async () => {
        if (openRef.current) return;
        await openArticle(place.articleId);
        // Read again: the ref changed while the article opened.
        const current = openRef.current as OpenArticle | null;
        if (current?.id === place.articleId) whenMounted(current.controller, () => restorePlace(current.controller, place));
      },
      () => writePlace(databasePath, null), // deleted or gone: start from the empty screen
    );
  }, [client, databasePath, openArticle, openRef]);

  // Closing the article (deleting it, for one) leaves nothing to come back to at the next launch.
  const hadOpen = useRef(false);
  useEffect(() => {
    if (open) hadOpen.current = true;
    else if (databasePath && hadOpen.current) writePlace(databasePath, null);
  }, [databasePath, open]);

  // While an article is open: remember it in Recent, and its caret and scroll as they move.
  useEffect(() => {
    if (!databasePath || !open) return;
    rememberRecent(databasePath, { id: open.id, headline: documentParts(open.controller.getState().doc).headline.textContent });
    let timer: ReturnType<typeof setTimeout> | null = null;
    const save = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      const { anchor, head } = open.controller.getState().selection;
      writePlace(databasePath, { articleId: open.id, anchor, head, scrollTop: scroller()?.scrollTop ?? 0 });
    };
    const later = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(save, PLACE_WRITE_DELAY_MS);
    };
    const onScroll = (e: Event) => {
      if (e.target instanceof Element && e.target.classList.contains('editor-scroll')) later();
    };
    // Written at once, so even an article left untouched is the one that comes back.
    if (resumed.current && readPlace(databasePath)?.articleId !== open.id) save();
    const off = open.controller.subscribe(later);
    document.addEventListener('scroll', onScroll, true);
    window.addEventListener('pagehide', save);
    return () => {
      if (timer) save();
      off();
      document.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('pagehide', save);
    };
  }, [databasePath, open]);
}
