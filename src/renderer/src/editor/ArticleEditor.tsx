import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { EditorState } from 'prosemirror-state';
import type { EditorController } from './controller';

/**
 * Hosts the ProseMirror view. It renders one empty element and mounts the view
 * into it once per controller; React never re-renders ProseMirror's DOM.
 */
export function ArticleEditor({ controller, label }: { controller: EditorController; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const labelRef = useRef(label);
  useEffect(() => {
    if (!host.current) return;
    controller.mount(host.current, editorAttributes(labelRef.current));
    return () => controller.unmount();
  }, [controller]);
  // A new UI language only relabels the view; re-mounting would lose the selection and undo history.
  useEffect(() => {
    labelRef.current = label;
    controller.editorView?.setProps({ attributes: editorAttributes(label) });
  }, [controller, label]);
  return <div ref={host} className="editor-host" />;
}

function editorAttributes(label: string): Record<string, string> {
  return { class: 'nr-editor', 'aria-label': label, 'aria-multiline': 'true', role: 'textbox' };
}

/** The editor state, re-read after every transaction (selection or document). */
export function useEditorState(controller: EditorController): EditorState {
  return useSyncExternalStore(controller.subscribe, controller.getState);
}
