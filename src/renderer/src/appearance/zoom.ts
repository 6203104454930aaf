import { readSetting, writeSetting } from './stored';

/**
 * The zoom steps of the whole window, as browsers offer them. Zoom is CSS `zoom`
 * on the page's root (one way for both hosts: the Electron window and the
 * browser host behave alike and the setting lives with the page's other
 * settings), so text, menus and panels grow together.
 */
export const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2] as const;

const ZOOM_KEY = 'newsroom.zoom';

/** The remembered zoom factor (1 when none, unreadable or not one of the steps). */
export function storedZoom(): number {
  const stored = Number(readSetting(ZOOM_KEY));
  return (ZOOM_STEPS as readonly number[]).includes(stored) ? stored : 1;
}

/** The next step from `current`: +1 larger, -1 smaller (stopping at the ends), 0 back to 100 %. */
export function nextZoom(current: number, step: 1 | -1 | 0): number {
  if (step === 0) return 1;
  const steps = ZOOM_STEPS as readonly number[];
  if (step > 0) return steps.find((z) => z > current + 1e-9) ?? steps[steps.length - 1]!;
  return [...steps].reverse().find((z) => z < current - 1e-9) ?? steps[0]!;
}

/** Apply a zoom factor to the page. */
export function applyZoom(factor: number): void {
  document.documentElement.style.setProperty('zoom', String(factor));
}

/** Apply and remember. */
export function chooseZoom(factor: number): void {
  applyZoom(factor);
  writeSetting(ZOOM_KEY, String(factor));
}
