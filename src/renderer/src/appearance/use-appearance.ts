import { useCallback, useState } from 'react';
import { chooseTheme, storedTheme, type ThemeChoice } from './theme';
import { chooseZoom, nextZoom, storedZoom } from './zoom';

/** The window's theme and zoom, applied to the page and remembered (both are applied at start-up by `main.tsx`). */
export function useAppearance() {
  const [theme, setThemeState] = useState<ThemeChoice>(storedTheme);
  const [, setZoomState] = useState<number>(storedZoom);
  const setTheme = useCallback((choice: ThemeChoice) => {
    chooseTheme(choice);
    setThemeState(choice);
  }, []);
  const zoom = useCallback((step: 1 | -1 | 0) => {
    setZoomState((current) => {
      const next = nextZoom(current, step);
      chooseZoom(next);
      return next;
    });
  }, []);
  return { theme, setTheme, zoom };
}
