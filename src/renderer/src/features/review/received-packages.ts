import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpenedFile } from '../../../../shared/bridge';

/** A package the system handed the app (a double-clicked `.newsroom` file), numbered so the same file handed twice opens twice. */
export type ReceivedPackage = { id: number; name: string } & ({ file: File } | { problem: 'missing' | 'too-large' });

/** The packages waiting to be opened, oldest first, and how to mark one handled. */
export interface ReceivedPackages {
  next: ReceivedPackage | null;
  handled(id: number): void;
}

/**
 * Packages the desktop shell receives from the system, queued for File → Open
 * package: `show` is called as each arrives (to bring that view up), and the
 * view opens them in turn. The browser host has no such files.
 */
export function useReceivedPackages(show: () => void): ReceivedPackages {
  const [queue, setQueue] = useState<ReceivedPackage[]>([]);
  const counter = useRef(0);
  const showRef = useRef(show);
  showRef.current = show;
  useEffect(() => {
    const bridge = window.newsroom;
    if (!bridge?.onOpenFile) return;
    return bridge.onOpenFile((opened: OpenedFile) => {
      const id = ++counter.current;
      const item: ReceivedPackage =
        'data' in opened ? { id, name: opened.name, file: new File([opened.data as Uint8Array<ArrayBuffer>], opened.name) } : { id, name: opened.name, problem: opened.problem };
      setQueue((q) => [...q, item]);
      showRef.current();
    });
  }, []);
  const handled = useCallback((id: number) => setQueue((q) => q.filter((p) => p.id !== id)), []);
  return { next: queue[0] ?? null, handled };
}
