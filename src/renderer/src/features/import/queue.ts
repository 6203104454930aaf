import { useEffect } from 'react';
import { pickedFromDrop, type PickedFile } from './files';

/**
 * Files dropped on the article list wait here for the import screen, which the
 * drop opens: the view takes them when it mounts (or, if already open, when told).
 */
let queued: PickedFile[] = [];
const listeners = new Set<() => void>();

export function queueImportFiles(files: PickedFile[]): void {
  queued = [...queued, ...files];
  for (const l of listeners) l();
}

export function takeQueuedFiles(): PickedFile[] {
  const files = queued;
  queued = [];
  return files;
}

export function onQueuedFiles(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

/**
 * Let files be dropped onto the element matching `selector` (the article list):
 * they are queued for import and `open` shows the import screen.
 */
export function useImportDrop(selector: string, open: () => void): void {
  useEffect(() => {
    const target = (e: DragEvent) => (e.target instanceof Element ? e.target.closest(selector) : null);
    const onOver = (e: DragEvent) => {
      const zone = target(e);
      if (!zone || !hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      zone.classList.add('import-drop-target');
    };
    const onLeave = (e: DragEvent) => target(e)?.classList.remove('import-drop-target');
    const onDrop = (e: DragEvent) => {
      const zone = target(e);
      if (!zone || !hasFiles(e) || !e.dataTransfer) return;
      e.preventDefault();
      zone.classList.remove('import-drop-target');
      void pickedFromDrop(e.dataTransfer).then((files) => {
        if (!files.length) return;
        queueImportFiles(files);
        open();
      });
    };
    document.addEventListener('dragover', onOver);
    document.addEventListener('dragleave', onLeave);
    document.addEventListener('drop', onDrop);
    return () => {
      document.removeEventListener('dragover', onOver);
      document.removeEventListener('dragleave', onLeave);
      document.removeEventListener('drop', onDrop);
    };
  }, [selector, open]);
}
