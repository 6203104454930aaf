import { useEffect, useState } from 'react';

/** Read a remembered panel state; storage can be unavailable (private mode), then the default holds. */
function readFlag(key: string, initial: boolean): boolean {
  try {
    const stored = localStorage.getItem(key);
    return stored === null ? initial : stored === '1';
  } catch {
    return initial;
  }
}

/**
 * Whether a panel (article list, details, review pane) is shown, remembered on
 * this machine so the window opens the way it was left.
 */
export function usePanelFlag(key: string, initial: boolean): [boolean, React.Dispatch<React.SetStateAction<boolean>>] {
  const [shown, setShown] = useState(() => readFlag(key, initial));
  useEffect(() => {
    try {
      localStorage.setItem(key, shown ? '1' : '0');
    } catch {
      // Not remembered, still applied.
    }
  }, [key, shown]);
  return [shown, setShown];
}
